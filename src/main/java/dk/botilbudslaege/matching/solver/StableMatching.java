package dk.botilbudslaege.matching.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Stable matching of doctors and facilities by deferred acceptance (Gale–Shapley, SPEC §6 M3), many
 * to one: a facility takes one doctor, a doctor up to its capacity, and a practice's doctors together
 * up to the practice's remaining capacity. Both directions return a matching that
 * {@link BlockingPairs} finds valid and free of blocking pairs, under the definition stated there.
 *
 * <p><b>Practices.</b> A practice's capacity is shared room that is taken first come, first served and
 * never moved from one of its doctors to another:
 * <ul>
 * <li>Doctor-proposing: a doctor proposes down its list while it holds fewer tentative facilities than
 * its capacity <em>and</em> its practice has room; each proposal takes one place of the practice's
 * room, and a facility rejecting the doctor (at once or later, for a better one) gives the place back.
 * A doctor stopped by a full practice waits and proposes again when a place is given back. Doctors take
 * turns in a first-in, first-out queue starting in instance order, so when several doctors of a
 * practice wait for one place, the first in the queue gets it.</li>
 * <li>Facility-proposing: a doctor receiving a proposal holds it when it has room of its own and its
 * practice has room; otherwise it may only exchange it for the worst facility it holds itself, when it
 * prefers the newcomer. The practice never takes a place from one of its doctors to give it to
 * another; facilities propose in a first-in, first-out queue starting in instance order.</li>
 * </ul>
 * Without practices these are the textbook algorithms: doctor-proposing gives the doctor-optimal stable
 * matching and facility-proposing the facility-optimal one. With practices the result is stable but
 * may depend on the queue order (the tie rule above).
 */
public final class StableMatching {

    private StableMatching() {}

    /** Doctors propose; without practices, the stable matching every doctor likes best. */
    public static Matching doctorProposing(MatchingInstance in) {
        int nd = in.doctorCount();
        int nf = in.facilityCount();
        int[] holder = new int[nf];
        int[] holderRank = new int[nf];
        Arrays.fill(holder, -1);
        int[] next = new int[nd];
        int[] held = new int[nd];
        int[] practiceHeld = new int[in.practiceCount()];
        List<List<Integer>> waiting = new ArrayList<>();
        for (int p = 0; p < in.practiceCount(); p++) {
            waiting.add(new ArrayList<>());
        }
        IntQueue queue = new IntQueue(nd);
        for (int d = 0; d < nd; d++) {
            queue.offer(d);
        }
        while (!queue.isEmpty()) {
            int d = queue.poll();
            int p = in.doctorPractice[d];
            int[] prefs = in.doctorPrefs[d];
            while (held[d] < in.doctorCapacity[d] && next[d] < prefs.length) {
                if (p >= 0 && practiceHeld[p] >= in.practiceCapacity[p]) {
                    waiting.get(p).add(d);
                    break;
                }
                int k = next[d]++;
                int f = prefs[k];
                int rank = in.rankAtFacility[d][k];
                int h = holder[f];
                if (h >= 0 && holderRank[f] < rank) {
                    continue; // f keeps the doctor it prefers
                }
                holder[f] = d;
                holderRank[f] = rank;
                held[d]++;
                if (p >= 0) {
                    practiceHeld[p]++;
                }
                if (h >= 0) {
                    held[h]--;
                    queue.offer(h);
                    int hp = in.doctorPractice[h];
                    if (hp >= 0) {
                        practiceHeld[hp]--;
                        for (int w : waiting.get(hp)) {
                            queue.offer(w);
                        }
                        waiting.get(hp).clear();
                    }
                }
            }
        }
        return toMatching(in, holder);
    }

    /** Facilities propose; without practices, the stable matching every facility likes best. */
    public static Matching facilityProposing(MatchingInstance in) {
        int nd = in.doctorCount();
        int nf = in.facilityCount();
        int[] holder = new int[nf];
        Arrays.fill(holder, -1);
        int[] next = new int[nf];
        int[][] heldFacility = new int[nd][];
        int[][] heldRank = new int[nd][];
        int[] held = new int[nd];
        for (int d = 0; d < nd; d++) {
            heldFacility[d] = new int[in.doctorCapacity[d]];
            heldRank[d] = new int[in.doctorCapacity[d]];
        }
        int[] practiceHeld = new int[in.practiceCount()];
        IntQueue queue = new IntQueue(nf);
        for (int f = 0; f < nf; f++) {
            queue.offer(f);
        }
        while (!queue.isEmpty()) {
            int f = queue.poll();
            int[] prefs = in.facilityPrefs[f];
            while (holder[f] < 0 && next[f] < prefs.length) {
                int k = next[f]++;
                int d = prefs[k];
                int rank = in.rankAtDoctor[f][k];
                int p = in.doctorPractice[d];
                if (held[d] < in.doctorCapacity[d] && (p < 0 || practiceHeld[p] < in.practiceCapacity[p])) {
                    heldFacility[d][held[d]] = f;
                    heldRank[d][held[d]] = rank;
                    held[d]++;
                    if (p >= 0) {
                        practiceHeld[p]++;
                    }
                    holder[f] = d;
                } else if (held[d] > 0) {
                    int worst = worstSlot(heldRank[d], held[d]);
                    if (rank < heldRank[d][worst]) {
                        int displaced = heldFacility[d][worst];
                        holder[displaced] = -1;
                        queue.offer(displaced);
                        heldFacility[d][worst] = f;
                        heldRank[d][worst] = rank;
                        holder[f] = d;
                    }
                }
            }
        }
        return toMatching(in, holder);
    }

    private static int worstSlot(int[] ranks, int count) {
        int worst = 0;
        for (int i = 1; i < count; i++) {
            if (ranks[i] > ranks[worst]) {
                worst = i;
            }
        }
        return worst;
    }

    private static Matching toMatching(MatchingInstance in, int[] holder) {
        List<Pair> pairs = new ArrayList<>();
        List<Long> unmatched = new ArrayList<>();
        for (int f = 0; f < holder.length; f++) {
            if (holder[f] >= 0) {
                pairs.add(new Pair(in.doctorIds[holder[f]], in.facilityIds[f]));
            } else {
                unmatched.add(in.facilityIds[f]);
            }
        }
        return new Matching(pairs, unmatched);
    }

    /** A first-in, first-out queue of ints on a growing ring buffer. */
    private static final class IntQueue {
        private int[] items;
        private int head;
        private int size;

        IntQueue(int capacity) {
            items = new int[Math.max(capacity, 16)];
        }

        void offer(int x) {
            if (size == items.length) {
                int[] grown = new int[items.length * 2];
                for (int i = 0; i < size; i++) {
                    grown[i] = items[(head + i) % items.length];
                }
                items = grown;
                head = 0;
            }
            items[(head + size) % items.length] = x;
            size++;
        }

        int poll() {
            int x = items[head];
            head = (head + 1) % items.length;
            size--;
            return x;
        }

        boolean isEmpty() {
            return size == 0;
        }
    }
}
