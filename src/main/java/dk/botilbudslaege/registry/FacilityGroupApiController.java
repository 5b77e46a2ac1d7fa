package dk.botilbudslaege.registry;

import dk.botilbudslaege.security.CurrentUser;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/facility-groups}: groups that should share one doctor, and proposed groups (R7). */
@RestController
@RequestMapping("/api/v1/facility-groups")
class FacilityGroupApiController {

    private final FacilityGroups groups;

    FacilityGroupApiController(FacilityGroups groups) {
        this.groups = groups;
    }

    @GetMapping
    List<FacilityGroups.GroupView> list(CurrentUser user) {
        return groups.groups(user);
    }

    @GetMapping("/proposals")
    List<FacilityGroups.Proposal> proposals(CurrentUser user) {
        return groups.proposals(user);
    }

    @PostMapping
    ResponseEntity<FacilityGroups.GroupView> create(CurrentUser user, @RequestBody NewGroup body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(groups.create(user, body.name(), body.kind(), body.facilityIds()));
    }

    record NewGroup(String name, GroupKind kind, List<Long> facilityIds) {}
}
