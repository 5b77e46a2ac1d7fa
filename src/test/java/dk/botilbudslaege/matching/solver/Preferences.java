package dk.botilbudslaege.matching.solver;

/** Who prefers which matching: the comparisons behind doctor-optimal and facility-optimal. */
final class Preferences {

    private Preferences() {}

    /**
     * The doctor weakly prefers a to b: it holds as many facilities in both, and a's i-th best is at
     * least as good as b's i-th best for every i (the order of responsive preferences on stable matchings).
     */
    static boolean doctorWeaklyPrefers(MatchingInstance in, long doctorId, Matching a, Matching b) {
        int[] ra = ranks(in, doctorId, a);
        int[] rb = ranks(in, doctorId, b);
        if (ra.length != rb.length) {
            return false;
        }
        for (int i = 0; i < ra.length; i++) {
            if (ra[i] > rb[i]) {
                return false;
            }
        }
        return true;
    }

    /** The facility weakly prefers a to b (being unmatched is worst). */
    static boolean facilityWeaklyPrefers(MatchingInstance in, long facilityId, Matching a, Matching b) {
        return rank(in, facilityId, a) <= rank(in, facilityId, b);
    }

    private static int[] ranks(MatchingInstance in, long doctorId, Matching m) {
        int d = in.doctor(doctorId);
        return m.facilitiesOf(doctorId).stream()
                .mapToInt(f -> in.doctorRank(d, in.facility(f)))
                .sorted()
                .toArray();
    }

    private static int rank(MatchingInstance in, long facilityId, Matching m) {
        Long doctor = m.doctorOf(facilityId);
        return doctor == null ? Integer.MAX_VALUE : in.facilityRank(in.facility(facilityId), in.doctor(doctor));
    }
}
