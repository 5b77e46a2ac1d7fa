package dk.botilbudslaege.matching.solver;

/** One matched doctor and facility, by their ids. */
public record Pair(long doctorId, long facilityId) {}
