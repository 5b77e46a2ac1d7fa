package dk.botilbudslaege.matching.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable matching problem (SPEC §6 M2): doctors, each with a capacity (how many facilities it may
 * still take, from R1 and dispensations) and its ranked list of facility ids; facilities, each taking
 * one doctor, with their ranked list of doctor ids; and optionally practices, each with a remaining
 * capacity (R3) shared by its doctors. A doctor belongs to at most one practice.
 *
 * <p>Only mutually acceptable pairs can match: a doctor and a facility that rank each other. Lists may
 * be incomplete; a party never gets someone it did not rank. The public API speaks in long ids;
 * internally every doctor, facility and practice has a dense index (its order of addition), and the
 * preference lists are kept as int arrays filtered to the mutually acceptable pairs.
 */
public final class MatchingInstance {

    final long[] doctorIds;
    final long[] facilityIds;
    final int[] doctorCapacity;
    /** Practice index of each doctor, -1 when it belongs to none. */
    final int[] doctorPractice;

    final int[] practiceCapacity;
    /** Each doctor's acceptable facilities, best first. */
    final int[][] doctorPrefs;
    /** Each facility's acceptable doctors, best first. */
    final int[][] facilityPrefs;
    /** For {@code doctorPrefs[d][k]}: the position of d in that facility's list. */
    final int[][] rankAtFacility;
    /** For {@code facilityPrefs[f][k]}: the position of f in that doctor's list. */
    final int[][] rankAtDoctor;

    private final Map<Long, Integer> doctorIndex;
    private final Map<Long, Integer> facilityIndex;

    private MatchingInstance(Builder b) {
        doctorIds = b.doctors.keySet().stream().mapToLong(Long::longValue).toArray();
        facilityIds = b.facilities.keySet().stream().mapToLong(Long::longValue).toArray();
        doctorIndex = indexOf(doctorIds);
        facilityIndex = indexOf(facilityIds);
        Map<Long, Integer> practiceIndex = new HashMap<>();
        practiceCapacity = new int[b.practices.size()];
        for (var e : b.practices.entrySet()) {
            practiceCapacity[practiceIndex.size()] = e.getValue();
            practiceIndex.put(e.getKey(), practiceIndex.size());
        }
        int nd = doctorIds.length;
        int nf = facilityIds.length;
        doctorCapacity = new int[nd];
        doctorPractice = new int[nd];
        int[][] rawDoctor = new int[nd][];
        int[][] rawFacility = new int[nf][];
        int[] seenFacility = stamps(nf);
        for (int d = 0; d < nd; d++) {
            DoctorEntry e = b.doctors.get(doctorIds[d]);
            doctorCapacity[d] = e.capacity;
            if (e.practiceId == null) {
                doctorPractice[d] = -1;
            } else {
                Integer p = practiceIndex.get(e.practiceId);
                if (p == null) {
                    throw new IllegalArgumentException("doctor " + doctorIds[d] + ": unknown practice " + e.practiceId);
                }
                doctorPractice[d] = p;
            }
            rawDoctor[d] = indexes(e.ranked, facilityIndex, seenFacility, d, "doctor " + doctorIds[d], "facility");
        }
        int[] seenDoctor = stamps(nd);
        for (int f = 0; f < nf; f++) {
            rawFacility[f] = indexes(
                    b.facilities.get(facilityIds[f]),
                    doctorIndex,
                    seenDoctor,
                    f,
                    "facility " + facilityIds[f],
                    "doctor");
        }
        Acceptability a = new Acceptability(rawDoctor, rawFacility);
        doctorPrefs = a.doctorPrefs;
        facilityPrefs = a.facilityPrefs;
        rankAtFacility = a.rankAtFacility;
        rankAtDoctor = a.rankAtDoctor;
    }

    /** Starts an empty instance. */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of doctors. */
    public int doctorCount() {
        return doctorIds.length;
    }

    /** Number of facilities. */
    public int facilityCount() {
        return facilityIds.length;
    }

    /** Number of practices. */
    public int practiceCount() {
        return practiceCapacity.length;
    }

    /** Whether any doctor belongs to a practice. */
    public boolean hasPractices() {
        return Arrays.stream(doctorPractice).anyMatch(p -> p >= 0);
    }

    /** The doctor's acceptable facilities (those that rank it too), best first. */
    public List<Long> acceptableFacilities(long doctorId) {
        return Arrays.stream(doctorPrefs[doctor(doctorId)])
                .mapToObj(f -> facilityIds[f])
                .toList();
    }

    /** The facility's acceptable doctors (those that rank it too), best first. */
    public List<Long> acceptableDoctors(long facilityId) {
        return Arrays.stream(facilityPrefs[facility(facilityId)])
                .mapToObj(d -> doctorIds[d])
                .toList();
    }

    int doctor(long doctorId) {
        Integer d = doctorIndex.get(doctorId);
        if (d == null) {
            throw new IllegalArgumentException("unknown doctor " + doctorId);
        }
        return d;
    }

    int facility(long facilityId) {
        Integer f = facilityIndex.get(facilityId);
        if (f == null) {
            throw new IllegalArgumentException("unknown facility " + facilityId);
        }
        return f;
    }

