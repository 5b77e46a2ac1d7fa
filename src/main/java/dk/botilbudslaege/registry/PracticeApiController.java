package dk.botilbudslaege.registry;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.common.PageRequest;
import dk.botilbudslaege.common.PageResult;
import dk.botilbudslaege.security.CurrentUser;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/v1/practices} and {@code /api/v1/doctors} (API.md). */
@RestController
@RequestMapping("/api/v1")
class PracticeApiController {

    private final Practices practices;
    private final Doctors doctors;
    private final RegistryAudit registryAudit;

    PracticeApiController(Practices practices, Doctors doctors, RegistryAudit registryAudit) {
        this.practices = practices;
        this.doctors = doctors;
        this.registryAudit = registryAudit;
    }

    @GetMapping("/practices")
    PageResult<Practice> practices(
            CurrentUser user,
            @RequestParam(required = false) String municipalityCode,
            @RequestParam(required = false) ClinicType clinicType,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return practices.search(
                user, new Practices.PracticeFilter(municipalityCode, clinicType, q), PageRequest.of(page, size, 50));
    }

    @GetMapping("/practices/{id}")
    Practice practice(CurrentUser user, @PathVariable long id) {
        return practices.get(user, id);
    }

    @PostMapping("/practices")
    ResponseEntity<Practice> createPractice(CurrentUser user, @Valid @RequestBody PracticeForm form) {
        Practice created = practices.create(user, form);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}")
                        .buildAndExpand(created.id())
                        .toUri())
                .body(created);
    }

    @PutMapping("/practices/{id}")
    Practice updatePractice(CurrentUser user, @PathVariable long id, @Valid @RequestBody PracticeForm form) {
        return practices.update(user, id, form);
    }

    @GetMapping("/practices/{id}/history")
    List<AuditTrail.AuditEvent> practiceHistory(CurrentUser user, @PathVariable long id) {
        return registryAudit.practiceHistory(user, id);
    }

    @GetMapping("/doctors")
    PageResult<Doctor> doctors(
            CurrentUser user,
            @RequestParam(required = false) Long practiceId,
            @RequestParam(required = false) Boolean nursingHomeDoctor,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return doctors.search(
                user, new Doctors.DoctorFilter(practiceId, nursingHomeDoctor, q), PageRequest.of(page, size, 50));
    }

    @GetMapping("/doctors/{id}")
    Doctor doctor(CurrentUser user, @PathVariable long id) {
        return doctors.get(user, id);
    }

    @PostMapping("/doctors")
    ResponseEntity<Doctor> createDoctor(CurrentUser user, @Valid @RequestBody DoctorForm form) {
        Doctor created = doctors.create(user, form);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}")
                        .buildAndExpand(created.id())
                        .toUri())
                .body(created);
    }

    @PutMapping("/doctors/{id}")
    Doctor updateDoctor(CurrentUser user, @PathVariable long id, @Valid @RequestBody DoctorForm form) {
        return doctors.update(user, id, form);
    }

    @GetMapping("/doctors/{id}/history")
    List<AuditTrail.AuditEvent> doctorHistory(CurrentUser user, @PathVariable long id) {
        return registryAudit.doctorHistory(user, id);
    }
}
