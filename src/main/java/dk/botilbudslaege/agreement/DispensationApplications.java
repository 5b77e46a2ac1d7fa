package dk.botilbudslaege.agreement;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.common.ConflictException;
import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.CurrentUsers;
import dk.botilbudslaege.security.Role;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications for dispensations (SPEC §3; seed 004 § 65 stk. 2; issue 11 item 12).
 * <ul>
 *   <li>Apply: a municipality, for facilities it files for and a doctor of its region; a doctor, for
 *       itself and facilities of its region. Others 403.</li>
 *   <li>Read: the applying municipality, the doctor concerned, the region of the doctor's practice;
 *       out of scope reads as 404, a role without applications (facility, national, admin) 403.</li>
 *   <li>Decide: the region of the doctor's practice grants (which creates the dispensation through
 *       {@link Dispensations#grant}) or refuses with a reason; deciding twice answers 409.</li>
 * </ul>
 */
@Service
public class DispensationApplications {

    static final String ENTITY = "DISPENSATION_APPLICATION";
    static final int MAX_REASON = 2000;
    static final BigDecimal MIN_HOURS = new BigDecimal("0.5");
    static final BigDecimal MAX_HOURS = new BigDecimal("20");
    private static final DateTimeFormatter DAY = dk.botilbudslaege.common.DanishFormats.DATE;

    private static final String SELECT = """
            select x.*, d.name as doctor_name, r.region_code,
                   array(select f.name from registry_facility f where f.id = any(x.facility_ids)
                          order by array_position(x.facility_ids, f.id)) as facility_names
              from dispensation_application x
              join registry_doctor d on d.id = x.doctor_id
              join registry_practice p on p.id = d.practice_id
              join current_municipality_region r on r.municipality_code = p.municipality_code
            """;

    private final JdbcClient jdbc;
    private final AgreementRepository agreements;
    private final Dispensations dispensations;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    DispensationApplications(
            JdbcClient jdbc,
            AgreementRepository agreements,
            Dispensations dispensations,
            AuditTrail audit,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.agreements = agreements;
        this.dispensations = dispensations;
        this.audit = audit;
        this.events = events;
    }

    public static boolean canApply(CurrentUser user) {
        return user.is(Role.MUNICIPALITY) || user.is(Role.DOCTOR);
    }

    public static boolean canDecide(CurrentUser user, DispensationApplication application) {
        return user.is(Role.REGION) && user.inRegion(application.regionCode()) && application.pending();
    }

    /** The applications in the caller's scope, pending first, newest first; {@code status} optional. */
    @Transactional(readOnly = true)
    public List<DispensationApplication> list(CurrentUser user, DispensationApplication.Status status) {
        String scope = switch (user.role()) {
            case REGION -> "r.region_code = :scope";
            case MUNICIPALITY -> "x.municipality_code = :scope";
            case DOCTOR -> "x.doctor_id = :scope";
            default -> throw new ForbiddenException("scope.dispensationApplication.read");
        };
        Object value = switch (user.role()) {
            case REGION -> user.regionCode();
            case MUNICIPALITY -> user.municipalityCode();
            default -> user.doctorId() == null ? -1L : user.doctorId();
        };
        return jdbc.sql(SELECT + " where " + scope + (status == null ? "" : " and x.status = :status")
                        + " order by (x.status = 'PENDING') desc, x.applied_at desc, x.id desc")
                .param("scope", value)
                .params(status == null ? Map.of() : Map.of("status", status.name()))
                .query(DispensationApplications::map)
                .list();
    }

    @Transactional(readOnly = true)
    public DispensationApplication get(CurrentUser user, long id) {
        return visible(user, find(id, false), id);
    }

    @Transactional
    public DispensationApplication apply(CurrentUser user, DispensationApplicationForm form) {
        if (!canApply(user)) {
            throw new ForbiddenException("scope.dispensationApplication.apply");
        }
        Long doctorId = form.getDoctorId() == null && user.is(Role.DOCTOR) ? user.doctorId() : form.getDoctorId();
        if (user.is(Role.DOCTOR) && doctorId != null && !doctorId.equals(user.doctorId())) {
            throw new ForbiddenException("scope.dispensationApplication.ownOnly");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (form.getKind() == null) {
            problems.add(FieldProblem.of("kind", "dispensationApplication.kind.required"));
        }
        if (doctorId == null) {
            problems.add(FieldProblem.of("doctorId", "dispensationApplication.doctorId.required"));
        } else if (agreements
                .doctor(doctorId)
                .filter(d -> user.inRegion(d.regionCode()))
                .isEmpty()) {
            // a doctor of another region reads as unknown: the caller cannot see it
            problems.add(
                    FieldProblem.of("doctorId", "dispensationApplication.doctorId.unknown", String.valueOf(doctorId)));
        }
        List<Long> facilityIds = facilityIds(user, form.getFacilityIds(), problems);
        BigDecimal hours = form.getHours();
        if (form.getKind() == DispensationKind.HOURS) {
            if (hours == null) {
                problems.add(FieldProblem.of("hours", "dispensationApplication.hours.required"));
            } else if (hours.compareTo(MIN_HOURS) < 0 || hours.compareTo(MAX_HOURS) > 0) {
                problems.add(FieldProblem.of("hours", "dispensation.monthlyHours.range"));
            } else if (!Dispensations.oneDecimal(hours)) {
                problems.add(FieldProblem.of("hours", "dispensation.monthlyHours.oneDecimal"));
            }
        } else if (hours != null && form.getKind() != null) {
            problems.add(FieldProblem.of("hours", "dispensationApplication.hours.onlyForHours"));
        }
        String reason = form.getReason() == null ? "" : form.getReason().trim();
        if (reason.isEmpty()) {
            problems.add(FieldProblem.of("reason", "dispensationApplication.reason.required"));
        } else if (reason.length() > MAX_REASON) {
            problems.add(FieldProblem.of("reason", "validation.size.max.n", MAX_REASON));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
        long id = jdbc.sql("""
                        insert into dispensation_application (kind, doctor_id, facility_ids, hours, reason,
                                                              applicant_role, municipality_code, applied_by)
                        values (:kind, :doctor, :facilities, :hours, :reason, :role, :municipality, :by)
                        returning id
                        """)
                .param("kind", form.getKind().name())
                .param("doctor", doctorId)
                .param("facilities", facilityIds.toArray(new Long[0]))
                .param("hours", form.getKind() == DispensationKind.HOURS ? hours : null)
                .param("reason", reason)
                .param("role", user.role().name())
                .param("municipality", user.is(Role.MUNICIPALITY) ? user.municipalityCode() : null)
                .param("by", user.username())
                .query(Long.class)
                .single();
        Map<String, AuditTrail.Change> changes = new LinkedHashMap<>();
        changes.put("kind", new AuditTrail.Change(null, form.getKind().name()));
        changes.put("doctorId", new AuditTrail.Change(null, doctorId));
        changes.put("facilityIds", new AuditTrail.Change(null, facilityIds.toString()));
        if (form.getKind() == DispensationKind.HOURS) {
            changes.put("hours", new AuditTrail.Change(null, hours.toPlainString()));
        }
        changes.put("reason", new AuditTrail.Change(null, reason));
        events.publishEvent(new AgreementEvents.DispensationApplied(id, changes, CurrentUsers.actor()));
        return find(id, false).orElseThrow();
    }

    /** Grants a pending application: the dispensation is created as {@link Dispensations#grant} makes it. */
    @Transactional
    public DispensationApplication grant(CurrentUser user, long id, DispensationDecisionForm decision) {
        DispensationApplication application = pendingForDecision(user, id);
        DispensationForm form = dispensationOf(application, decision);
        List<FieldProblem> problems = new ArrayList<>();
        if (form.getMaxFacilities() != null && (form.getMaxFacilities() < 2 || form.getMaxFacilities() > 20)) {
            problems.add(FieldProblem.of("maxFacilities", "dispensationApplication.maxFacilities.range"));
        }
        if (form.getMonthlyHours() != null
                && (form.getMonthlyHours().compareTo(MIN_HOURS) < 0
                        || form.getMonthlyHours().compareTo(MAX_HOURS) > 0)) {
            problems.add(FieldProblem.of("monthlyHours", "dispensation.monthlyHours.range"));
        }
        if (form.getValidTo() != null && form.getValidTo().isBefore(form.getValidFrom())) {
            problems.add(FieldProblem.of("validTo", "dispensation.validTo.beforeFrom"));
        }
        String why = reasonOf(decision, problems, false);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
        Dispensation granted = dispensations.grant(user, form);
        decide(id, DispensationApplication.Status.GRANTED, user.username(), why, granted.id());
        events.publishEvent(new AgreementEvents.DispensationApplicationGranted(
                id,
                Map.of(
                        "status",
                        new AuditTrail.Change("PENDING", "GRANTED"),
                        "dispensationId",
                        new AuditTrail.Change(null, granted.id())),
                CurrentUsers.actor()));
        return find(id, false).orElseThrow();
    }

    /** Refuses a pending application with a reason the applicant reads. */
    @Transactional
    public DispensationApplication refuse(CurrentUser user, long id, String reason) {
        pendingForDecision(user, id);
        DispensationDecisionForm decision = new DispensationDecisionForm();
        decision.setReason(reason);
        List<FieldProblem> problems = new ArrayList<>();
        String why = reasonOf(decision, problems, true);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
        decide(id, DispensationApplication.Status.REFUSED, user.username(), why, null);
        events.publishEvent(new AgreementEvents.DispensationApplicationRefused(
                id,
                Map.of(
                        "status",
                        new AuditTrail.Change("PENDING", "REFUSED"),
                        "reason",
                        new AuditTrail.Change(null, why)),
                CurrentUsers.actor()));
        return find(id, false).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<AuditTrail.AuditEvent> history(CurrentUser user, long id) {
        get(user, id);
        return audit.history(ENTITY, id);
    }

    /**
     * The dispensation a grant with this decision creates: from the decision's date (default today),
     * to its end date (default open-ended), for the facilities or hours applied for unless the region
     * says otherwise. MULTIPLE_FACILITIES allows the facilities applied for beside the roles the doctor
     * holds today, at least 2 and at most 20.
     */
    DispensationForm dispensationOf(DispensationApplication application, DispensationDecisionForm decision) {
        DispensationForm form = new DispensationForm();
        form.setDoctorId(application.doctorId());
        form.setKind(application.kind());
        form.setValidFrom(decision.getValidFrom() == null ? LocalDate.now() : decision.getValidFrom());
        form.setValidTo(decision.getValidTo());
        if (application.kind() == DispensationKind.MULTIPLE_FACILITIES) {
            form.setMaxFacilities(
                    decision.getMaxFacilities() != null
                            ? decision.getMaxFacilities()
                            : Math.min(
                                    20,
                                    Math.max(
                                            2,
                                            application.facilityIds().size()
                                                    + otherRolesToday(
                                                            application.doctorId(), application.facilityIds()))));
        }
        if (application.kind() == DispensationKind.HOURS) {
            form.setMonthlyHours(decision.getMonthlyHours() != null ? decision.getMonthlyHours() : application.hours());
        }
        form.setReason("Ansøgning nr. " + application.id() + ": " + application.reason());
        return form;
    }

    /** What the dispensation a grant creates allows, in words: a message key and its arguments. */
    public ChangeText allows(DispensationApplication application, DispensationDecisionForm decision) {
        DispensationForm form = dispensationOf(application, decision);
        String from = form.getValidFrom().format(DAY);
        String to = form.getValidTo() == null ? "" : form.getValidTo().format(DAY);
        String key = "dispensationApplication.allows." + application.kind().name()
                + (form.getValidTo() == null ? ".open" : "");
        Object limit = switch (application.kind()) {
            case MULTIPLE_FACILITIES -> String.valueOf(form.getMaxFacilities());
            case HOURS ->
                AgreementRepository.plain(form.getMonthlyHours())
                        .toPlainString()
                        .replace('.', ',');
            case NURSING_HOME_AND_FACILITY -> "";
        };
        return new ChangeText(key, List.of(application.doctorName(), limit, from, to));
    }

    /** A message key with its arguments. */
    public record ChangeText(String messageKey, List<Object> args) {}

    /** A facility the caller may name in an application. */
    public record FacilityOption(long id, String name, String municipalityName) {}

    /** The facilities the caller may apply for: a municipality its own (not regional), a doctor its region's. */
    @Transactional(readOnly = true)
    public List<FacilityOption> facilityOptions(CurrentUser user) {
        String scope = switch (user.role()) {
            case MUNICIPALITY -> "f.municipality_code = :v and f.operator <> 'REGIONAL'";
            case DOCTOR -> "r.region_code = :v";
            default -> "false";
        };
        return jdbc.sql("""
                        select f.id, f.name, m.name as municipality_name from registry_facility f
                          join registry_municipality m on m.code = f.municipality_code
                          join current_municipality_region r on r.municipality_code = f.municipality_code
                         where\s""" + scope + " order by m.name, f.name")
                .param(
                        "v",
                        user.is(Role.MUNICIPALITY)
                                ? user.municipalityCode()
                                : user.regionCode() == null ? "" : user.regionCode())
                .query(FacilityOption.class)
                .list();
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /** The facilities named, each existing and one the caller may apply for; unknown ones listed together. */
    private List<Long> facilityIds(CurrentUser user, List<Long> requested, List<FieldProblem> problems) {
        List<Long> ids =
                requested == null ? List.of() : requested.stream().distinct().toList();
        if (ids.isEmpty()) {
            problems.add(FieldProblem.of("facilityIds", "dispensationApplication.facilityIds.required"));
            return ids;
        }
        if (ids.contains(null)) {
            problems.add(FieldProblem.of("facilityIds", "agreement.facilityIds.unknown", "null"));
            return ids;
        }
        record Row(long id, String municipalityCode, String regionCode, String operator) {}
        List<Row> rows = jdbc.sql("""
                        select f.id, f.municipality_code, r.region_code, f.operator from registry_facility f
                          join current_municipality_region r on r.municipality_code = f.municipality_code
                         where f.id in (:ids)
                        """).param("ids", ids).query(Row.class).list();
        // the caller sees: a municipality its own facilities, a doctor those of its region
        List<Row> visible = rows.stream()
                .filter(r -> user.is(Role.MUNICIPALITY)
                        ? user.inMunicipality(r.municipalityCode())
                        : user.inRegion(r.regionCode()))
                .toList();
        if (visible.size() != ids.size()) {
            var known = visible.stream().map(Row::id).toList();
            problems.add(FieldProblem.of(
                    "facilityIds",
                    "agreement.facilityIds.unknown",
                    ids.stream()
                            .filter(id -> !known.contains(id))
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "))));
            return ids;
        }
        if (user.is(Role.MUNICIPALITY) && visible.stream().anyMatch(r -> "REGIONAL".equals(r.operator()))) {
            // a regional facility in the municipality is the region's to file for (SPEC §1)
            throw new ForbiddenException("scope.dispensationApplication.facility");
        }
        return ids;
    }

    private int otherRolesToday(long doctorId, List<Long> facilityIds) {
        return jdbc.sql("""
                        select count(*) from agreement a
                         where a.doctor_id = :d and a.status in ('ACTIVE', 'NOTICE_GIVEN')
                           and (a.end_date is null or a.end_date >= current_date)
                           and coalesce(a.facility_id, -1) not in (:ids)
                        """)
                .param("d", doctorId)
                .param("ids", facilityIds)
                .query(Integer.class)
                .single();
    }

    private static String reasonOf(DispensationDecisionForm decision, List<FieldProblem> problems, boolean required) {
        String why = decision.getReason() == null ? "" : decision.getReason().trim();
        if (required && why.isEmpty()) {
            problems.add(FieldProblem.of("reason", "dispensationApplication.refuseReason.required"));
        } else if (why.length() > MAX_REASON) {
            problems.add(FieldProblem.of("reason", "validation.size.max.n", MAX_REASON));
        }
        return why.isEmpty() ? null : why;
    }

    private DispensationApplication pendingForDecision(CurrentUser user, long id) {
        if (!user.is(Role.REGION)) {
            throw new ForbiddenException("scope.dispensationApplication.decide");
        }
        DispensationApplication application = visible(user, find(id, true), id);
        if (!application.pending()) {
            throw new ConflictException("APPLICATION_DECIDED", "dispensationApplication.decided");
        }
        return application;
    }

    private void decide(long id, DispensationApplication.Status status, String by, String reason, Long dispensationId) {
        jdbc.sql("""
                        update dispensation_application
                           set status = :status, decided_by = :by, decided_at = now(), decision_reason = :reason,
                               dispensation_id = :dispensation
                         where id = :id and status = 'PENDING'
                        """)
                .param("status", status.name())
                .param("by", by)
                .param("reason", reason)
                .param("dispensation", dispensationId)
                .param("id", id)
                .update();
    }

    private Optional<DispensationApplication> find(long id, boolean forUpdate) {
        if (forUpdate) {
            jdbc.sql("select id from dispensation_application where id = :id for update")
                    .param("id", id)
                    .query(Long.class)
                    .list();
        }
        return jdbc.sql(SELECT + " where x.id = :id")
                .param("id", id)
                .query(DispensationApplications::map)
                .optional();
    }

    /** The application if the caller's scope holds it; out of scope reads as 404, a role without applications 403. */
    private static DispensationApplication visible(CurrentUser user, Optional<DispensationApplication> found, long id) {
        if (!user.is(Role.REGION) && !user.is(Role.MUNICIPALITY) && !user.is(Role.DOCTOR)) {
            throw new ForbiddenException("scope.dispensationApplication.read");
        }
        return found.filter(a -> switch (user.role()) {
                    case REGION -> user.inRegion(a.regionCode());
                    case MUNICIPALITY -> user.inMunicipality(a.municipalityCode());
                    default -> user.doctorId() != null && user.doctorId() == a.doctorId();
                })
                .orElseThrow(() -> NotFoundException.of(ENTITY, id));
    }

    private static DispensationApplication map(ResultSet rs, int row) throws SQLException {
        String[] names = (String[]) rs.getArray("facility_names").getArray();
        return new DispensationApplication(
                rs.getLong("id"),
                DispensationApplication.Status.valueOf(rs.getString("status")),
                DispensationKind.valueOf(rs.getString("kind")),
                rs.getLong("doctor_id"),
                rs.getString("doctor_name"),
                AgreementRepository.longs(rs.getArray("facility_ids")),
                List.of(names),
                AgreementRepository.plain(rs.getBigDecimal("hours")),
                rs.getString("reason"),
                rs.getString("applicant_role"),
                rs.getString("municipality_code"),
                rs.getString("applied_by"),
                rs.getObject("applied_at", OffsetDateTime.class),
                rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class),
                rs.getString("decision_reason"),
                (Long) rs.getObject("dispensation_id"),
                rs.getString("region_code"));
    }
}
