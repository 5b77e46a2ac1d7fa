/**
 * Matchmaking (SPEC §6 M1–M4): the doctors' wish lists and the facilities' priority lists, the rounds a
 * region or municipality opens, offers and proposals, and the stable matching or coverage plan of an area.
 *
 * <p>The module has two layers. {@link dk.botilbudslaege.matching.solver} is the pure solver: stable
 * matching, blocking pairs and the coverage planner, free of Spring, the database and the web (an ArchUnit
 * rule keeps it so). This package is the application around it: {@link dk.botilbudslaege.matching.SolverFacade}
 * is the front of the solver (it builds an instance from the stored lists and the area's doctors and turns
 * the result into an outcome); {@link dk.botilbudslaege.matching.Rounds}, {@link dk.botilbudslaege.matching.RankedLists},
 * {@link dk.botilbudslaege.matching.Offers} and {@link dk.botilbudslaege.matching.Proposals} keep the rounds'
 * data; the controllers are the API and the pages.
 */
package dk.botilbudslaege.matching;
