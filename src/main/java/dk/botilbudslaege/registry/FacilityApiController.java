package dk.botilbudslaege.registry;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.common.PageRequest;
import dk.botilbudslaege.common.PageResult;
import dk.botilbudslaege.security.CurrentUser;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/v1/facilities}: the facility registry for API clients (API.md). */
@RestController
@RequestMapping("/api/v1/facilities")
class FacilityApiController {

    private final Facilities facilities;
    private final RegistryAudit registryAudit;

    FacilityApiController(Facilities facilities, RegistryAudit registryAudit) {
        this.facilities = facilities;
        this.registryAudit = registryAudit;
    }

    @GetMapping
    PageResult<Facility> list(
            CurrentUser user,
            @RequestParam(required = false) String municipalityCode,
            @RequestParam(required = false) LegalBasis legalBasis,
            @RequestParam(required = false) Operator operator,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return facilities.search(
                user, new FacilityFilter(municipalityCode, legalBasis, operator, q), PageRequest.of(page, size, 50));
    }

    @GetMapping("/{id}")
    Facility get(CurrentUser user, @PathVariable long id) {
        return facilities.get(user, id);
    }

    @PostMapping
    ResponseEntity<Facility> create(CurrentUser user, @Valid @RequestBody FacilityForm form) {
        Facility created = facilities.create(user, form);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}")
                        .buildAndExpand(created.id())
                        .toUri())
                .body(created);
    }

    @PutMapping("/{id}")
    Facility update(CurrentUser user, @PathVariable long id, @Valid @RequestBody FacilityForm form) {
        return facilities.update(user, id, form);
    }

    /** A new section: {@code {name, residents}}. */
    @PostMapping("/{id}/sections")
    ResponseEntity<Facility.Section> addSection(
            CurrentUser user, @PathVariable long id, @RequestBody SectionForm form) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(facilities.addSection(user, id, form.name(), form.residents()));
    }

    @DeleteMapping("/{id}/sections/{sectionId}")
    ResponseEntity<Void> removeSection(CurrentUser user, @PathVariable long id, @PathVariable long sectionId) {
        facilities.removeSection(user, id, sectionId);
        return ResponseEntity.noContent().build();
    }

    /** The facility's audit trail; region only. */
    @GetMapping("/{id}/history")
    List<AuditTrail.AuditEvent> history(CurrentUser user, @PathVariable long id) {
        return registryAudit.facilityHistory(user, id);
    }

    record SectionForm(String name, Integer residents) {}
}
