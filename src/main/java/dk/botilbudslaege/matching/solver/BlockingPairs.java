package dk.botilbudslaege.matching.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a matching against its instance (SPEC §6 M3): {@link #validate} for the hard rules and
 * {@link #find} for stability.
 *
 * <p><b>Stability with practices.</b> A matching is stable when it is valid and has no blocking pair.
 * A doctor d and a facility f not matched to each other form a <em>blocking pair</em> when all of:
 * <ol>
 * <li>they are mutually acceptable (each ranks the other);</li>
 * <li>f is unmatched, or f ranks d above its matched doctor;</li>
 * <li>d could take f, namely either
 *   <ol type="a">
 *   <li>d holds fewer facilities than its own capacity <em>and</em> d's practice (if any) holds fewer
 *   places than its remaining capacity, so d can add f; or</li>
 *   <li>d ranks f above the worst facility it holds, so d can swap that one for f (which changes
 *   neither d's nor its practice's count).</li>
 *   </ol></li>
 * </ol>
 * A doctor with room of its own in a full practice that holds nothing worse than f therefore does not
 * block with f: taking f would need another doctor of the practice to give up a facility. Without
 * practices this is the usual stability of many-to-one matching with responsive preferences.
 */
public final class BlockingPairs {

    private BlockingPairs() {}

    /** Every blocking pair of the matching, by doctor in instance order, then by the doctor's preference. */
    public static List<Pair> find(MatchingInstance in, Matching matching) {
        State s = new State(in, matching);
        List<Pair> blocking = new ArrayList<>();
        for (int d = 0; d < in.doctorCount(); d++) {
            int p = in.doctorPractice[d];
            boolean canAdd =
                    s.doctorCount[d] < in.doctorCapacity[d] && (p < 0 || s.practiceCount[p] < in.practiceCapacity[p]);
            int worst = -1;
            for (int f = 0; f < in.facilityCount(); f++) {
                if (s.facilityDoctor[f] == d) {
                    worst = Math.max(worst, rankOrWorst(in.doctorRank(d, f)));
                }
            }
            int[] prefs = in.doctorPrefs[d];
            for (int k = 0; k < prefs.length; k++) {
                int f = prefs[k];
                int h = s.facilityDoctor[f];
                if (h == d) {
                    continue;
                }
                boolean facilityWants = h < 0 || in.facilityRank(f, d) < rankOrWorst(in.facilityRank(f, h));
                boolean doctorCanTake = canAdd || k < worst;
                if (facilityWants && doctorCanTake) {
                    blocking.add(new Pair(in.doctorIds[d], in.facilityIds[f]));
                }
            }
        }
        return blocking;
    }

    /**
     * The hard rules the matching breaks, as messages (empty when valid): known ids only, a facility at
     * most once, only mutually acceptable pairs, doctor and practice capacities respected, and the
     * unmatched facilities exactly those without a pair.
     */
    public static List<String> validate(MatchingInstance in, Matching matching) {
        List<String> problems = new ArrayList<>();
        int[] facilityDoctor = new int[in.facilityCount()];
        Arrays.fill(facilityDoctor, -1);
        int[] doctorCount = new int[in.doctorCount()];
        int[] practiceCount = new int[in.practiceCount()];
        for (Pair pair : matching.pairs()) {
            if (!in.knowsDoctor(pair.doctorId()) || !in.knowsFacility(pair.facilityId())) {
                problems.add("unknown doctor or facility in " + pair);
                continue;
            }
            int d = in.doctor(pair.doctorId());
            int f = in.facility(pair.facilityId());
            if (facilityDoctor[f] >= 0) {
                problems.add("facility " + pair.facilityId() + " has more than one doctor");
            }
            facilityDoctor[f] = d;
            if (in.doctorRank(d, f) < 0) {
                problems.add(pair + " is not mutually acceptable");
            }
            doctorCount[d]++;
            if (in.doctorPractice[d] >= 0) {
                practiceCount[in.doctorPractice[d]]++;
            }
        }
        for (int d = 0; d < in.doctorCount(); d++) {
            if (doctorCount[d] > in.doctorCapacity[d]) {
                problems.add("doctor " + in.doctorIds[d] + " has " + doctorCount[d] + " facilities, capacity "
                        + in.doctorCapacity[d]);
            }
        }
        for (int p = 0; p < in.practiceCount(); p++) {
            if (practiceCount[p] > in.practiceCapacity[p]) {
                problems.add("practice #" + p + " has " + practiceCount[p] + " facilities, capacity "
                        + in.practiceCapacity[p]);
            }
        }
        Set<Long> expectedUnmatched = new HashSet<>();
        for (int f = 0; f < in.facilityCount(); f++) {
            if (facilityDoctor[f] < 0) {
                expectedUnmatched.add(in.facilityIds[f]);
            }
        }
        if (!expectedUnmatched.equals(new HashSet<>(matching.unmatchedFacilityIds()))
                || expectedUnmatched.size() != matching.unmatchedFacilityIds().size()) {
            problems.add("unmatched facilities " + matching.unmatchedFacilityIds() + " should be " + expectedUnmatched);
        }
        return problems;
    }

    private static int rankOrWorst(int rank) {
        return rank < 0 ? Integer.MAX_VALUE : rank;
    }

    /** The matching in indexes: each facility's doctor and the counts held by doctors and practices. */
    private static final class State {
        final int[] facilityDoctor;
        final int[] doctorCount;
        final int[] practiceCount;

        State(MatchingInstance in, Matching matching) {
            facilityDoctor = new int[in.facilityCount()];
            Arrays.fill(facilityDoctor, -1);
            doctorCount = new int[in.doctorCount()];
            practiceCount = new int[in.practiceCount()];
            for (Pair pair : matching.pairs()) {
                int d = in.doctor(pair.doctorId());
                facilityDoctor[in.facility(pair.facilityId())] = d;
                doctorCount[d]++;
                if (in.doctorPractice[d] >= 0) {
                    practiceCount[in.doctorPractice[d]]++;
                }
            }
        }
    }
}
