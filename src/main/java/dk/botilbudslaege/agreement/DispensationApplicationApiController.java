package dk.botilbudslaege.agreement;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.security.CurrentUser;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/v1/dispensation-applications} (API.md "Added: …"). */
@RestController
@RequestMapping("/api/v1/dispensation-applications")
class DispensationApplicationApiController {

    private final DispensationApplications applications;

    DispensationApplicationApiController(DispensationApplications applications) {
        this.applications = applications;
    }

    @GetMapping
    List<DispensationApplication> list(
            CurrentUser user, @RequestParam(required = false) DispensationApplication.Status status) {
        return applications.list(user, status);
    }

    @GetMapping("/{id}")
    DispensationApplication get(CurrentUser user, @PathVariable long id) {
        return applications.get(user, id);
    }

    @GetMapping("/{id}/history")
    List<AuditTrail.AuditEvent> history(CurrentUser user, @PathVariable long id) {
        return applications.history(user, id);
    }

    @PostMapping
    ResponseEntity<DispensationApplication> apply(CurrentUser user, @RequestBody DispensationApplicationForm form) {
        DispensationApplication filed = applications.apply(user, form);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}")
                        .buildAndExpand(filed.id())
                        .toUri())
                .body(filed);
    }

    @PostMapping("/{id}/grant")
    DispensationApplication grant(
            CurrentUser user, @PathVariable long id, @RequestBody(required = false) DispensationDecisionForm decision) {
        return applications.grant(user, id, decision == null ? new DispensationDecisionForm() : decision);
    }

    @PostMapping("/{id}/refuse")
    DispensationApplication refuse(
            CurrentUser user, @PathVariable long id, @RequestBody(required = false) DispensationDecisionForm decision) {
        return applications.refuse(user, id, decision == null ? null : decision.getReason());
    }
}
