package dk.botilbudslaege.registry;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.common.ConflictException;
import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.CurrentUsers;
import dk.botilbudslaege.security.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Change requests for the region-owned fields ({@link RegionOwnedFields}): the doctor files one for
 * their own practice or one of its doctors; the region of the practice approves it, which applies the
 * change (the VAT status from the request's date, SPEC F5), or rejects it with a reason. A doctor
 * sees their practice's requests, a region its region's; nobody else sees any.
 */
@Service
public class ChangeRequests {

    static final String ENTITY = "CHANGE_REQUEST";
    /** The earliest date a change may hold from: the start of the scheme (Aftale25). */
    static final LocalDate EARLIEST = LocalDate.of(2025, 1, 1);
    /** How far ahead a change may be dated. */
    static final int YEARS_AHEAD = 2;

    static final int MAX_REASON = 1000;

    private final ChangeRequestRepository repository;
    private final PracticeRepository practices;
    private final ApplicationEventPublisher events;

    ChangeRequests(ChangeRequestRepository repository, PracticeRepository practices, ApplicationEventPublisher events) {
        this.repository = repository;
        this.practices = practices;
        this.events = events;
    }

    /** The caller's requests: a doctor's practice's, a region's region's; optionally of one status. */
    @Transactional(readOnly = true)
    public List<ChangeRequest> list(CurrentUser user, ChangeRequest.Status status) {
        if (user.is(Role.REGION)) {
            return repository.list(user.regionCode(), null, status);
        }
        if (user.is(Role.DOCTOR) && user.practiceId() != null) {
            return repository.list(null, user.practiceId(), status);
        }
        throw new ForbiddenException("scope.changeRequest.read");
    }

    @Transactional(readOnly = true)
    public ChangeRequest get(CurrentUser user, long id) {
        return visible(user, repository.find(id), id);
    }

    /** Whether the caller files change requests: a doctor, for their own practice. */
    public boolean canFile(CurrentUser user, Practice practice) {
        return user.is(Role.DOCTOR) && user.practiceId() != null && user.practiceId() == practice.id();
    }

    public static boolean canDecide(CurrentUser user) {
        return user.is(Role.REGION);
    }

    @Transactional
    public ChangeRequest file(CurrentUser user, ChangeRequestForm form) {
        if (!user.is(Role.DOCTOR) || user.practiceId() == null) {
            throw new ForbiddenException("scope.changeRequest.file");
        }
        long practiceId = form.getPracticeId() != null ? form.getPracticeId() : user.practiceId();
        if (practiceId != user.practiceId()) {
            throw new ForbiddenException("scope.changeRequest.file");
        }
        Practice practice = practices
                .findPractice(practiceId)
                .orElseThrow(() -> NotFoundException.of(Practices.ENTITY, practiceId));
        List<FieldProblem> problems = new ArrayList<>();
        Optional<ChangeRequestField> field = Optional.empty();
        if (form.getField() == null || form.getField().isBlank()) {
            problems.add(FieldProblem.of("field", "changeRequest.field.required"));
        } else {
            field = ChangeRequestField.of(form.getField().trim());
            if (field.isEmpty()) {
                problems.add(FieldProblem.of("field", "changeRequest.field.unknown"));
            }
        }
        Doctor doctor = null;
        if (field.isPresent() && field.get().ofDoctor()) {
            Long doctorId = form.getDoctorId() != null ? form.getDoctorId() : user.doctorId();
            doctor = doctorId == null
                    ? null
                    : practices
                            .findDoctor(doctorId)
                            .filter(d -> d.practiceId() == practiceId)
                            .orElse(null);
            if (doctor == null) {
                problems.add(FieldProblem.of("doctorId", "changeRequest.doctorId.unknown"));
            }
        }
        LocalDate validFrom = form.getValidFrom();
        LocalDate today = PracticeRepository.today();
        if (validFrom == null) {
            problems.add(FieldProblem.of("validFrom", "changeRequest.validFrom.required"));
        } else if (validFrom.isBefore(EARLIEST) || validFrom.isAfter(today.plusYears(YEARS_AHEAD))) {
            problems.add(FieldProblem.of(
                    "validFrom",
                    "changeRequest.validFrom.window",
                    dk.botilbudslaege.common.PageDates.inMessage(EARLIEST),
                    dk.botilbudslaege.common.PageDates.inMessage(today.plusYears(YEARS_AHEAD))));
        }
        String newValue = null;
        String oldValue = null;
        if (form.getNewValue() == null || form.getNewValue().isBlank()) {
            problems.add(FieldProblem.of("newValue", "changeRequest.newValue.required"));
        } else if (field.isPresent()) {
            ChangeRequestField f = field.get();
            newValue = f.normalize(form.getNewValue()).orElse(null);
            if (newValue == null) {
                problems.add(FieldProblem.of(
                        "newValue", "changeRequest.newValue." + f.apiName(), ChangeRequestField.MAX_CAPACITY));
            } else if (!f.ofDoctor() || doctor != null) {
                oldValue = f == ChangeRequestField.VAT_REGISTERED && validFrom != null
                        ? String.valueOf(practices.vatRegisteredOn(practiceId, validFrom))
                        : f.valueOf(practice, doctor);
                if (newValue.equals(oldValue)) {
                    problems.add(FieldProblem.of("newValue", "changeRequest.newValue.unchanged"));
                } else if (f == ChangeRequestField.PROVIDER_NUMBER
                        && practices.practiceIdByProviderNumber(newValue).isPresent()) {
                    problems.add(FieldProblem.of("newValue", "practice.providerNumber.taken", newValue));
                }
            }
        }
        String reason = form.getReason() == null ? "" : form.getReason().trim();
        if (reason.isEmpty()) {
            problems.add(FieldProblem.of("reason", "changeRequest.reason.required"));
        } else if (reason.length() > MAX_REASON) {
            problems.add(FieldProblem.of("reason", "validation.size.max.n", MAX_REASON));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
        long id = repository.insert(
                practiceId,
                doctor == null ? null : doctor.id(),
                field.get().apiName(),
                newValue,
                oldValue,
                validFrom,
                reason,
                user.username());
        Map<String, AuditTrail.Change> changes = new LinkedHashMap<>();
        changes.put("field", new AuditTrail.Change(null, field.get().apiName()));
        changes.put("newValue", new AuditTrail.Change(oldValue, newValue));
        changes.put("validFrom", new AuditTrail.Change(null, validFrom.toString()));
        events.publishEvent(new RegistryEvents.ChangeRequestFiled(id, changes, CurrentUsers.actor()));
        return repository.find(id).orElseThrow();
    }

    /** The region approves a pending request of its region: the change is applied and audited. */
    @Transactional
    public ChangeRequest approve(CurrentUser user, long id) {
        ChangeRequest request = pendingForDecision(user, id);
        ChangeRequestField field = ChangeRequestField.of(request.field()).orElseThrow();
        if (!field.dated() && request.validFrom().isAfter(PracticeRepository.today())) {
            throw new ConflictException("CHANGE_NOT_DUE", "changeRequest.notDue");
        }
        apply(user, request, field);
        repository.decide(id, ChangeRequest.Status.APPROVED, user.username(), null);
        events.publishEvent(new RegistryEvents.ChangeRequestApproved(
                id, Map.of("status", new AuditTrail.Change("PENDING", "APPROVED")), CurrentUsers.actor()));
        return repository.find(id).orElseThrow();
    }

    /** The region rejects a pending request of its region, with a reason the doctor reads. */
    @Transactional
    public ChangeRequest reject(CurrentUser user, long id, String reason) {
        ChangeRequest request = pendingForDecision(user, id);
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty()) {
            throw InvalidInputException.of(FieldProblem.of("reason", "changeRequest.rejectReason.required"));
        }
        if (why.length() > MAX_REASON) {
            throw InvalidInputException.of(FieldProblem.of("reason", "validation.size.max.n", MAX_REASON));
        }
        repository.decide(request.id(), ChangeRequest.Status.REJECTED, user.username(), why);
        events.publishEvent(new RegistryEvents.ChangeRequestRejected(
                id,
                Map.of(
                        "status",
                        new AuditTrail.Change("PENDING", "REJECTED"),
                        "reason",
                        new AuditTrail.Change(null, why)),
                CurrentUsers.actor()));
        return repository.find(id).orElseThrow();
    }

    /**
     * What approving means, for the region's confirmation: a message key and its arguments, e.g.
     * "Fra 01-01-2027 udbetales honorar med moms".
     */
    public static Consequence consequence(ChangeRequest request) {
        String day = dk.botilbudslaege.common.DanishFormats.date(request.validFrom());
        return switch (request.field()) {
            case "vatRegistered" ->
                new Consequence(
                        "true".equals(request.newValue())
                                ? "changeRequest.consequence.vatOn"
                                : "changeRequest.consequence.vatOff",
                        List.of(day));
            case "providerNumber" ->
                new Consequence("changeRequest.consequence.providerNumber", List.of(request.newValue()));
            case "doctorCapacity" ->
                new Consequence("changeRequest.consequence.doctorCapacity", List.of(request.newValue()));
            case "clinicType" -> new Consequence("changeRequest.consequence.clinicType", List.of(request.newValue()));
            case "capacities" ->
                new Consequence(
                        "changeRequest.consequence.capacities",
                        List.of(request.doctorName() == null ? "" : request.doctorName(), request.newValue()));
            default ->
                new Consequence(
                        "true".equals(request.newValue())
                                ? "changeRequest.consequence.nursingHomeOn"
                                : "changeRequest.consequence.nursingHomeOff",
                        List.of(request.doctorName() == null ? "" : request.doctorName()));
        };
    }

    /** A message key with its arguments. */
    public record Consequence(String messageKey, List<Object> args) {}

    private void apply(CurrentUser user, ChangeRequest request, ChangeRequestField field) {
        long practiceId = request.practiceId();
        Practice before = practices.findPractice(practiceId).orElseThrow();
        switch (field) {
            case VAT_REGISTERED -> {
                boolean vat = Boolean.parseBoolean(request.newValue());
                boolean was = practices.vatRegisteredOn(practiceId, request.validFrom());
                practices.setVatStatus(practiceId, request.validFrom(), vat, user.username());
                events.publishEvent(new RegistryEvents.VatStatusChanged(
                        practiceId,
                        Map.of(
                                "vatRegistered", new AuditTrail.Change(was, vat),
                                "validFrom",
                                        new AuditTrail.Change(
                                                null, request.validFrom().toString()),
                                "changeRequest", new AuditTrail.Change(null, request.id())),
                        CurrentUsers.actor()));
            }
            case PROVIDER_NUMBER -> {
                if (practices
                        .practiceIdByProviderNumber(request.newValue())
                        .filter(p -> p != practiceId)
                        .isPresent()) {
                    throw new ConflictException("CHANGE_NO_LONGER_VALID", "changeRequest.noLongerValid");
                }
                practices.setProviderNumber(practiceId, request.newValue());
            }
            case DOCTOR_CAPACITY -> {
                int capacity = Integer.parseInt(request.newValue());
                PracticeCapacities.Held held = practices.heldCapacities(practiceId, null);
                if (!PracticeCapacities.fits(capacity, held)) {
                    throw PracticeCapacities.exceededByPractice(held.total());
                }
                practices.setDoctorCapacity(practiceId, capacity);
            }
            case CAPACITIES -> {
                Doctor doctor = practices.findDoctor(request.doctorId()).orElseThrow();
                if (doctor.practiceId() != practiceId) {
                    throw new ConflictException("CHANGE_NO_LONGER_VALID", "changeRequest.noLongerValid");
                }
                int capacities = Integer.parseInt(request.newValue());
                PracticeCapacities.Held others = practices.heldCapacities(practiceId, doctor.id());
                if (!PracticeCapacities.fits(before.doctorCapacity(), others, capacities)) {
                    throw PracticeCapacities.exceededByDoctor(before.doctorCapacity(), others.total());
                }
                int inUse = practices.capacitiesInUse(doctor.id());
                if (capacities < inUse) {
                    throw PracticeCapacities.inUse(inUse);
                }
                practices.setDoctorCapacities(doctor.id(), capacities);
                RegistryEvents.publishIfChanged(
                        events,
                        new RegistryEvents.DoctorChanged(
                                doctor.id(),
                                AuditTrail.diff(
                                        doctor.data(),
                                        practices
                                                .findDoctor(doctor.id())
                                                .orElseThrow()
                                                .data()),
                                CurrentUsers.actor()));
            }
            case CLINIC_TYPE -> practices.setClinicType(practiceId, ClinicType.valueOf(request.newValue()));
            case NURSING_HOME_DOCTOR -> {
                Doctor doctor = practices.findDoctor(request.doctorId()).orElseThrow();
                if (doctor.practiceId() != practiceId) {
                    throw new ConflictException("CHANGE_NO_LONGER_VALID", "changeRequest.noLongerValid");
                }
                practices.setNursingHomeDoctor(doctor.id(), Boolean.parseBoolean(request.newValue()));
                RegistryEvents.publishIfChanged(
                        events,
                        new RegistryEvents.DoctorChanged(
                                doctor.id(),
                                AuditTrail.diff(
                                        doctor.data(),
                                        practices
                                                .findDoctor(doctor.id())
                                                .orElseThrow()
                                                .data()),
                                CurrentUsers.actor()));
            }
        }
        if (field != ChangeRequestField.VAT_REGISTERED && !field.ofDoctor()) {
            RegistryEvents.publishIfChanged(
                    events,
                    new RegistryEvents.PracticeChanged(
                            practiceId,
                            AuditTrail.diff(
                                    before.data(),
                                    practices
                                            .findPractice(practiceId)
                                            .orElseThrow()
                                            .data()),
                            CurrentUsers.actor()));
        }
    }

    private ChangeRequest pendingForDecision(CurrentUser user, long id) {
        if (!canDecide(user)) {
            throw new ForbiddenException("scope.changeRequest.decide");
        }
        ChangeRequest request = visible(user, repository.findForUpdate(id), id);
        if (!request.pending()) {
            throw new ConflictException("CHANGE_REQUEST_DECIDED", "changeRequest.decided");
        }
        return request;
    }

    /** The request if the caller's scope holds it; out of scope reads as "not found", a role without requests as 403. */
    private static ChangeRequest visible(CurrentUser user, Optional<ChangeRequest> found, long id) {
        if (!user.is(Role.REGION) && !user.is(Role.DOCTOR)) {
            throw new ForbiddenException("scope.changeRequest.read");
        }
        return found.filter(r -> user.is(Role.REGION)
                        ? user.inRegion(r.regionCode())
                        : user.practiceId() != null && user.practiceId() == r.practiceId())
                .orElseThrow(() -> NotFoundException.of(ENTITY, id));
    }
}
