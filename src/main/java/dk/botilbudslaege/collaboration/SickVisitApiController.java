package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.security.CurrentUser;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/facilities/{id}/sick-visits} (API.md "Added: collaboration"). */
@RestController
@RequestMapping("/api/v1/facilities/{id}/sick-visits")
class SickVisitApiController {

    private final SickVisits visits;

    SickVisitApiController(SickVisits visits) {
        this.visits = visits;
    }

    @GetMapping
    List<SickVisit> list(CurrentUser user, @PathVariable("id") long facilityId) {
        return visits.list(user, facilityId);
    }

    @PostMapping
    ResponseEntity<SickVisit> request(
            CurrentUser user, @PathVariable("id") long facilityId, @RequestBody SickVisitForm form) {
        SickVisit made = visits.request(user, facilityId, form);
        return ResponseEntity.status(HttpStatus.CREATED).body(made);
    }

    @PatchMapping("/{visitId}")
    SickVisit advance(
            CurrentUser user,
            @PathVariable("id") long facilityId,
            @PathVariable long visitId,
            @RequestBody SickVisitStatusForm form) {
        return visits.advance(user, facilityId, visitId, form.status());
    }

    @DeleteMapping("/{visitId}")
    ResponseEntity<Void> withdraw(CurrentUser user, @PathVariable("id") long facilityId, @PathVariable long visitId) {
        visits.withdraw(user, facilityId, visitId);
        return ResponseEntity.noContent().build();
    }
}
