package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.agreement.Agreement;
import dk.botilbudslaege.agreement.AgreementStatus;
import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.collaboration.CooperationPlan.Colleague;
import dk.botilbudslaege.collaboration.CooperationPlan.Contact;
import dk.botilbudslaege.collaboration.CooperationPlan.ContactRole;
import dk.botilbudslaege.collaboration.CooperationPlan.Missing;
import dk.botilbudslaege.collaboration.CooperationPlan.Side;
import dk.botilbudslaege.common.ConcurrentChangeException;
import dk.botilbudslaege.common.ConflictException;
import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Users;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cooperation plan of a running agreement (SPEC §7, seed 003; issue 13 item 1).
 * <ul>
 *   <li>Read: both parties, the municipality of the facility, the region; the national viewer 403
 *       ({@link Parties}).</li>
 *   <li>Draft: either party, while the agreement runs (ACTIVE or NOTICE_GIVEN and not past its end); every draft
 *       is a new version, the old ones are kept. The draft names the version it replaces (409 when stale).</li>
 *   <li>Accept: the other party than the one that drafted the current version; accepting one's own draft is
 *       refused (409 {@code COOPERATION_PLAN_OWN_DRAFT}).</li>
 *   <li>The facility's contact person is kept as dated rows: a draft with another contact adds one.</li>
 *   <li>Missing: running agreements that started 30 days ago or more and have no accepted plan, for the
 *       region and the municipality.</li>
 * </ul>
 * The substitute doctor is named: the name of another doctor of the agreement doctor's practice (registry),
 * matched without regard to case; its id is kept with it.
 */
@Service
public class CooperationPlans {

    static final String ENTITY = "COOPERATION_PLAN";
    static final int DAYS_TO_ACCEPT = 30;
    private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

    private static final String SELECT = """
            select v.* from cooperation_plan_version v
            """;

    private final Parties parties;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Users users;

    CooperationPlans(Parties parties, JdbcClient jdbc, ApplicationEventPublisher events, Users users) {
        this.parties = parties;
        this.jdbc = jdbc;
        this.events = events;
        this.users = users;
    }

    /**
     * The names people read for who drafted and who accepted these versions (the account's display name, the
     * username when the account is unknown), by username; never a null key.
     */
    @Transactional(readOnly = true)
    public Map<String, String> names(List<CooperationPlan> versions) {
        Map<String, String> names = new HashMap<>();
        for (CooperationPlan v : versions) {
            for (String username : new String[] {v.draftedBy(), v.acceptedBy()}) {
                if (username != null && !names.containsKey(username)) {
                    names.put(username, users.displayName(username).orElse(username));
                }
            }
        }
        return names;
    }

    /** The side that accepted a version: the other party than the one that drafted it. */
    public static Side acceptedSide(CooperationPlan plan) {
        return plan.draftedSide() == Side.DOCTOR ? Side.FACILITY : Side.DOCTOR;
    }

    /** Whether the agreement runs today, so that its plan may be drafted and accepted. */
    public static boolean running(Agreement a) {
        boolean approved = a.status() == AgreementStatus.ACTIVE || a.status() == AgreementStatus.NOTICE_GIVEN;
        return approved && (a.endDate() == null || !a.endDate().isBefore(today()));
    }

    /** The agreement as the user may read it (readers of {@link Parties}). */
    @Transactional(readOnly = true)
    public Agreement agreement(CurrentUser user, long agreementId) {
        return parties.agreement(user, agreementId);
    }

    /** The current version, if any has been drafted. */
    @Transactional(readOnly = true)
    public Optional<CooperationPlan> find(CurrentUser user, long agreementId) {
        parties.agreement(user, agreementId);
        return current(agreementId);
    }

    @Transactional(readOnly = true)
    public CooperationPlan get(CurrentUser user, long agreementId) {
        return find(user, agreementId).orElseThrow(() -> NotFoundException.of(ENTITY, agreementId));
    }

    /** Every version, newest first. */
    @Transactional(readOnly = true)
    public List<CooperationPlan> versions(CurrentUser user, long agreementId) {
        parties.agreement(user, agreementId);
        return jdbc.sql(SELECT + " where v.agreement_id = :a order by v.version desc")
                .param("a", agreementId)
                .query(CooperationPlans::map)
                .list();
    }

