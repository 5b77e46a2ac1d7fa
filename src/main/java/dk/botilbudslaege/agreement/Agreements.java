package dk.botilbudslaege.agreement;

import dk.botilbudslaege.agreement.AgreementStatus.Step;
import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.common.ConcurrentChangeException;
import dk.botilbudslaege.common.ConflictException;
import dk.botilbudslaege.common.DanishFormats;
import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.common.PageRequest;
import dk.botilbudslaege.common.PageResult;
import dk.botilbudslaege.common.SqlConditions;
import dk.botilbudslaege.registry.ReferenceData;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.CurrentUsers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agreements within the caller's scope and their lifecycle (SPEC §3): create and change drafts, file
 * the information form, approve or reject, withdraw, give notice, and the region's ending. The rules
 * R1-R5 are checked when an agreement is created, changed, filed and approved; R4 is also held by the
 * database.
 */
@Service
public class Agreements {

    static final String ENTITY = "AGREEMENT";
    /** The scheme started with Aftale25 on 1 January 2025. */
    static final LocalDate SCHEME_START = LocalDate.of(2025, 1, 1);

    private final AgreementRepository repository;
    private final InformationForms forms;
    private final ReferenceData reference;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final AgreementRoom room;

    Agreements(
            AgreementRepository repository,
            InformationForms forms,
            ReferenceData reference,
            AuditTrail audit,
            ApplicationEventPublisher events,
            AgreementRoom room) {
        this.room = room;
        this.repository = repository;
        this.forms = forms;
        this.reference = reference;
        this.audit = audit;
        this.events = events;
    }

    /** Filters of the agreement list; every one optional. */
    public record AgreementFilter(
            AgreementStatus status, String municipalityCode, Long doctorId, Long facilityId, String q) {}

    @Transactional(readOnly = true)
    public PageResult<Agreement> search(CurrentUser user, AgreementFilter filter, PageRequest page) {
        SqlConditions conditions = AgreementAccess.scoped(user)
                .addIfPresent("a.status = :status", "status", filter.status())
                .addIfPresent("a.municipality_code = :municipalityCode", "municipalityCode", filter.municipalityCode())
                .addIfPresent("a.doctor_id = :doctorId", "doctorId", filter.doctorId())
                .addIfPresent(AgreementAccess.ofFacility("facilityId"), "facilityId", filter.facilityId())
                .addSearch(filter.q(), "a.unit_name", "a.doctor_name", "a.practice_name", "a.provider_number");
        return repository.search(conditions, page);
    }

