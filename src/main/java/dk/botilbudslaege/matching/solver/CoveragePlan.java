package dk.botilbudslaege.matching.solver;

import java.util.List;

/**
 * The answer of coverage planning (API.md {@code POST /matching/coverage-plan}) with what it left out.
 *
 * @param pairs                         each doctor and facility of the plan with their distance
 * @param coveredFacilities             the number of facilities the plan covers (the most possible)
 * @param coveredResidents              their residents (the most possible with that many facilities)
 * @param totalDistanceKm               the sum of the pairs' distances (the least possible with the above)
 * @param uncoveredFacilityIds          located facilities that no doctor within the distance can take
 * @param facilitiesWithoutCoordinates  facilities that took no part for want of coordinates
 * @param doctorsWithoutCoordinates     doctors with room whose practice has no coordinates
 */
public record CoveragePlan(
        List<PlannedPair> pairs,
        int coveredFacilities,
        long coveredResidents,
        double totalDistanceKm,
        List<Long> uncoveredFacilityIds,
        List<Long> facilitiesWithoutCoordinates,
        List<Long> doctorsWithoutCoordinates) {

    /** One proposed doctor for one facility, {@code distanceKm} from the doctor's practice. */
    public record PlannedPair(long doctorId, long facilityId, double distanceKm) {}

    public CoveragePlan {
        pairs = List.copyOf(pairs);
        uncoveredFacilityIds = List.copyOf(uncoveredFacilityIds);
        facilitiesWithoutCoordinates = List.copyOf(facilitiesWithoutCoordinates);
        doctorsWithoutCoordinates = List.copyOf(doctorsWithoutCoordinates);
    }
}