    /** The facility's contact persons, newest first: the first is the current one. */
    @Transactional(readOnly = true)
    public List<Contact> contacts(CurrentUser user, long agreementId) {
        parties.agreement(user, agreementId);
        return jdbc.sql("""
                        select * from cooperation_contact where agreement_id = :a order by valid_from desc, id desc
                        """)
                .param("a", agreementId)
                .query(CooperationPlans::contact)
                .list();
    }

    /** The doctors of the agreement doctor's practice who may be named substitute (all but the doctor). */
    @Transactional(readOnly = true)
    public List<Colleague> colleagues(Agreement a) {
        return jdbc.sql("""
                        select id, name from registry_doctor where practice_id = :p and id <> :d order by name, id
                        """)
                .param("p", a.practiceId())
                .param("d", a.doctorId())
                .query((rs, n) -> new Colleague(rs.getLong("id"), rs.getString("name")))
                .list();
    }

    /** The side the user drafts and accepts for, or empty when the user is no party of the agreement. */
    public Optional<Side> sideOf(CurrentUser user, Agreement a) {
        if (parties.doctorSide(user, a)) {
            return Optional.of(Side.DOCTOR);
        }
        return parties.facilitySide(user, a) ? Optional.of(Side.FACILITY) : Optional.empty();
    }

    /** Whether the user may accept this version now: the other party's draft of a running agreement. */
    public boolean mayAccept(CurrentUser user, Agreement a, CooperationPlan plan) {
        return plan != null
                && !plan.accepted()
                && running(a)
                && sideOf(user, a).filter(side -> side != plan.draftedSide()).isPresent();
    }

