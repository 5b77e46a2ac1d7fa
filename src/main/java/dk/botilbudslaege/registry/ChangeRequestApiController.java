package dk.botilbudslaege.registry;

import dk.botilbudslaege.security.CurrentUser;
import java.time.LocalDate;
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
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/change-requests} (API.md "change requests"). */
@RestController
@RequestMapping("/api/v1/change-requests")
class ChangeRequestApiController {

    private final ChangeRequests changeRequests;

    ChangeRequestApiController(ChangeRequests changeRequests) {
        this.changeRequests = changeRequests;
    }

    /** A request as JSON sends it: the new value may be a string, a boolean or a number. */
    record FileBody(
            Long practiceId, Long doctorId, String field, JsonNode newValue, LocalDate validFrom, String reason) {

        ChangeRequestForm form() {
            String value = newValue == null || newValue.isNull() || !newValue.isValueNode()
                    ? null
                    : newValue.isString() ? newValue.asString() : newValue.toString();
            return ChangeRequestForm.of(practiceId, doctorId, field, value, validFrom, reason);
        }
    }

    record DecisionBody(String reason) {}

    @GetMapping
    List<ChangeRequest> list(CurrentUser user, @RequestParam(required = false) ChangeRequest.Status status) {
        return changeRequests.list(user, status);
    }

    @GetMapping("/{id}")
    ChangeRequest get(CurrentUser user, @PathVariable long id) {
        return changeRequests.get(user, id);
    }

    @PostMapping
    ResponseEntity<ChangeRequest> file(CurrentUser user, @RequestBody FileBody body) {
        ChangeRequest filed = changeRequests.file(user, body.form());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}")
                        .buildAndExpand(filed.id())
                        .toUri())
                .body(filed);
    }

    @PostMapping("/{id}/approve")
    ChangeRequest approve(CurrentUser user, @PathVariable long id) {
        return changeRequests.approve(user, id);
    }

    @PostMapping("/{id}/reject")
    ChangeRequest reject(CurrentUser user, @PathVariable long id, @RequestBody(required = false) DecisionBody body) {
        return changeRequests.reject(user, id, body == null ? null : body.reason());
    }
}
