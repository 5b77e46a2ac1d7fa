package dk.botilbudslaege.agreement;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.common.MultiLine;
import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.common.PageRequest;
import dk.botilbudslaege.common.PageResult;
import dk.botilbudslaege.security.CurrentUser;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
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

/**
 * {@code /api/v1/agreements} and {@code /api/v1/dispensations} (API.md "Agreements"). Every state
 * change takes an optional {@code version} query parameter: a stale one answers 409 CONCURRENT_CHANGE.
 */
@RestController
@RequestMapping("/api/v1")
class AgreementApiController {

    private final Agreements agreements;
    private final Dispensations dispensations;
    private final InformationForms forms;

    AgreementApiController(Agreements agreements, Dispensations dispensations, InformationForms forms) {
        this.agreements = agreements;
        this.dispensations = dispensations;
        this.forms = forms;
    }

    @GetMapping("/agreements")
    PageResult<Agreement> list(
            CurrentUser user,
            @RequestParam(required = false) AgreementStatus status,
            @RequestParam(required = false) String municipalityCode,
            @RequestParam(required = false) Long doctorId,
            @RequestParam(required = false) Long facilityId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return agreements.search(
                user,
                new Agreements.AgreementFilter(status, municipalityCode, doctorId, facilityId, q),
                PageRequest.of(page, size, 50));
    }

    @GetMapping("/agreements/{id}")
    Agreement get(CurrentUser user, @PathVariable long id) {
        return agreements.get(user, id);
    }

    @PostMapping("/agreements")
    ResponseEntity<Agreement> create(CurrentUser user, @Valid @RequestBody AgreementForm form) {
        Agreement created = agreements.create(user, form);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}")
                        .buildAndExpand(created.id())
                        .toUri())
                .body(created);
    }

    @PutMapping("/agreements/{id}")
    Agreement update(CurrentUser user, @PathVariable long id, @Valid @RequestBody AgreementForm form) {
        return agreements.update(user, id, form);
    }

    /** Files the information form; the body (contact person, R6 declaration) is optional. */
    @PostMapping("/agreements/{id}/submit")
    Agreement submit(
            CurrentUser user,
            @PathVariable long id,
            @Valid @RequestBody(required = false) InformationFormInput form,
            @RequestParam(required = false) Integer version) {
        return agreements.submit(user, id, form, version);
    }

    @PostMapping("/agreements/{id}/approve")
    Agreement approve(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Integer version) {
        return agreements.approve(user, id, version);
    }

    @PostMapping("/agreements/{id}/reject")
    Agreement reject(
            CurrentUser user,
            @PathVariable long id,
            @RequestBody(required = false) Decision decision,
            @RequestParam(required = false) Integer version) {
        return agreements.reject(user, id, decision == null ? null : decision.reason(), version);
    }

    @PostMapping("/agreements/{id}/withdraw")
    Agreement withdraw(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Integer version) {
        return agreements.withdraw(user, id, version);
    }

    @PostMapping("/agreements/{id}/notice")
    Agreement notice(
            CurrentUser user,
            @PathVariable long id,
            @RequestBody(required = false) Notice notice,
            @RequestParam(required = false) Integer version) {
        return agreements.giveNotice(user, id, notice == null ? null : notice.noticeDate(), version);
    }

    /**
     * The notice rule as a service (SPEC §3): the end date of a notice given on {@code noticeDate}
     * (today when left out), for planning and the page's preview. Changes nothing; any signed-in role.
     */
    @GetMapping("/agreements/notice-end")
    NoticeEnd noticeEnd(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate noticeDate) {
        LocalDate date = noticeDate == null ? LocalDate.now() : noticeDate;
        return new NoticeEnd(date, NoticePeriod.endDate(date));
    }

    /** The region ends an agreement that can no longer run, from today or later, with a reason (SPEC §3). */
    @PostMapping("/agreements/{id}/end")
    Agreement end(
            CurrentUser user,
            @PathVariable long id,
            @RequestBody(required = false) End body,
            @RequestParam(required = false) Integer version) {
        return agreements.end(
                user, id, body == null ? null : body.endDate(), body == null ? null : body.reason(), version);
    }

    @GetMapping("/agreements/{id}/history")
    List<AuditTrail.AuditEvent> history(CurrentUser user, @PathVariable long id) {
        return agreements.history(user, id);
    }

    @GetMapping("/agreements/{id}/information-form")
    InformationForm informationForm(CurrentUser user, @PathVariable long id) {
        agreements.get(user, id);
        return forms.find(id).orElseThrow(() -> NotFoundException.of("INFORMATION_FORM", id));
    }

    @GetMapping("/dispensations")
    List<Dispensation> dispensations(CurrentUser user, @RequestParam(required = false) Long doctorId) {
        return dispensations.list(user, doctorId);
    }

    @PostMapping("/dispensations")
    ResponseEntity<Dispensation> grant(CurrentUser user, @Valid @RequestBody DispensationForm form) {
        Dispensation granted = dispensations.grant(user, form);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}")
                        .buildAndExpand(granted.id())
                        .toUri())
                .body(granted);
    }

    @PostMapping("/dispensations/{id}/end")
    Dispensation end(CurrentUser user, @PathVariable long id, @RequestBody(required = false) EndDispensation body) {
        return dispensations.end(user, id, body == null ? null : body.validTo());
    }

    record Decision(@MultiLine String reason) {}

    record Notice(LocalDate noticeDate) {}

    record NoticeEnd(LocalDate noticeDate, LocalDate endDate) {}

    record End(LocalDate endDate, @MultiLine String reason) {}

    record EndDispensation(LocalDate validTo) {}
}
