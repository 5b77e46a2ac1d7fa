package dk.botilbudslaege.matching.solver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A coverage planning problem (SPEC §6 M4): the uncovered facilities of an area with their residents
 * and coordinates, the practices of the area with their coordinates and remaining capacity (R3), and
 * their doctors with the facilities each may still take (R1, R2 and dispensations).
 *
 * <p>A doctor travels from the practice's address, so every doctor of a practice is equally far from a
 * facility. R3 counts a practice's roles: a doctor without a dispensation counts one capacity per role;
 * a doctor with a dispensation counts one capacity in all (the dispensation covers the extra roles), so
 * such a doctor who already holds a role takes further facilities without using any room of the practice.
 * Coordinates may be missing: such facilities and practices take no part and are reported.
 */
public final class CoverageInstance {

    /** A facility without a doctor; latitude and longitude are both null when unknown. */
    public record Facility(long id, int residents, Double latitude, Double longitude) {
        boolean located() {
            return latitude != null && longitude != null;
        }
    }

    /**
     * A practice with its remaining capacity (R3: capacities less the counted roles); {@code reachKm}, when
     * set, is a shorter distance than the plan's that its doctors may travel (a practice of a neighbouring
     * region, issue 11 item 13).
     */
    public record Practice(long id, int room, Double latitude, Double longitude, Double reachKm) {
        boolean located() {
            return latitude != null && longitude != null;
        }
    }

    /**
     * A doctor of a practice.
     *
     * @param capacity   how many more facilities the doctor may take (R1, R2, dispensations)
     * @param dispensed  whether a dispensation covers the doctor's extra roles (R3 counts the doctor once)
     * @param heldRoles  the roles the doctor already holds (nursing home and facilities)
     */
    public record Doctor(long id, long practiceId, int capacity, boolean dispensed, int heldRoles) {

        /** Whether the doctor's further facilities use no room of the practice. */
        boolean alreadyCounted() {
            return dispensed && heldRoles > 0;
        }
    }

    final List<Facility> facilities;
    final List<Practice> practices;
    final Map<Long, List<Doctor>> doctorsByPractice;

    private CoverageInstance(List<Facility> facilities, List<Practice> practices, Map<Long, List<Doctor>> doctors) {
        this.facilities = List.copyOf(facilities);
        this.practices = List.copyOf(practices);
        this.doctorsByPractice = doctors;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Facility> facilities() {
        return facilities;
    }

    public List<Practice> practices() {
        return practices;
    }

    public List<Doctor> doctorsOf(long practiceId) {
        return doctorsByPractice.getOrDefault(practiceId, List.of());
    }

    /** Collects facilities, practices and doctors; ids must be unique within their kind. */
    public static final class Builder {

        private final Map<Long, Facility> facilities = new LinkedHashMap<>();
        private final Map<Long, Practice> practices = new LinkedHashMap<>();
        private final Map<Long, Doctor> doctors = new LinkedHashMap<>();

        private Builder() {}

        public Builder facility(long id, int residents, Double latitude, Double longitude) {
            requireCoordinates(latitude, longitude, "facility " + id);
            if (residents < 0) {
                throw new IllegalArgumentException("facility " + id + ": residents must be 0 or more");
            }
            requireNew(facilities.put(id, new Facility(id, residents, latitude, longitude)), "facility " + id);
            return this;
        }

        public Builder practice(long id, int room, Double latitude, Double longitude) {
            return practice(id, room, latitude, longitude, null);
        }

        /** A practice whose doctors travel at most {@code reachKm} (null: as far as the plan allows). */
        public Builder practice(long id, int room, Double latitude, Double longitude, Double reachKm) {
            requireCoordinates(latitude, longitude, "practice " + id);
            if (reachKm != null && !(reachKm > 0)) {
                throw new IllegalArgumentException("practice " + id + ": reach must be above 0");
            }
            requireNew(
                    practices.put(id, new Practice(id, Math.max(0, room), latitude, longitude, reachKm)),
                    "practice " + id);
            return this;
        }

        public Builder doctor(long id, long practiceId, int capacity, boolean dispensed, int heldRoles) {
            requireNew(
                    doctors.put(id, new Doctor(id, practiceId, Math.max(0, capacity), dispensed, heldRoles)),
                    "doctor " + id);
            return this;
        }

        public CoverageInstance build() {
            Map<Long, List<Doctor>> byPractice = new LinkedHashMap<>();
            for (Doctor d : doctors.values()) {
                if (!practices.containsKey(d.practiceId())) {
                    throw new IllegalArgumentException("doctor " + d.id() + ": unknown practice " + d.practiceId());
                }
                byPractice
                        .computeIfAbsent(d.practiceId(), k -> new ArrayList<>())
                        .add(d);
            }
            return new CoverageInstance(
                    new ArrayList<>(facilities.values()), new ArrayList<>(practices.values()), byPractice);
        }

        private static void requireCoordinates(Double latitude, Double longitude, String owner) {
            if ((latitude == null) != (longitude == null)) {
                throw new IllegalArgumentException(owner + ": latitude and longitude go together");
            }
        }

        private static void requireNew(Object previous, String owner) {
            if (previous != null) {
                throw new IllegalArgumentException(owner + " added twice");
            }
        }
    }
}
