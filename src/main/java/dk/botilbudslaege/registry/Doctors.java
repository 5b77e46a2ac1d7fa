package dk.botilbudslaege.registry;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.common.ConcurrentChangeException;
import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.common.PageRequest;
import dk.botilbudslaege.common.PageResult;
import dk.botilbudslaege.common.SqlConditions;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.CurrentUsers;
import dk.botilbudslaege.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Doctors within the caller's scope; a doctor follows the scope of their practice (SPEC §2). */
@Service
public class Doctors {

    static final String ENTITY = "DOCTOR";

    private final PracticeRepository repository;
    private final ApplicationEventPublisher events;

    Doctors(PracticeRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    /** Filters of the doctor list; every one optional. */
    public record DoctorFilter(Long practiceId, Boolean nursingHomeDoctor, String q) {}

    @Transactional(readOnly = true)
    public PageResult<Doctor> search(CurrentUser user, DoctorFilter filter, PageRequest page) {
        var scope = RegistryAccess.practiceFilter(user);
        SqlConditions conditions = new SqlConditions()
                .add(scope.sql(), scope.param(), scope.value())
                .addIfPresent("d.practice_id = :practiceId", "practiceId", filter.practiceId())
                .addIfPresent(
                        "d.nursing_home_doctor = :nursingHomeDoctor", "nursingHomeDoctor", filter.nursingHomeDoctor())
                .addSearch(filter.q(), "d.name", "p.name", "p.provider_number");
        return repository.searchDoctors(conditions, page);
    }

    @Transactional(readOnly = true)
    public Doctor get(CurrentUser user, long id) {
        RegistryAccess.requireRegistryReader(user);
        Doctor doctor = repository.findDoctor(id).orElseThrow(() -> NotFoundException.of(ENTITY, id));
        if (!RegistryAccess.canReadPractice(user, doctor.regionCode())) {
            throw NotFoundException.of(ENTITY, id);
        }
        return doctor;
    }

    public boolean canEdit(CurrentUser user, Doctor doctor) {
        return RegistryAccess.canWritePractice(user, doctor.regionCode(), doctor.practiceId());
    }

    /** Only the region adds doctors, to practices of its region (a doctor asks the region). */
    public boolean canCreate(CurrentUser user, Practice practice) {
        return user.is(Role.REGION) && RegistryAccess.canWritePractice(user, practice.regionCode(), practice.id());
    }

    /**
     * Whether the form changes a field the region owns (the nursing-home flag, R2; the capacities, R1/R3)
     * and the caller is a doctor.
     */
    public boolean refusesNursingHomeChange(CurrentUser user, Doctor current, DoctorForm form) {
        return user.is(Role.DOCTOR) && RegionOwnedFields.changed(current, form);
    }

    @Transactional
    public Doctor create(CurrentUser user, DoctorForm form) {
        Doctor.DoctorData data = form.data();
        requireWritablePractice(user, data.practiceId());
        if (!user.is(Role.REGION)) {
            throw new ForbiddenException("scope.doctor.create");
        }
        requireCapacities(data, null);
        long id = store(data);
        return repository.findDoctor(id).orElseThrow();
    }

    /** Inserts a doctor of a practice the caller may change, with its audit record. */
    public long store(Doctor.DoctorData data) {
        long id = repository.insertDoctor(data);
        events.publishEvent(new RegistryEvents.DoctorCreated(id, AuditTrail.diff(null, data), CurrentUsers.actor()));
        return id;
    }

    @Transactional
    public Doctor update(CurrentUser user, long id, DoctorForm form) {
        Doctor current = get(user, id);
        if (!canEdit(user, current)) {
            throw new ForbiddenException("scope.practice.write");
        }
        if (refusesNursingHomeChange(user, current, form)) {
            // name the field the doctor tried to change: the nursing-home flag (R2) or the capacities (R1/R3)
            boolean capacities = form.getCapacities() != null && form.getCapacities() != current.capacities();
            throw new ForbiddenException(
                    capacities ? "scope.doctor.regionOwned.capacities" : "scope.doctor.regionOwned");
        }
        Doctor.DoctorData data = form.data(current);
        if (data.practiceId() != current.practiceId()) {
            requireWritablePractice(user, data.practiceId());
        }
        if (data.practiceId() != current.practiceId() || data.capacities() > current.capacities()) {
            requireCapacities(data, id);
        }
        if (data.capacities() < current.capacities()) {
            requireCapacitiesInUse(id, data.capacities());
        }
        int version = form.getVersion() == null ? current.version() : form.getVersion();
        if (version != current.version() || !repository.updateDoctor(id, version, data)) {
            throw new ConcurrentChangeException(ENTITY, id);
        }
        RegistryEvents.publishIfChanged(
                events,
                new RegistryEvents.DoctorChanged(id, AuditTrail.diff(current.data(), data), CurrentUsers.actor()));
        return repository.findDoctor(id).orElseThrow();
    }

    /** The practice's doctors hold at most its doctor capacities together (422 PRACTICE_CAPACITIES_EXCEEDED). */
    private void requireCapacities(Doctor.DoctorData data, Long doctorId) {
        int capacity = repository.findPractice(data.practiceId()).orElseThrow().doctorCapacity();
        PracticeCapacities.Held others = repository.heldCapacities(data.practiceId(), doctorId);
        if (!PracticeCapacities.fits(capacity, others, data.capacities())) {
            throw PracticeCapacities.exceededByDoctor(capacity, others.total());
        }
    }

    /** The doctor keeps the capacities its section roles take (422 CAPACITIES_IN_USE, R1). */
    private void requireCapacitiesInUse(long doctorId, int capacities) {
        int inUse = repository.capacitiesInUse(doctorId);
        if (capacities < inUse) {
            throw PracticeCapacities.inUse(inUse);
        }
    }

    private void requireWritablePractice(CurrentUser user, long practiceId) {
        RegistryAccess.requireRegistryReader(user);
        Practice practice = repository
                .findPractice(practiceId)
                .filter(p -> RegistryAccess.canReadPractice(user, p.regionCode()))
                .orElseThrow(() -> InvalidInputException.of(
                        FieldProblem.of("practiceId", "doctor.practiceId.unknown", String.valueOf(practiceId))));
        if (!RegistryAccess.canWritePractice(user, practice.regionCode(), practice.id())) {
            throw new ForbiddenException("scope.practice.write");
        }
    }
}