    boolean knowsDoctor(long doctorId) {
        return doctorIndex.containsKey(doctorId);
    }

    boolean knowsFacility(long facilityId) {
        return facilityIndex.containsKey(facilityId);
    }

    /** Position of facility f in doctor d's acceptable list, -1 when not acceptable. */
    int doctorRank(int d, int f) {
        return positionOf(doctorPrefs[d], f);
    }

    /** Position of doctor d in facility f's acceptable list, -1 when not acceptable. */
    int facilityRank(int f, int d) {
        return positionOf(facilityPrefs[f], d);
    }

    private static int positionOf(int[] list, int x) {
        for (int i = 0; i < list.length; i++) {
            if (list[i] == x) {
                return i;
            }
        }
        return -1;
    }

    private static Map<Long, Integer> indexOf(long[] ids) {
        Map<Long, Integer> index = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            index.put(ids[i], i);
        }
        return index;
    }

    private static int[] stamps(int n) {
        int[] stamps = new int[n];
        Arrays.fill(stamps, -1);
        return stamps;
    }

    /** The ids as indexes; {@code seen} holds, per index, the last owner that ranked it (duplicates). */
    private static int[] indexes(
            List<Long> ids, Map<Long, Integer> index, int[] seen, int owner, String ownerName, String kind) {
        int[] result = new int[ids.size()];
        for (int i = 0; i < result.length; i++) {
            Long id = ids.get(i);
            Integer x = index.get(id);
            if (x == null) {
                throw new IllegalArgumentException(ownerName + " ranks unknown " + kind + " " + id);
            }
            if (seen[x] == owner) {
                throw new IllegalArgumentException(ownerName + " ranks " + kind + " " + id + " twice");
            }
            seen[x] = owner;
            result[i] = x;
        }
        return result;
    }

    private record DoctorEntry(int capacity, Long practiceId, List<Long> ranked) {}

    /** Collects practices, doctors and facilities; ids must be unique within their kind. */
    public static final class Builder {

        private final Map<Long, Integer> practices = new LinkedHashMap<>();
        private final Map<Long, DoctorEntry> doctors = new LinkedHashMap<>();
        private final Map<Long, List<Long>> facilities = new LinkedHashMap<>();

        private Builder() {}

        /** A practice whose doctors together may take at most {@code remainingCapacity} facilities (R3). */
        public Builder practice(long practiceId, int remainingCapacity) {
            requireNonNegative(remainingCapacity, "practice " + practiceId);
            requireNew(practices.put(practiceId, remainingCapacity), "practice " + practiceId);
            return this;
        }

        /** A doctor outside any practice that may take {@code capacity} facilities, with its wishes best first. */
        public Builder doctor(long doctorId, int capacity, List<Long> rankedFacilityIds) {
            return add(doctorId, capacity, null, rankedFacilityIds);
        }

        /** A doctor of a practice (added before or after), with its own capacity and its wishes best first. */
        public Builder doctorInPractice(long doctorId, int capacity, long practiceId, List<Long> rankedFacilityIds) {
            return add(doctorId, capacity, practiceId, rankedFacilityIds);
        }

        /** A facility taking one doctor, with its priority list of doctors best first. */
        public Builder facility(long facilityId, List<Long> rankedDoctorIds) {
            requireNew(facilities.put(facilityId, List.copyOf(rankedDoctorIds)), "facility " + facilityId);
            return this;
        }

        /** The instance; unknown ids in lists, duplicates in a list or an unknown practice are refused. */
        public MatchingInstance build() {
            return new MatchingInstance(this);
        }

        private Builder add(long doctorId, int capacity, Long practiceId, List<Long> ranked) {
            requireNonNegative(capacity, "doctor " + doctorId);
            requireNew(
                    doctors.put(doctorId, new DoctorEntry(capacity, practiceId, List.copyOf(ranked))),
                    "doctor " + doctorId);
            return this;
        }

        private static void requireNonNegative(int capacity, String owner) {
            if (capacity < 0) {
                throw new IllegalArgumentException(owner + ": capacity must be 0 or more, was " + capacity);
            }
        }

        private static void requireNew(Object previous, String owner) {
            if (previous != null) {
                throw new IllegalArgumentException(owner + " added twice");
            }
        }
    }

    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        for (int d = 0; d < doctorIds.length; d++) {
            lines.add("doctor " + doctorIds[d] + " cap " + doctorCapacity[d] + " practice " + doctorPractice[d]
                    + " ranks "
                    + Arrays.toString(Arrays.stream(doctorPrefs[d])
                            .mapToLong(f -> facilityIds[f])
                            .toArray()));
        }
        for (int f = 0; f < facilityIds.length; f++) {
            lines.add("facility " + facilityIds[f] + " ranks "
                    + Arrays.toString(Arrays.stream(facilityPrefs[f])
                            .mapToLong(d -> doctorIds[d])
                            .toArray()));
        }
        lines.add("practice capacities " + Arrays.toString(practiceCapacity));
        return String.join("\n", lines);
    }
}
