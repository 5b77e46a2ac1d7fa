package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.security.CurrentUser;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/v1/facilities/{id}/sick-visits} (API.md "Added: collaboration"). */
@RestController
@RequestMapping("/api/v1/facilities/{facilityId}/sick-visits")
class SickVisitApiController {

    private final SickVisits visits;

    SickVisitApiController(SickVisits visits) {
        this.visits = visits;
    }

    @GetMapping
    List<SickVisit> list(CurrentUser user, @PathVariable long facilityId) {
        return visits.list(user, facilityId);
    }

    /** One request, as {@link #list} shows it to this user. */
    @GetMapping("/{visitId}")
    SickVisit get(CurrentUser user, @PathVariable long facilityId, @PathVariable long visitId) {
        return visits.list(user, facilityId).stream()
                .filter(v -> v.id() == visitId)
                .findFirst()
                .orElseThrow(() -> NotFoundException.of(SickVisits.ENTITY, visitId));
    }

    @PostMapping
    ResponseEntity<SickVisit> request(
            CurrentUser user, @PathVariable long facilityId, @RequestBody SickVisitForm form) {
        SickVisit made = visits.request(user, facilityId, form);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}")
                        .buildAndExpand(made.id())
                        .toUri())
                .body(made);
    }

    @PatchMapping("/{visitId}")
    SickVisit advance(
            CurrentUser user,
            @PathVariable long facilityId,
            @PathVariable long visitId,
            @RequestBody SickVisitStatusForm form) {
        return visits.advance(user, facilityId, visitId, form.status());
    }
}
