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
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Facilities (botilbud) within the caller's scope: list, read, create, edit, sections (SPEC §2). */
@Service
public class Facilities {

    static final String ENTITY = "FACILITY";
    /** A facility may be split into sections only when it has more than this many residents (SPEC R4). */
    static final int SECTION_THRESHOLD = 30;

    private final FacilityRepository repository;
    private final ReferenceData reference;
    private final ApplicationEventPublisher events;

    Facilities(FacilityRepository repository, ReferenceData reference, ApplicationEventPublisher events) {
        this.repository = repository;
        this.reference = reference;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public PageResult<Facility> search(CurrentUser user, FacilityFilter filter, PageRequest page) {
        var scope = RegistryAccess.facilityFilter(user);
        SqlConditions conditions = new SqlConditions()
                .add(scope.sql(), scope.param(), scope.value())
                .addIfPresent("f.municipality_code = :municipalityCode", "municipalityCode", filter.municipalityCode())
                .addIfPresent("f.legal_basis = :legalBasis", "legalBasis", filter.legalBasis())
                .addIfPresent("f.operator = :operator", "operator", filter.operator())
                .addSearch(filter.q(), "f.name", "f.address");
        if (filter.doctor() != null) {
            conditions.add(
                    FacilityRepository.STATE + " = :doctorState",
                    "doctorState",
                    filter.doctor().name());
        }
        return repository.search(conditions, page);
    }

    // issue 16 item 2: who the facility's fixed doctor is
    /** An agreement giving the facility (or one of its sections) its fixed doctor, running or to come. */
    public record FixedDoctor(
            long agreementId,
            String doctorName,
            String practiceName,
            String unitName,
            String status,
            java.time.LocalDate startDate,
            java.time.LocalDate noticeDate,
            java.time.LocalDate endDate) {}

    /** The listed facilities' state today and their doctors' names, in one query (the agreement module's views). */
    @Transactional(readOnly = true)
    public java.util.Map<Long, FacilityRepository.DoctorColumn> fixedDoctors(List<Long> facilityIds) {
        return repository.doctorColumns(facilityIds);
    }

    /** The agreements of a facility in the caller's scope that are in force or have been approved to start. */
    @Transactional(readOnly = true)
    public List<FixedDoctor> fixedDoctorsOf(CurrentUser user, long facilityId) {
        get(user, facilityId);
        return repository.fixedDoctorsOf(facilityId);
    }

    /** A facility in the caller's scope; out of scope it does not exist for them (404). */
    @Transactional(readOnly = true)
    public Facility get(CurrentUser user, long id) {
        RegistryAccess.requireRegistryReader(user);
        Facility facility = repository.findById(id).orElseThrow(() -> NotFoundException.of(ENTITY, id));
        if (!RegistryAccess.canReadFacility(user, facility.municipalityCode(), facility.regionCode(), id)) {
            throw NotFoundException.of(ENTITY, id);
        }
        return facility;
    }

    /** The groups a facility in one of these municipalities may join. */
    @Transactional(readOnly = true)
    public List<FacilityGroup> groupsIn(List<String> municipalityCodes) {
        return repository.groupsIn(municipalityCodes);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<FacilityGroup> group(long id) {
        return repository.group(id);
    }

    public boolean canEdit(CurrentUser user, Facility facility) {
        return RegistryAccess.canWriteFacility(
                user, facility.municipalityCode(), facility.regionCode(), facility.operator());
    }

    @Transactional
    public Facility create(CurrentUser user, FacilityForm form) {
        Facility.FacilityData data = form.data();
        validate(data, null);
        requireWritable(user, data);
        long id = store(data);
        return repository.findById(id).orElseThrow();
    }

    /** Inserts a facility that has passed {@link #problems} and the scope check, with its audit record. */
    public long store(Facility.FacilityData data) {
        long id = repository.insert(data);
        events.publishEvent(new RegistryEvents.FacilityCreated(id, AuditTrail.diff(null, data), CurrentUsers.actor()));
        return id;
    }

    @Transactional
    public Facility update(CurrentUser user, long id, FacilityForm form) {
        Facility current = get(user, id);
        if (!canEdit(user, current)) {
            throw new ForbiddenException(RegistryAccess.facilityWriteRefusal(user));
        }
        Facility.FacilityData data = form.data();
        validate(data, current);
        requireWritable(user, data);
        int version = form.getVersion() == null ? current.version() : form.getVersion();
        if (version != current.version() || !repository.update(id, version, data)) {
            throw new ConcurrentChangeException(ENTITY, id);
        }
        RegistryEvents.publishIfChanged(
                events,
                new RegistryEvents.FacilityChanged(id, AuditTrail.diff(current.data(), data), CurrentUsers.actor()));
        return repository.findById(id).orElseThrow();
    }

    /** Splits off a section of at least 30 residents from a facility with more than 30 (SPEC R4). */
    @Transactional
    public Facility.Section addSection(CurrentUser user, long facilityId, String name, Integer residents) {
        Facility facility = get(user, facilityId);
        if (!canEdit(user, facility)) {
            throw new ForbiddenException(RegistryAccess.facilityWriteRefusal(user));
        }
        List<FieldProblem> problems = new ArrayList<>();
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            problems.add(FieldProblem.of("name", "section.name.required"));
        } else if (repository.sectionNameTaken(facilityId, trimmed)) {
            problems.add(FieldProblem.of("name", "section.name.taken"));
        }
        if (facility.residents() <= SECTION_THRESHOLD) {
            problems.add(FieldProblem.of("residents", "section.facility.tooSmall", SECTION_THRESHOLD));
        } else if (residents == null || residents < SECTION_THRESHOLD) {
            problems.add(FieldProblem.of("residents", "section.residents.min", SECTION_THRESHOLD));
        } else if (repository.sectionResidents(facilityId) + residents > facility.residents()) {
            problems.add(FieldProblem.of("residents", "section.residents.exceedsFacility", facility.residents()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
        long id = repository.insertSection(facilityId, trimmed, residents);
        events.publishEvent(new RegistryEvents.SectionAdded(
                facilityId,
                Map.of("section", new AuditTrail.Change(null, trimmed + " (" + residents + ")")),
                CurrentUsers.actor()));
        return new Facility.Section(id, trimmed, residents);
    }

    @Transactional
    public void removeSection(CurrentUser user, long facilityId, long sectionId) {
        Facility facility = get(user, facilityId);
        if (!canEdit(user, facility)) {
            throw new ForbiddenException(RegistryAccess.facilityWriteRefusal(user));
        }
        Facility.Section section = facility.sections().stream()
                .filter(s -> s.id() == sectionId)
                .findFirst()
                .orElseThrow(() -> NotFoundException.of("SECTION", sectionId));
        if (repository.sectionHasAgreement(sectionId)) {
            throw new dk.botilbudslaege.common.ConflictException("SECTION_HAS_AGREEMENT", "section.hasAgreement");
        }
        repository.deleteSection(facilityId, sectionId);
        events.publishEvent(new RegistryEvents.SectionRemoved(
                facilityId,
                Map.of("section", new AuditTrail.Change(section.name() + " (" + section.residents() + ")", null)),
                CurrentUsers.actor()));
    }

    private void requireWritable(CurrentUser user, Facility.FacilityData data) {
        if (!canWrite(user, data.municipalityCode(), data.operator())) {
            throw new ForbiddenException(RegistryAccess.facilityWriteRefusal(user));
        }
    }

    /** Whether the caller's scope allows a facility in this municipality with this operator (SPEC §1). */
    public boolean canWrite(CurrentUser user, String municipalityCode, Operator operator) {
        String region = reference
                .municipality(municipalityCode)
                .map(Municipality::regionCode)
                .orElse(null);
        return RegistryAccess.canWriteFacility(user, municipalityCode, region, operator);
    }

    void validate(Facility.FacilityData d, Facility current) {
        List<FieldProblem> problems = problems(d, current);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
    }

    /** The rules Bean Validation cannot see: references that must exist and fields that depend on each other. */
    public List<FieldProblem> problems(Facility.FacilityData d, Facility current) {
        List<FieldProblem> problems = new ArrayList<>();
        if (reference.municipality(d.municipalityCode()).isEmpty()) {
            problems.add(
                    FieldProblem.of("municipalityCode", "facility.municipalityCode.unknown", d.municipalityCode()));
        }
        if (d.residents() > d.places()) {
            problems.add(FieldProblem.of("residents", "facility.residents.exceedsPlaces", d.places()));
        }
        if ((d.latitude() == null) != (d.longitude() == null)) {
            problems.add(FieldProblem.of(d.latitude() == null ? "latitude" : "longitude", "facility.coordinates.both"));
        }
        if (d.groupId() != null) {
            var group = repository.group(d.groupId());
            if (group.isEmpty()) {
                problems.add(FieldProblem.of("groupId", "facility.groupId.unknown", String.valueOf(d.groupId())));
            } else if (!group.get().municipalityCode().equals(d.municipalityCode())) {
                problems.add(FieldProblem.of(
                        "groupId",
                        "facility.groupId.otherMunicipality",
                        group.get().name()));
            }
        }
        if (current != null && !java.util.Objects.equals(current.groupId(), d.groupId())) {
            // R4 is held per facility from the group's members at approval: membership is fixed while in force
            for (Long group : new Long[] {current.groupId(), d.groupId()}) {
                if (group != null && repository.groupHasAgreementInForce(group)) {
                    problems.add(FieldProblem.of("groupId", "facility.groupId.covered"));
                    break;
                }
            }
        }
        if (current != null && !current.sections().isEmpty()) {
            int inSections = current.sections().stream()
                    .mapToInt(Facility.Section::residents)
                    .sum();
            if (d.residents() < inSections) {
                problems.add(FieldProblem.of("residents", "facility.residents.belowSections", inSections));
            }
        }
        return problems;
    }

    /** Whether the registry holds a facility with this name, address, municipality and legal basis (an import's duplicate). */
    public boolean alreadyRegistered(Facility.FacilityData data) {
        return repository.exists(data);
    }

    /** The message key of the refusal when {@link #canWrite} says no to this user. */
    public static String writeRefusal(CurrentUser user) {
        return RegistryAccess.facilityWriteRefusal(user);
    }
}
