package dk.botilbudslaege.matching;

import dk.botilbudslaege.matching.solver.CoveragePlan;
import dk.botilbudslaege.security.CurrentUser;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API.md "Coverage and matching": the wish and priority lists, a stable matching round and a coverage plan. */
@RestController
@RequestMapping("/api/v1")
class MatchingApiController {

    private final RankedLists lists;
    private final SolverFacade rounds;

    MatchingApiController(RankedLists lists, SolverFacade rounds) {
        this.lists = lists;
        this.rounds = rounds;
    }

    @GetMapping("/doctors/{id}/wishes")
    List<Long> wishes(CurrentUser user, @PathVariable long id) {
        return lists.wishes(user, id);
    }

    @PutMapping("/doctors/{id}/wishes")
    List<Long> replaceWishes(CurrentUser user, @PathVariable long id, @RequestBody List<Long> facilityIds) {
        return lists.replaceWishes(user, id, facilityIds);
    }

    @GetMapping("/facilities/{id}/priorities")
    List<Long> priorities(CurrentUser user, @PathVariable long id) {
        return lists.priorities(user, id);
    }

    @PutMapping("/facilities/{id}/priorities")
    List<Long> replacePriorities(CurrentUser user, @PathVariable long id, @RequestBody List<Long> doctorIds) {
        return lists.replacePriorities(user, id, doctorIds);
    }

    @PostMapping("/matching/stable")
    SolverFacade.StableAnswer stable(CurrentUser user, @RequestBody(required = false) StableRequest request) {
        StableRequest r = request == null ? new StableRequest(null, null, null) : request;
        return rounds.stable(user, r.regionCode(), r.municipalityCode(), r.proposing());
    }

    @PostMapping("/matching/coverage-plan")
    CoveragePlan coveragePlan(CurrentUser user, @RequestBody(required = false) PlanRequest request) {
        PlanRequest r = request == null ? new PlanRequest(null, null, null, null, null, null) : request;
        return rounds.coveragePlan(
                user,
                r.regionCode(),
                r.municipalityCode(),
                r.maxDistanceKm(),
                Boolean.TRUE.equals(r.allowMultipleFacilities()),
                r.facilitiesPerDoctor(),
                Boolean.TRUE.equals(r.neighbourRegions()));
    }

    /**
     * API.md; {@code facilitiesPerDoctor} (2-10, default 2) is an extension for the what-if, and so is
     * {@code neighbourRegions}: also the doctors of the neighbouring regions within {@code maxDistanceKm}.
     */
    record PlanRequest(
            String regionCode,
            String municipalityCode,
            Double maxDistanceKm,
            Boolean allowMultipleFacilities,
            Integer facilitiesPerDoctor,
            Boolean neighbourRegions) {}

    record StableRequest(String regionCode, String municipalityCode, SolverFacade.Proposing proposing) {}
}
