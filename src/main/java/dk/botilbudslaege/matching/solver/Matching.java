package dk.botilbudslaege.matching.solver;

import java.util.List;

/**
 * The outcome of a matching: the matched pairs (a doctor may appear in several, a facility in at most
 * one) and the facilities left without a doctor.
 *
 * @param pairs                 matched doctor and facility ids
 * @param unmatchedFacilityIds  facilities of the instance that got no doctor, in instance order
 */
public record Matching(List<Pair> pairs, List<Long> unmatchedFacilityIds) {

    public Matching {
        pairs = List.copyOf(pairs);
        unmatchedFacilityIds = List.copyOf(unmatchedFacilityIds);
    }

    /** The facilities matched to a doctor, in the order of {@link #pairs()}. */
    public List<Long> facilitiesOf(long doctorId) {
        return pairs.stream()
                .filter(p -> p.doctorId() == doctorId)
                .map(Pair::facilityId)
                .toList();
    }

    /** The doctor matched to a facility, or {@code null} when it has none. */
    public Long doctorOf(long facilityId) {
        return pairs.stream()
                .filter(p -> p.facilityId() == facilityId)
                .map(Pair::doctorId)
                .findFirst()
                .orElse(null);
    }
}
