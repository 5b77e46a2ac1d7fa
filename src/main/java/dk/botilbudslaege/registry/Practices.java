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
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Practices (klinikker) within the caller's scope (SPEC §2). */
@Service
public class Practices {

    static final String ENTITY = "PRACTICE";

    private final PracticeRepository repository;
    private final ReferenceData reference;
    private final ApplicationEventPublisher events;

    Practices(PracticeRepository repository, ReferenceData reference, ApplicationEventPublisher events) {
        this.repository = repository;
        this.reference = reference;
        this.events = events;
    }

    /** Filters of the practice list; every one optional. */
    public record PracticeFilter(String municipalityCode, ClinicType clinicType, String q) {}

    @Transactional(readOnly = true)
    public PageResult<Practice> search(CurrentUser user, PracticeFilter filter, PageRequest page) {
        var scope = RegistryAccess.practiceFilter(user);
        SqlConditions conditions = new SqlConditions()
                .add(scope.sql(), scope.param(), scope.value())
                .addIfPresent("p.municipality_code = :municipalityCode", "municipalityCode", filter.municipalityCode())
                .addIfPresent("p.clinic_type = :clinicType", "clinicType", filter.clinicType())
                .addSearch(filter.q(), "p.name", "p.provider_number", "p.address");
        return repository.searchPractices(conditions, page);
    }

    @Transactional(readOnly = true)
    public Practice get(CurrentUser user, long id) {
        RegistryAccess.requireRegistryReader(user);
        Practice practice = repository.findPractice(id).orElseThrow(() -> NotFoundException.of(ENTITY, id));
        if (!RegistryAccess.canReadPractice(user, practice.regionCode())) {
            throw NotFoundException.of(ENTITY, id);
        }
        return practice;
    }

    public boolean canEdit(CurrentUser user, Practice practice) {
        return RegistryAccess.canWritePractice(user, practice.regionCode(), practice.id());
    }

    public boolean canCreate(CurrentUser user) {
        return user.is(dk.botilbudslaege.security.Role.REGION);
    }

    @Transactional
    public Practice create(CurrentUser user, PracticeForm form) {
        Practice.PracticeData data = form.data();
        if (!canCreate(user)) {
            throw new ForbiddenException("scope.practice.create");
        }
        validate(data, null);
        if (!canCreate(user, data.municipalityCode())) {
            throw new ForbiddenException("scope.practice.create");
        }
        long id = store(data);
        return repository.findPractice(id).orElseThrow();
    }

    /** Whether the caller may create a practice in this municipality: the region, in its own region (SPEC §1). */
    public boolean canCreate(CurrentUser user, String municipalityCode) {
        return RegistryAccess.canCreatePractice(user, regionOf(municipalityCode));
    }

    /** Inserts a practice that has passed {@link #problems} and the scope check, with its audit record. */
    public long store(Practice.PracticeData data) {
        long id = repository.insertPractice(data);
        events.publishEvent(new RegistryEvents.PracticeCreated(id, AuditTrail.diff(null, data), CurrentUsers.actor()));
        return id;
    }

    @Transactional
    public Practice update(CurrentUser user, long id, PracticeForm form) {
        Practice current = get(user, id);
        if (!canEdit(user, current)) {
            throw new ForbiddenException("scope.practice.write");
        }
        if (!refusedFields(user, current, form).isEmpty()) {
            throw new ForbiddenException("scope.practice.regionOwned");
        }
        Practice.PracticeData data = form.data();
        validate(data, current);
        if (data.doctorCapacity() < current.doctorCapacity()) {
            PracticeCapacities.Held held = repository.heldCapacities(id, null);
            if (!PracticeCapacities.fits(data.doctorCapacity(), held)) {
                throw PracticeCapacities.exceededByPractice(held.total());
            }
        }
        String newRegion = regionOf(data.municipalityCode());
        if (!RegistryAccess.canWritePractice(user, newRegion, id)
                || (user.is(dk.botilbudslaege.security.Role.DOCTOR) && !user.inRegion(newRegion))) {
            throw new ForbiddenException("scope.practice.write");
        }
        int version = form.getVersion() == null ? current.version() : form.getVersion();
        if (version != current.version() || !repository.updatePractice(id, version, data)) {
            throw new ConcurrentChangeException(ENTITY, id);
        }
        if (data.vatRegistered() != current.vatRegistered()) {
            // the region's own edit: the new status holds from today (SPEC F5)
            repository.setVatStatus(id, PracticeRepository.today(), data.vatRegistered(), user.username());
        }
        RegistryEvents.publishIfChanged(
                events,
                new RegistryEvents.PracticeChanged(id, AuditTrail.diff(current.data(), data), CurrentUsers.actor()));
        return repository.findPractice(id).orElseThrow();
    }

    /**
     * The region-owned fields (VAT status, provider number, capacities, clinic type) this form would
     * change and the caller may not: a doctor changes only the contact details of their practice and
     * files a change request for the rest; the region changes them all.
     */
    public List<String> refusedFields(CurrentUser user, Practice current, PracticeForm form) {
        return user.is(dk.botilbudslaege.security.Role.DOCTOR) ? RegionOwnedFields.changed(current, form) : List.of();
    }

    private String regionOf(String municipalityCode) {
        return reference
                .municipality(municipalityCode)
                .map(Municipality::regionCode)
                .orElse(null);
    }

    void validate(Practice.PracticeData d, Practice current) {
        List<FieldProblem> problems = problems(d, current);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
    }

    /** The rules Bean Validation cannot see: a known municipality, a free provider number, both coordinates. */
    public List<FieldProblem> problems(Practice.PracticeData d, Practice current) {
        List<FieldProblem> problems = new ArrayList<>();
        if (reference.municipality(d.municipalityCode()).isEmpty()) {
            problems.add(
                    FieldProblem.of("municipalityCode", "facility.municipalityCode.unknown", d.municipalityCode()));
        }
        repository
                .practiceIdByProviderNumber(d.providerNumber())
                .filter(existing -> current == null || existing != current.id())
                .ifPresent(existing -> problems.add(
                        FieldProblem.of("providerNumber", "practice.providerNumber.taken", d.providerNumber())));
        if ((d.latitude() == null) != (d.longitude() == null)) {
            problems.add(FieldProblem.of(d.latitude() == null ? "latitude" : "longitude", "facility.coordinates.both"));
        }
        if (current != null && d.doctorCapacity() < 1) {
            problems.add(FieldProblem.of("doctorCapacity", "validation.min.n", 1));
        }
        return problems;
    }
}
