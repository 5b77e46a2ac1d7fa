package dk.botilbudslaege.matching.solver;

import java.util.ArrayList;
import java.util.List;

/** Every stable matching of a small instance, by trying every assignment of facilities to doctors. */
final class BruteForce {

    private BruteForce() {}

    static List<Matching> allStableMatchings(MatchingInstance in) {
        List<Matching> stable = new ArrayList<>();
        assign(in, 0, new int[in.facilityCount()], new int[in.doctorCount()], new int[in.practiceCount()], stable);
        return stable;
    }

    private static void assign(
            MatchingInstance in, int f, int[] doctorOf, int[] doctorCount, int[] practiceCount, List<Matching> stable) {
        if (f == in.facilityCount()) {
            Matching m = toMatching(in, doctorOf);
            if (BlockingPairs.validate(in, m).isEmpty()
                    && BlockingPairs.find(in, m).isEmpty()) {
                stable.add(m);
            }
            return;
        }
        doctorOf[f] = -1;
        assign(in, f + 1, doctorOf, doctorCount, practiceCount, stable);
        for (int d : in.facilityPrefs[f]) {
            int p = in.doctorPractice[d];
            if (doctorCount[d] < in.doctorCapacity[d] && (p < 0 || practiceCount[p] < in.practiceCapacity[p])) {
                doctorOf[f] = d;
                doctorCount[d]++;
                if (p >= 0) {
                    practiceCount[p]++;
                }
                assign(in, f + 1, doctorOf, doctorCount, practiceCount, stable);
                doctorCount[d]--;
                if (p >= 0) {
                    practiceCount[p]--;
                }
            }
        }
        doctorOf[f] = -1;
    }

    private static Matching toMatching(MatchingInstance in, int[] doctorOf) {
        List<Pair> pairs = new ArrayList<>();
        List<Long> unmatched = new ArrayList<>();
        for (int f = 0; f < doctorOf.length; f++) {
            if (doctorOf[f] >= 0) {
                pairs.add(new Pair(in.doctorIds[doctorOf[f]], in.facilityIds[f]));
            } else {
                unmatched.add(in.facilityIds[f]);
            }
        }
        return new Matching(pairs, unmatched);
    }
}