    /**
     * A new draft version (the first when none exists). A draft with the same content as the current version
     * records nothing and answers the current version (an accepted plan stays accepted). The facility's contact
     * person is the facility side's to set: once a version exists, the doctor's draft must keep it (400 on the
     * contact fields it changes).
     */
    @Transactional
    public CooperationPlan draft(CurrentUser user, long agreementId, CooperationPlanForm form) {
        Agreement a = parties.asEitherParty(user, agreementId, "scope.cooperationPlan.draft");
        Side side = sideOf(user, a).orElseThrow();
        requireRunning(a);
        Optional<Integer> current = jdbc.sql("select version from cooperation_plan where agreement_id = :a for update")
                .param("a", agreementId)
                .query(Integer.class)
                .optional();
        Optional<CooperationPlan> before = current.flatMap(v -> current(agreementId));
        List<FieldProblem> problems = new ArrayList<>(CooperationPlanRules.check(form, a.startDate(), a.endDate()));
        if (side == Side.DOCTOR && before.isPresent()) {
            problems.addAll(contactKept(before.get(), form, problems));
        }
        Colleague substitute = substitute(a, form.getSubstituteDoctor(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
        int version;
        if (current.isPresent()) {
            // without a version the draft applies to the current state (docs/api.md Conventions)
            if (form.getVersion() != null && form.getVersion().intValue() != current.get()) {
                throw new ConcurrentChangeException(ENTITY, agreementId);
            }
            if (sameContent(before.orElseThrow(), form, substitute)) {
                return before.get();
            }
            version = current.get() + 1;
            jdbc.sql("update cooperation_plan set version = :v where agreement_id = :a")
                    .param("v", version)
                    .param("a", agreementId)
                    .update();
        } else {
            if (form.getVersion() != null && form.getVersion() != 0) {
                throw new ConcurrentChangeException(ENTITY, agreementId);
            }
            version = 1;
            int made = jdbc.sql("""
                            insert into cooperation_plan (agreement_id, version) values (:a, 1) on conflict do nothing
                            """).param("a", agreementId).update();
            if (made == 0) {
                throw new ConcurrentChangeException(ENTITY, agreementId);
            }
        }
        jdbc.sql("""
                        insert into cooperation_plan_version (agreement_id, version, start_date, scope, schedule,
                               meetings, communication, substitute_doctor_id, substitute_doctor_name, drafted_by,
                               drafted_side, contact_name, contact_role, contact_email, contact_phone)
                        values (:a, :v, :start, :scope, :schedule, :meetings, :communication, :subId, :subName,
                                :by, :side, :contactName, :contactRole, :contactEmail, :contactPhone)
                        """)
                .param("a", agreementId)
                .param("v", version)
                .param("start", form.getStartDate())
                .param("scope", form.getScope().strip())
                .param("schedule", form.getSchedule().strip())
                .param("meetings", form.getMeetings().strip())
                .param("communication", form.getCommunication().strip())
                .param("subId", substitute == null ? null : substitute.id())
                .param("subName", substitute == null ? null : substitute.name())
                .param("by", user.username())
                .param("side", side.name())
                .param("contactName", form.getContactName().strip())
                .param("contactRole", form.getContactRole().name())
                .param("contactEmail", form.getContactEmail().strip())
                .param("contactPhone", form.getContactPhone().strip())
                .update();
        CooperationPlan after = current(agreementId).orElseThrow();
        var changes = AuditTrail.diff(before.map(CooperationPlans::facts).orElse(null), facts(after));
        events.publishEvent(
                before.isEmpty()
                        ? new CooperationPlanEvents.Drafted(agreementId, changes, user.username())
                        : new CooperationPlanEvents.Redrafted(agreementId, changes, user.username()));
        return after;
    }

    /** The contact fields the doctor's draft changed from the current version, one problem each. */
    private static List<FieldProblem> contactKept(
            CooperationPlan current, CooperationPlanForm form, List<FieldProblem> already) {
        List<FieldProblem> problems = new ArrayList<>();
        java.util.function.BiConsumer<String, Boolean> same = (field, equal) -> {
            if (!equal && already.stream().noneMatch(p -> p.field().equals(field))) {
                problems.add(FieldProblem.of(field, "cooperationPlan.contact.facilityOnly"));
            }
        };
        same.accept("contactName", stripped(form.getContactName()).equals(stripped(current.contactName())));
        same.accept("contactRole", form.getContactRole() == current.contactRole());
        same.accept("contactEmail", stripped(form.getContactEmail()).equals(stripped(current.contactEmail())));
        same.accept("contactPhone", stripped(form.getContactPhone()).equals(stripped(current.contactPhone())));
        return problems;
    }

    private static boolean sameContent(CooperationPlan p, CooperationPlanForm f, Colleague substitute) {
        return java.util.Objects.equals(p.startDate(), f.getStartDate())
                && stripped(p.scope()).equals(stripped(f.getScope()))
                && stripped(p.schedule()).equals(stripped(f.getSchedule()))
                && stripped(p.meetings()).equals(stripped(f.getMeetings()))
                && stripped(p.communication()).equals(stripped(f.getCommunication()))
                && stripped(p.contactName()).equals(stripped(f.getContactName()))
                && p.contactRole() == f.getContactRole()
                && stripped(p.contactEmail()).equals(stripped(f.getContactEmail()))
                && stripped(p.contactPhone()).equals(stripped(f.getContactPhone()))
                && java.util.Objects.equals(p.substituteDoctorId(), substitute == null ? null : substitute.id());
    }

    private static String stripped(String s) {
        return s == null ? "" : s.strip();
    }

    /** The other party accepts the current version; {@code version}, when given, must be the current one. */
    @Transactional
    public CooperationPlan accept(CurrentUser user, long agreementId, Integer version) {
        Agreement a = parties.asEitherParty(user, agreementId, "scope.cooperationPlan.accept");
        Side side = sideOf(user, a).orElseThrow();
        requireRunning(a);
        Integer current = jdbc.sql("select version from cooperation_plan where agreement_id = :a for update")
                .param("a", agreementId)
                .query(Integer.class)
                .optional()
                .orElseThrow(() -> new ConflictException("COOPERATION_PLAN_MISSING", "cooperationPlan.missing"));
        if (version != null && version.intValue() != current) {
            throw new ConcurrentChangeException(ENTITY, agreementId);
        }
        CooperationPlan plan = current(agreementId).orElseThrow();
        if (plan.accepted()) {
            throw new ConflictException("COOPERATION_PLAN_ALREADY_ACCEPTED", "cooperationPlan.alreadyAccepted");
        }
        if (plan.draftedSide() == side) {
            throw new ConflictException("COOPERATION_PLAN_OWN_DRAFT", "cooperationPlan.ownDraft");
        }
        jdbc.sql("""
                        update cooperation_plan_version set accepted_by = :by, accepted_at = now()
                         where agreement_id = :a and version = :v and accepted_by is null
                        """)
                .param("by", user.username())
                .param("a", agreementId)
                .param("v", current)
                .update();
        CooperationPlan after = current(agreementId).orElseThrow();
        recordContact(after, user);
        events.publishEvent(new CooperationPlanEvents.Accepted(
                agreementId, AuditTrail.diff(facts(plan), facts(after)), user.username()));
        return after;
    }

    /**
     * Running agreements in the caller's region or municipality that started {@value #DAYS_TO_ACCEPT} days ago
     * or more and have no accepted plan, longest waiting first. Others 403.
     */
    @Transactional(readOnly = true)
    public List<Missing> missing(CurrentUser user) {
        String scope = switch (user.role()) {
            case REGION -> "o.region_code = :scope";
            case MUNICIPALITY -> "o.municipality_code = :scope";
            default -> throw new ForbiddenException("scope.cooperationPlan.missing");
        };
        String value = user.regionCode() != null && user.is(dk.botilbudslaege.security.Role.REGION)
                ? user.regionCode()
                : user.municipalityCode();
        LocalDate today = today();
        return jdbc.sql("""
                        select o.id, o.unit_name, o.facility_ids, o.municipality_code, o.municipality_name,
                               o.doctor_name, o.start_date,
                               case when p.agreement_id is null then 'NONE' else 'DRAFT' end as plan_status
                          from agreement_overview o
                          left join cooperation_plan p on p.agreement_id = o.id
                         where o.status in ('ACTIVE', 'NOTICE_GIVEN')
                           and o.start_date <= :due and (o.end_date is null or o.end_date >= :today)
                           and not exists (select 1 from cooperation_plan_version v
                                            where v.agreement_id = o.id and v.accepted_at is not null)
                           and """ + " " + scope + """
                         order by o.start_date, o.id
                        """)
                .param("due", today.minusDays(DAYS_TO_ACCEPT))
                .param("today", today)
                .param("scope", value)
                .query((rs, n) -> new Missing(
                        rs.getLong("id"),
                        rs.getString("unit_name"),
                        longs(rs.getArray("facility_ids")),
                        rs.getString("municipality_code"),
                        rs.getString("municipality_name"),
                        rs.getString("doctor_name"),
                        rs.getObject("start_date", LocalDate.class),
                        ChronoUnit.DAYS.between(rs.getObject("start_date", LocalDate.class), today),
                        rs.getString("plan_status")))
                .list();
    }

    private static void requireRunning(Agreement a) {
        if (!running(a)) {
            throw new ConflictException("AGREEMENT_NOT_RUNNING", "cooperationPlan.agreementNotRunning");
        }
    }

    private Colleague substitute(Agreement a, String name, List<FieldProblem> problems) {
        if (name == null
                || name.isBlank()
                || problems.stream().anyMatch(p -> p.field().equals("substituteDoctor"))) {
            return null;
        }
        Optional<Colleague> found = colleagues(a).stream()
                .filter(c -> c.name().strip().equalsIgnoreCase(name.strip()))
                .findFirst();
        if (found.isEmpty()) {
            problems.add(FieldProblem.of(
                    "substituteDoctor", "cooperationPlan.substituteDoctor.notInPractice", a.practiceName()));
        }
        return found.orElse(null);
    }

    private Optional<CooperationPlan> current(long agreementId) {
        return jdbc.sql(SELECT + """
                         join cooperation_plan p on p.agreement_id = v.agreement_id and p.version = v.version
                        where v.agreement_id = :a
                        """)
                .param("a", agreementId)
                .query(CooperationPlans::map)
                .optional();
    }

    /** The accepted version's contact person joins the history when it differs from the latest one. */
    private void recordContact(CooperationPlan accepted, CurrentUser user) {
        if (accepted.contactName() == null || accepted.contactRole() == null) {
            return;
        }
        long agreementId = accepted.agreementId();
        Contact contact = new Contact(
                accepted.contactName(),
                accepted.contactRole(),
                accepted.contactEmail(),
                accepted.contactPhone(),
                null,
                accepted.draftedBy());
        Optional<Contact> previous = latestContact(agreementId);
        if (previous.isPresent() && sameContact(previous.get(), contact)) {
            return;
        }
        jdbc.sql("""
                        insert into cooperation_contact (agreement_id, name, role, email, phone, changed_by)
                        values (:a, :name, :role, :email, :phone, :by)
                        """)
                .param("a", agreementId)
                .param("name", contact.name())
                .param("role", contact.role().name())
                .param("email", contact.email())
                .param("phone", contact.phone())
                .param("by", contact.changedBy())
                .update();
        if (previous.isPresent()) {
            events.publishEvent(new CooperationPlanEvents.ContactChanged(
                    agreementId,
                    AuditTrail.diff(contactFacts(previous.get()), contactFacts(contact)),
                    user.username()));
        }
    }

    private Optional<Contact> latestContact(long agreementId) {
        return jdbc.sql("""
                        select * from cooperation_contact where agreement_id = :a
                         order by valid_from desc, id desc limit 1
                        """)
                .param("a", agreementId)
                .query(CooperationPlans::contact)
                .optional();
    }

    private static Contact contact(ResultSet rs, int row) throws SQLException {
        return new Contact(
                rs.getString("name"),
                ContactRole.valueOf(rs.getString("role")),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getObject("valid_from", OffsetDateTime.class),
                rs.getString("changed_by"));
    }

    private static boolean sameContact(Contact a, Contact b) {
        return java.util.Objects.equals(a.name(), b.name())
                && a.role() == b.role()
                && java.util.Objects.equals(a.email(), b.email())
                && java.util.Objects.equals(a.phone(), b.phone());
    }

    /** What the history shows of a version. */
    private record Facts(
            LocalDate startDate,
            String scope,
            String schedule,
            String meetings,
            String communication,
            String substituteDoctor,
            String contactName,
            String contactRole,
            String contactEmail,
            String contactPhone,
            String status,
            String acceptedBy) {}

    private record ContactFacts(String contactName, String contactRole, String contactEmail, String contactPhone) {}

    private static Facts facts(CooperationPlan p) {
        return new Facts(
                p.startDate(),
                p.scope(),
                p.schedule(),
                p.meetings(),
                p.communication(),
                p.substituteDoctor(),
                p.contactName(),
                p.contactRole() == null ? null : p.contactRole().name(),
                p.contactEmail(),
                p.contactPhone(),
                p.status().name(),
                p.acceptedBy());
    }

    private static ContactFacts contactFacts(Contact c) {
        return new ContactFacts(c.name(), c.role().name(), c.email(), c.phone());
    }

    private static CooperationPlan map(ResultSet rs, int n) throws SQLException {
        String role = rs.getString("contact_role");
        long substituteId = rs.getLong("substitute_doctor_id");
        boolean hasSubstitute = !rs.wasNull();
        String acceptedBy = rs.getString("accepted_by");
        return new CooperationPlan(
                rs.getLong("agreement_id"),
                rs.getObject("start_date", LocalDate.class),
                rs.getString("scope"),
                rs.getString("schedule"),
                rs.getString("meetings"),
                rs.getString("communication"),
                rs.getString("contact_name"),
                role == null ? null : ContactRole.valueOf(role),
                rs.getString("contact_email"),
                rs.getString("contact_phone"),
                rs.getString("substitute_doctor_name"),
                hasSubstitute ? substituteId : null,
                rs.getInt("version"),
                acceptedBy == null ? CooperationPlan.Status.DRAFT : CooperationPlan.Status.ACCEPTED,
                Side.valueOf(rs.getString("drafted_side")),
                rs.getString("drafted_by"),
                rs.getObject("drafted_at", OffsetDateTime.class),
                acceptedBy,
                rs.getObject("accepted_at", OffsetDateTime.class));
    }

    private static List<Long> longs(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray())
                .map(o -> ((Number) o).longValue())
                .toList();
    }

    static LocalDate today() {
        return LocalDate.now(DANISH_TIME);
    }
}