    // issue 16 item 1: the region's start page
    /** An information form filed and waiting for the region's decision (SPEC §3). */
    public record WaitingForm(
            long agreementId, String unitName, String municipalityName, String doctorName, LocalDate filedOn) {

        /** Whole days since it was filed (Danish today). */
        public long days() {
            return filedOn == null
                    ? 0
                    : java.time.temporal.ChronoUnit.DAYS.between(
                            filedOn, LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen")));
        }
    }

    /** How many forms wait in the caller's scope, and the oldest few. */
    public record WaitingForms(long count, List<WaitingForm> oldest) {}

    @Transactional(readOnly = true)
    public WaitingForms waitingForms(CurrentUser user, int limit) {
        return repository.waitingForms(AgreementAccess.scoped(user), limit);
    }

    @Transactional(readOnly = true)
    public Agreement get(CurrentUser user, long id) {
        AgreementAccess.requireAgreementUser(user);
        Agreement agreement = repository.find(id).orElseThrow(() -> NotFoundException.of(ENTITY, id));
        if (!AgreementAccess.canRead(user, agreement)) {
            throw NotFoundException.of(ENTITY, id);
        }
        return agreement;
    }

    @Transactional(readOnly = true)
    public List<AuditTrail.AuditEvent> history(CurrentUser user, long id) {
        get(user, id);
        return audit.history(ENTITY, id);
    }

    /** What the caller may do with the agreement now, for pages and the API. */
    public record Actions(
            boolean change, boolean submit, boolean withdraw, boolean decide, boolean giveNotice, boolean end) {}

    public Actions actions(CurrentUser user, Agreement a) {
        var scope = scopeOf(unitOf(a));
        boolean filer = AgreementAccess.canFile(user, scope);
        return new Actions(
                filer && Step.CHANGE.allowedFrom(a.status()),
                filer && Step.SUBMIT.allowedFrom(a.status()),
                filer && Step.WITHDRAW.allowedFrom(a.status()),
                AgreementAccess.canDecide(user, a) && Step.APPROVE.allowedFrom(a.status()),
                AgreementAccess.canGiveNotice(user, a, scope)
                        && noticeable(a)
                        && !NoticeWindow.of(a.startDate(), LocalDate.now()).empty(),
                AgreementAccess.canEnd(user, a) && Step.END.allowedFrom(a.status()));
    }

    /**
     * A party may give notice on an active agreement, and on one the region has ended (SPEC §3) while no
     * notice is given yet: the earlier end date wins.
     */
    static boolean noticeable(Agreement a) {
        return Step.GIVE_NOTICE.allowedFrom(a.status())
                && (a.status() != AgreementStatus.NOTICE_GIVEN || endedByRegionOnly(a));
    }

    private static boolean endedByRegionOnly(Agreement a) {
        return a.status() == AgreementStatus.NOTICE_GIVEN && a.noticeDate() == null && a.endReason() != null;
    }

    @Transactional
    public Agreement create(CurrentUser user, AgreementForm form) {
        AgreementAccess.requireAgreementUser(user);
        NewAgreement request = resolve(form);
        requireFiler(user, request.unit());
        enforceRules(request, null);
        long id = repository.insert(request, user.username());
        Agreement created = repository.find(id).orElseThrow();
        events.publishEvent(
                new AgreementEvents.Created(id, AuditTrail.diff(null, snapshot(created)), CurrentUsers.actor()));
        return created;
    }

    /** Changes a draft; a stale version answers 409 and never overwrites. */
    @Transactional
    public Agreement update(CurrentUser user, long id, AgreementForm form) {
        Agreement current = get(user, id);
        requireFiler(user, unitOf(current));
        requireStep(current, Step.CHANGE);
        NewAgreement request = resolve(form);
        requireFiler(user, request.unit());
        enforceRules(request, id);
        int version = form.getVersion() == null ? current.version() : form.getVersion();
        if (version != current.version() || !repository.updateDraft(id, version, request)) {
            throw new ConcurrentChangeException(ENTITY, id);
        }
        Agreement updated = repository.find(id).orElseThrow();
        events.publishEvent(new AgreementEvents.Changed(
                id, AuditTrail.diff(snapshot(current), snapshot(updated)), CurrentUsers.actor()));
        return updated;
    }

    /** Files the information form with the region: DRAFT → SUBMITTED. */
    @Transactional
    public Agreement submit(CurrentUser user, long id, InformationFormInput input, Integer version) {
        Agreement current = get(user, id);
        requireFiler(user, unitOf(current));
        requireStep(current, Step.SUBMIT);
        InformationFormInput form = input == null ? InformationFormInput.empty() : input;
        if (Boolean.FALSE.equals(form.noOtherContract())) {
            throw new InvalidInputException(
                    RuleViolation.OTHER_CONTRACT.name(),
                    List.of(FieldProblem.of("noOtherContract", RuleViolation.OTHER_CONTRACT.messageKey())));
        }
        enforceRules(
                new NewAgreement(current.doctorId(), unitOf(current), current.startDate(), current.matchMethod()), id);
        transition(current, version, Step.SUBMIT);
        forms.file(user, current, form);
        events.publishEvent(new AgreementEvents.Filed(
                id, Map.of("status", new AuditTrail.Change("DRAFT", "SUBMITTED")), CurrentUsers.actor()));
        return repository.find(id).orElseThrow();
    }

    /** The region approves the filed form: SUBMITTED → ACTIVE, paid from the start date. */
    @Transactional
    public Agreement approve(CurrentUser user, long id, Integer version) {
        Agreement current = get(user, id);
        requireDecider(user, current);
        requireStep(current, Step.APPROVE);
        repository.lockPractice(current.practiceId());
        enforceRules(
                new NewAgreement(current.doctorId(), unitOf(current), current.startDate(), current.matchMethod()), id);
        transition(current, version, Step.APPROVE);
        repository.recordDecision(id, user.username(), null);
        Agreement approved = repository.find(id).orElseThrow();
        try {
            repository.insertCoverage(approved);
        } catch (DataIntegrityViolationException e) {
            // another approval for the same unit and period committed first (R4, held by the database)
            throw violation(List.of(RuleViolation.UNIT_ALREADY_COVERED));
        }
        events.publishEvent(new AgreementApproved(id, approved.startDate(), CurrentUsers.actor()));
        return approved;
    }

    /** The region rejects the filed form, with a reason: SUBMITTED → REJECTED. */
    @Transactional
    public Agreement reject(CurrentUser user, long id, String reason, Integer version) {
        Agreement current = get(user, id);
        requireDecider(user, current);
        requireStep(current, Step.REJECT);
        String trimmed = reason == null ? "" : reason.strip();
        if (trimmed.isEmpty()) {
            // the filer must learn why (the page has always asked for it; so does the API)
            throw InvalidInputException.of(FieldProblem.of("reason", "agreement.reason.required"));
        }
        if (trimmed.length() > 1000) {
            throw InvalidInputException.of(FieldProblem.of("reason", "validation.size.max.n", 1000));
        }
        transition(current, version, Step.REJECT);
        repository.recordDecision(id, user.username(), trimmed);
        events.publishEvent(new AgreementEvents.Rejected(
                id,
                Map.of(
                        "status",
                        new AuditTrail.Change("SUBMITTED", "REJECTED"),
                        "reason",
                        new AuditTrail.Change(null, trimmed)),
                CurrentUsers.actor()));
        return repository.find(id).orElseThrow();
    }

    /** The filer takes a draft or a filed form back before the region decides. */
    @Transactional
    public Agreement withdraw(CurrentUser user, long id, Integer version) {
        Agreement current = get(user, id);
        requireFiler(user, unitOf(current));
        requireStep(current, Step.WITHDRAW);
        transition(current, version, Step.WITHDRAW);
        events.publishEvent(new AgreementEvents.Withdrawn(
                id,
                Map.of("status", new AuditTrail.Change(current.status().name(), "WITHDRAWN")),
                CurrentUsers.actor()));
        return repository.find(id).orElseThrow();
    }

    /**
     * Either side ends the agreement with 3 months' notice to the end of a quarter (SPEC §3): the end
     * date is stated at once and the agreement stays in force until then. The doctor gives notice, or
     * the party that files for the facility; the notice is dated today when no date is given, and may
     * be dated at most {@value NoticeWindow#DAYS_BACK} days back, never before the start and never in
     * the future ({@link NoticeWindow}): otherwise 422 NOTICE_DATE_NOT_ALLOWED.
     */
    @Transactional
    public Agreement giveNotice(CurrentUser user, long id, LocalDate noticeDate, Integer version) {
        return giveNotice(user, id, noticeDate, version, LocalDate.now());
    }

    /**
     * A notice registered on an earlier day, as history loaded from elsewhere (the demo data) records it:
     * the window of {@link NoticeWindow} is counted from {@code registeredOn}, not from today. Not an
     * HTTP call.
     */
    @Transactional
    public Agreement recordNotice(CurrentUser user, long id, LocalDate noticeDate, LocalDate registeredOn) {
        return giveNotice(user, id, noticeDate, null, registeredOn);
    }

    private Agreement giveNotice(
            CurrentUser user, long id, LocalDate noticeDate, Integer version, LocalDate registeredOn) {
        Agreement current = get(user, id);
        if (!AgreementAccess.canGiveNotice(user, current, scopeOf(unitOf(current)))) {
            throw new ForbiddenException("scope.agreement.notice");
        }
        if (!noticeable(current)) {
            throw new ConflictException("INVALID_STATUS", Step.GIVE_NOTICE.refusal());
        }
        LocalDate date = noticeDate == null ? registeredOn : noticeDate;
        requireNoticeDateAllowed(current, date, registeredOn);
        LocalDate endDate = NoticePeriod.endDate(date);
        if (endedByRegionOnly(current) && !endDate.isBefore(current.endDate())) {
            // the region's ending comes first: a notice would change nothing
            throw new InvalidInputException(
                    NOTICE_DATE_NOT_ALLOWED,
                    List.of(FieldProblem.of(
                            "noticeDate",
                            "agreement.noticeDate.alreadyEnding",
                            DanishFormats.date(current.endDate()),
                            DanishFormats.date(endDate))));
        }
        int expected = version == null ? current.version() : version;
        if (expected != current.version() || !repository.giveNotice(id, expected, date, endDate, user.username())) {
            throw new ConcurrentChangeException(ENTITY, id);
        }
        repository.shortenCoverage(id, endDate);
        events.publishEvent(new AgreementEvents.NoticeGiven(
                id,
                Map.of(
                        "status", new AuditTrail.Change(current.status().name(), "NOTICE_GIVEN"),
                        "noticeDate", new AuditTrail.Change(null, date.toString()),
                        "endDate",
                                new AuditTrail.Change(
                                        current.endDate() == null
                                                ? null
                                                : current.endDate().toString(),
                                        endDate.toString())),
                CurrentUsers.actor()));
        return repository.find(id).orElseThrow();
    }

    /** Refuses a notice date outside the window of {@link NoticeWindow}, naming the window in Danish. */
    static void requireNoticeDateAllowed(Agreement agreement, LocalDate noticeDate, LocalDate registeredOn) {
        NoticeWindow window = NoticeWindow.of(agreement.startDate(), registeredOn);
        if (window.empty()) {
            throw new InvalidInputException(
                    NOTICE_DATE_NOT_ALLOWED,
                    List.of(FieldProblem.of(
                            "noticeDate",
                            "agreement.noticeDate.notStarted",
                            DanishFormats.date(agreement.startDate()))));
        }
        if (!window.allows(noticeDate)) {
            throw new InvalidInputException(
                    NOTICE_DATE_NOT_ALLOWED,
                    List.of(FieldProblem.of(
                            "noticeDate",
                            "agreement.noticeDate.notAllowed",
                            DanishFormats.date(window.from()),
                            DanishFormats.date(window.to()))));
        }
    }

    static final String NOTICE_DATE_NOT_ALLOWED = "NOTICE_DATE_NOT_ALLOWED";
    static final String END_DATE_NOT_ALLOWED = "END_DATE_NOT_ALLOWED";

    /**
     * The region ends an agreement that can no longer run (SPEC §3): the doctor leaves general practice,
     * the facility closes. The end date is today or later (and not after an end date a notice already
     * set); the reason is required. Until the end date the agreement is NOTICE_GIVEN, after it ENDED.
     * Audited; both parties read the reason on the agreement.
     */
    @Transactional
    public Agreement end(CurrentUser user, long id, LocalDate endDate, String reason, Integer version) {
        Agreement current = get(user, id);
        if (!AgreementAccess.canEnd(user, current)) {
            throw new ForbiddenException("scope.agreement.end");
        }
        requireStep(current, Step.END);
        String trimmed = checkEnding(current, endDate, reason);
        int expected = version == null ? current.version() : version;
        if (expected != current.version() || !repository.end(id, expected, endDate, trimmed, user.username())) {
            throw new ConcurrentChangeException(ENTITY, id);
        }
        repository.shortenCoverage(id, endDate);
        Map<String, AuditTrail.Change> changes = new LinkedHashMap<>();
        if (current.status() != AgreementStatus.NOTICE_GIVEN) {
            changes.put("status", new AuditTrail.Change(current.status().name(), "NOTICE_GIVEN"));
        }
        changes.put(
                "endDate",
                new AuditTrail.Change(
                        current.endDate() == null ? null : current.endDate().toString(), endDate.toString()));
        // a second ending replaces the first one's reason: the history shows the one it replaced
        changes.put("reason", new AuditTrail.Change(current.endReason(), trimmed));
        events.publishEvent(new AgreementEvents.EndedByRegion(id, changes, CurrentUsers.actor()));
        return repository.find(id).orElseThrow();
    }

    /** Refuses a missing date or reason (400) or an end date out of bounds (422); answers the reason trimmed. */
    static String checkEnding(Agreement current, LocalDate endDate, String reason) {
        String trimmed = reason == null ? "" : reason.strip();
        List<FieldProblem> missing = new ArrayList<>();
        if (endDate == null) {
            missing.add(FieldProblem.of("endDate", "agreement.endDate.required"));
        }
        if (trimmed.isEmpty()) {
            missing.add(FieldProblem.of("reason", "agreement.endReason.required"));
        } else if (trimmed.length() > 1000) {
            missing.add(FieldProblem.of("reason", "validation.size.max.n", 1000));
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", missing);
        }
        requireEndDateAllowed(current, endDate);
        return trimmed;
    }

    private static void requireEndDateAllowed(Agreement current, LocalDate endDate) {
        LocalDate today = LocalDate.now();
        String key = null;
        Object[] args = {};
        if (endDate.isBefore(today)) {
            key = "agreement.endDate.past";
            args = new Object[] {DanishFormats.date(today)};
        } else if (endDate.isBefore(current.startDate())) {
            key = "agreement.endDate.beforeStart";
            args = new Object[] {DanishFormats.date(current.startDate())};
        } else if (current.endDate() != null && endDate.isAfter(current.endDate())) {
            key = "agreement.endDate.afterNoticeEnd";
            args = new Object[] {DanishFormats.date(current.endDate())};
        }
        if (key != null) {
            throw new InvalidInputException(END_DATE_NOT_ALLOWED, List.of(FieldProblem.of("endDate", key, args)));
        }
    }

    // ---- rules -------------------------------------------------------------------------------

    /** Applies R1-R5 to a request; refuses with the most specific violation first (422). */
    void enforceRules(NewAgreement request, Long exceptAgreement) {
        List<RuleViolation> violations = AgreementRules.check(situation(request, exceptAgreement));
        if (!violations.isEmpty()) {
            throw violation(violations);
        }
    }

    AgreementRules.Situation situation(NewAgreement request, Long exceptAgreement) {
        var doctor = repository.doctor(request.doctorId()).orElseThrow();
        var unitFacilities = repository.unitFacilities(request.unit());
        LocalDate start = request.startDate();
        Long sectionFacility = request.unit().kind() == UnitKind.SECTION
                ? request.unit().facilityIds().get(0)
                : null;
        List<AgreementRules.DoctorLoad> loads = new ArrayList<>();
        AgreementRoom.DoctorRoom self = null;
        for (AgreementRoom.DoctorRoom d : room.practiceDoctors(doctor.practiceId(), start, exceptAgreement)) {
            boolean isSelf = d.doctorId() == doctor.id();
            self = isSelf ? d : self;
            loads.add(new AgreementRules.DoctorLoad(
                    d.nursingHomeDoctor(),
                    d.facilityRoles() + (isSelf ? 1 : 0),
                    d.dispensed(),
                    AgreementRules.capacityRelief(
                            d.sectionFacilities(), isSelf ? sectionFacility : null, d.capacities())));
        }
        int otherRoles = self == null ? 0 : self.facilityRoles();
        List<Long> otherSections = self == null ? List.of() : self.sectionFacilities();
        int capacities = self == null ? 1 : self.capacities();
        Integer maxFacilities = self == null ? null : self.maxFacilities();
        boolean nursingHomeDispensation = self != null && self.nursingHomeDispensation();
        return new AgreementRules.Situation(
                unitFacilities.stream()
                        .map(AgreementRepository.UnitFacility::legalBasis)
                        .toList(),
                reference.legalBasesInScope(start),
                repository.coveredByAnother(request.unit(), start, null, exceptAgreement),
                doctor.nursingHomeDoctor(),
                nursingHomeDispensation,
                otherRoles,
                maxFacilities,
                doctor.practiceCapacity(),
                loads,
                capacities,
                otherSections,
                sectionFacility);
    }

    private static InvalidInputException violation(List<RuleViolation> violations) {
        List<FieldProblem> problems = violations.stream()
                .map(v -> FieldProblem.of(fieldOf(v), v.messageKey()))
                .toList();
        return new InvalidInputException(violations.get(0).name(), problems);
    }

    private static String fieldOf(RuleViolation violation) {
        return switch (violation) {
            case LEGAL_BASIS_NOT_IN_SCOPE, UNIT_ALREADY_COVERED -> "facilityIds";
            case NURSING_HOME_CONFLICT, DOCTOR_ROLE_LIMIT, PRACTICE_CAPACITY -> "doctorId";
            case OTHER_CONTRACT -> "noOtherContract";
        };
    }

    // ---- resolving the request ------------------------------------------------------------------

    /** Turns the form into a unit and a doctor that exist, or says which field is wrong. */
    NewAgreement resolve(AgreementForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        if (repository.doctor(form.getDoctorId()).isEmpty()) {
            problems.add(FieldProblem.of("doctorId", "agreement.doctorId.unknown", String.valueOf(form.getDoctorId())));
        }
        if (form.getStartDate().isBefore(SCHEME_START)) {
            problems.add(FieldProblem.of("startDate", "agreement.startDate.beforeScheme"));
        }
        Unit unit = resolveUnit(form, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
        return new NewAgreement(form.getDoctorId(), unit, form.getStartDate(), form.getMatchMethod());
    }

    private Unit resolveUnit(AgreementForm form, List<FieldProblem> problems) {
        List<Long> ids = form.getFacilityIds() == null
                ? List.of()
                : form.getFacilityIds().stream().distinct().toList();
        if (ids.contains(null)) {
            problems.add(FieldProblem.of("facilityIds", "agreement.facilityIds.unknown", "null"));
            return null;
        }
        var found = repository.unitFacilities(new Unit(UnitKind.FACILITY, ids, null, null));
        if (found.size() != ids.size()) {
            // ids as plain text: a number argument would be formatted with thousands separators
            var known = found.stream().map(AgreementRepository.UnitFacility::id).toList();
            problems.add(FieldProblem.of(
                    "facilityIds",
                    "agreement.facilityIds.unknown",
                    ids.stream()
                            .filter(id -> !known.contains(id))
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "))));
            return null;
        }
        if (form.getSectionId() != null) {
            var section = repository.section(form.getSectionId());
            if (section.isEmpty() || ids.size() != 1 || section.get().facilityId() != ids.get(0)) {
                problems.add(FieldProblem.of("sectionId", "agreement.sectionId.notOfFacility"));
                return null;
            }
            return Unit.section(ids.get(0), form.getSectionId());
        }
        Long groupId = form.getGroupId();
        if (groupId == null && ids.size() > 1) {
            var groups = new HashSet<Long>();
            found.forEach(f -> groups.add(f.groupId()));
            groupId = groups.size() == 1 ? groups.iterator().next() : null;
            if (groupId == null) {
                problems.add(FieldProblem.of("facilityIds", "agreement.facilityIds.notOneGroup"));
                return null;
            }
        }
        if (groupId != null) {
            List<Long> members = repository.groupMembers(groupId);
            // several facilities without a group named must be the whole group; with the group named, any of its
            // members
            boolean whole = new HashSet<>(members).equals(new HashSet<>(ids));
            if (members.isEmpty() || !members.containsAll(ids) || (form.getGroupId() == null && !whole)) {
                problems.add(FieldProblem.of("facilityIds", "agreement.facilityIds.wholeGroup"));
                return null;
            }
            return Unit.group(groupId, members);
        }
        return Unit.facility(ids.get(0));
    }

    Unit unitOf(Agreement a) {
        return new Unit(a.unitKind(), a.facilityIds(), a.sectionId(), a.groupId());
    }

    private AgreementAccess.UnitScope scopeOf(Unit unit) {
        var facilities = repository.unitFacilities(unit);
        return new AgreementAccess.UnitScope(
                facilities.stream()
                        .map(AgreementRepository.UnitFacility::operator)
                        .toList(),
                facilities.stream()
                        .map(AgreementRepository.UnitFacility::municipalityCode)
                        .toList(),
                facilities.stream()
                        .map(AgreementRepository.UnitFacility::regionCode)
                        .toList(),
                unit.facilityIds());
    }

    private void requireFiler(CurrentUser user, Unit unit) {
        if (!AgreementAccess.canFile(user, scopeOf(unit))) {
            throw new ForbiddenException("scope.agreement.file");
        }
    }

    private static void requireDecider(CurrentUser user, Agreement a) {
        if (!AgreementAccess.canDecide(user, a)) {
            throw new ForbiddenException("scope.agreement.decide");
        }
    }

    /** Refuses a step the lifecycle does not allow from the agreement's status: 409 INVALID_STATUS. */
    private static void requireStep(Agreement a, Step step) {
        if (!step.allowedFrom(a.status())) {
            throw new ConflictException("INVALID_STATUS", step.refusal());
        }
    }

    /** Takes the step in the database, from the status read, unless someone changed the agreement since. */
    private void transition(Agreement current, Integer version, Step step) {
        int expected = version == null ? current.version() : version;
        if (expected != current.version()
                || !repository.transition(current.id(), expected, current.status(), step.target())) {
            throw new ConcurrentChangeException(ENTITY, current.id());
        }
    }

    /** What the audit trail shows of an agreement's fields. */
    private record Snapshot(
            String doctor, String unit, LocalDate startDate, MatchMethod matchMethod, AgreementStatus status) {}

    private static Snapshot snapshot(Agreement a) {
        return new Snapshot(
                a.doctorName() + " (" + a.providerNumber() + ")",
                a.unitName(),
                a.startDate(),
                a.matchMethod(),
                a.status());
    }
}
