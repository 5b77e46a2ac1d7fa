package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.security.CurrentUser;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/agreements/{id}/cooperation-plan} and {@code /api/v1/cooperation-plans/missing} (API.md). */
@RestController
class CooperationPlanApiController {

    private final CooperationPlans plans;

    CooperationPlanApiController(CooperationPlans plans) {
        this.plans = plans;
    }

    @GetMapping("/api/v1/agreements/{id}/cooperation-plan")
    CooperationPlan get(CurrentUser user, @PathVariable long id) {
        return plans.get(user, id);
    }

    @PutMapping("/api/v1/agreements/{id}/cooperation-plan")
    CooperationPlan draft(CurrentUser user, @PathVariable long id, @RequestBody CooperationPlanForm form) {
        return plans.draft(user, id, form);
    }

    @PostMapping("/api/v1/agreements/{id}/cooperation-plan/accept")
    CooperationPlan accept(CurrentUser user, @PathVariable long id, @RequestBody(required = false) Acceptance body) {
        return plans.accept(user, id, body == null ? null : body.version());
    }

    @GetMapping("/api/v1/agreements/{id}/cooperation-plan/versions")
    List<CooperationPlan> versions(CurrentUser user, @PathVariable long id) {
        return plans.versions(user, id);
    }

    @GetMapping("/api/v1/agreements/{id}/cooperation-plan/contacts")
    List<CooperationPlan.Contact> contacts(CurrentUser user, @PathVariable long id) {
        return plans.contacts(user, id);
    }

    @GetMapping("/api/v1/cooperation-plans/missing")
    List<CooperationPlan.Missing> missing(CurrentUser user) {
        return plans.missing(user);
    }

    /** The version the accepting party read; optional. */
    record Acceptance(Integer version) {}
}
