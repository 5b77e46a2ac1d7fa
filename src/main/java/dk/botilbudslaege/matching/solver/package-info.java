/**
 * The pure core of matchmaking (SPEC §6 M2–M4), free of Spring, the database and the web.
 *
 * <p>Doctors rank the openings they want and facilities rank the doctors who offered (M2). A
 * {@link dk.botilbudslaege.matching.solver.MatchingInstance} holds both lists with each doctor's capacity
 * (R1 and dispensations) and, optionally, each practice's remaining capacity (R3).
 * {@link dk.botilbudslaege.matching.solver.StableMatching} matches the two lists by deferred acceptance,
 * doctor-proposing or facility-proposing (M3), and {@link dk.botilbudslaege.matching.solver.BlockingPairs}
 * checks a result: capacities respected, only mutually acceptable pairs, and no doctor and facility that both
 * prefer each other over what they got. The stability definition with practices is stated on
 * {@link dk.botilbudslaege.matching.solver.BlockingPairs}. {@link dk.botilbudslaege.matching.solver.CoveragePlanner}
 * plans the coverage of an area by min-cost flow (M4, the pure-Java {@link dk.botilbudslaege.matching.solver.NetworkSimplex}).
 */
package dk.botilbudslaege.matching.solver;
