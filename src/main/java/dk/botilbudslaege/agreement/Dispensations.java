package dk.botilbudslaege.agreement;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.CurrentUsers;
import dk.botilbudslaege.security.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dispensations (SPEC §3, seed 004 § 65 stk. 2): granted and ended by the region of the doctor's
 * practice, dated. They lift exactly what they say: MULTIPLE_FACILITIES up to a maximum (R1),
 * NURSING_HOME_AND_FACILITY (R2), HOURS (F2). A doctor sees their own.
 */
@Service
public class Dispensations {

    static final String ENTITY = "DISPENSATION";

    private final JdbcClient jdbc;
    private final AgreementRepository agreements;
    private final ApplicationEventPublisher events;

    Dispensations(JdbcClient jdbc, AgreementRepository agreements, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.agreements = agreements;
        this.events = events;
    }

    /** The region's dispensations (or the doctor's own), newest first; {@code doctorId} optional. */
    @Transactional(readOnly = true)
    public List<Dispensation> list(CurrentUser user, Long doctorId) {
        String scope = switch (user.role()) {
            case REGION -> "r.region_code = :scope";
            case DOCTOR -> "x.doctor_id = :scope";
            default -> throw new ForbiddenException("scope.dispensation.read");
        };
        Object scopeValue = user.is(Role.REGION) ? user.regionCode() : user.doctorId();
        return jdbc.sql("""
                        select x.* from dispensation x
                          join registry_doctor d on d.id = x.doctor_id
                          join registry_practice p on p.id = d.practice_id
                          join current_municipality_region r on r.municipality_code = p.municipality_code
                         where\s""" + scope + (doctorId == null ? "" : " and x.doctor_id = :doctor")
                        + " order by x.valid_from desc, x.id desc")
                .param("scope", scopeValue)
                .params(doctorId == null ? Map.of() : Map.of("doctor", doctorId))
                .query(AgreementRepository::mapDispensation)
                .list();
    }

    @Transactional
    public Dispensation grant(CurrentUser user, DispensationForm form) {
        AgreementAccess.requireAgreementUser(user);
        if (!user.is(Role.REGION)) {
            // only a region learns whether a doctor id exists
            throw new ForbiddenException("scope.dispensation.grant");
        }
        var doctor = agreements
                .doctor(form.getDoctorId())
                .orElseThrow(() -> InvalidInputException.of(
                        FieldProblem.of("doctorId", "agreement.doctorId.unknown", String.valueOf(form.getDoctorId()))));
        if (!user.is(Role.REGION) || !user.inRegion(doctor.regionCode())) {
            throw new ForbiddenException("scope.dispensation.grant");
        }
        validate(form);
        long id = jdbc.sql("""
                        insert into dispensation (doctor_id, kind, max_facilities, monthly_hours, valid_from, valid_to,
                                                  reason, granted_by)
                        values (:doctor, :kind, :max, :hours, :from, :to, :reason, :by) returning id
                        """)
                .param("doctor", form.getDoctorId())
                .param("kind", form.getKind().name())
                .param("max", form.getKind() == DispensationKind.MULTIPLE_FACILITIES ? form.getMaxFacilities() : null)
                .param("hours", form.getKind() == DispensationKind.HOURS ? form.getMonthlyHours() : null)
                .param("from", form.getValidFrom())
                .param("to", form.getValidTo())
                .param(
                        "reason",
                        form.getReason() == null || form.getReason().isBlank()
                                ? null
                                : form.getReason().trim())
                .param("by", user.username())
                .query(Long.class)
                .single();
        Dispensation granted = find(id);
        events.publishEvent(new AgreementEvents.DispensationGranted(
                id,
                Map.of(
                        "kind", new AuditTrail.Change(null, granted.kind().name()),
                        "doctorId", new AuditTrail.Change(null, granted.doctorId()),
                        "validFrom",
                                new AuditTrail.Change(null, granted.validFrom().toString()),
                        "validTo", new AuditTrail.Change(null, String.valueOf(granted.validTo()))),
                CurrentUsers.actor()));
        return granted;
    }

    /** Ends a dispensation on a date (its last valid day). */
    @Transactional
    public Dispensation end(CurrentUser user, long id, LocalDate validTo) {
        Dispensation current = checkEnd(user, id, validTo);
        jdbc.sql("update dispensation set valid_to = :to where id = :id")
                .param("to", validTo)
                .param("id", id)
                .update();
        events.publishEvent(new AgreementEvents.DispensationEnded(
                id,
                Map.of("validTo", new AuditTrail.Change(String.valueOf(current.validTo()), validTo.toString())),
                CurrentUsers.actor()));
        return find(id);
    }

    /** Checks that the caller may end the dispensation on that date, without ending it: the dispensation. */
    @Transactional(readOnly = true)
    public Dispensation checkEnd(CurrentUser user, long id, LocalDate validTo) {
        AgreementAccess.requireAgreementUser(user);
        Dispensation current = find(id);
        var doctor = agreements.doctor(current.doctorId()).orElseThrow();
        if (!user.is(Role.REGION) || !user.inRegion(doctor.regionCode())) {
            throw NotFoundException.of(ENTITY, id);
        }
        if (validTo == null) {
            throw InvalidInputException.of(FieldProblem.of("validTo", "dispensation.validTo.required"));
        }
        if (validTo.isBefore(current.validFrom())) {
            throw InvalidInputException.of(FieldProblem.of("validTo", "dispensation.validTo.beforeFrom"));
        }
        return current;
    }

    private Dispensation find(long id) {
        return jdbc.sql("select * from dispensation where id = :id")
                .param("id", id)
                .query(AgreementRepository::mapDispensation)
                .optional()
                .orElseThrow(() -> NotFoundException.of(ENTITY, id));
    }

    private static void validate(DispensationForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        if (form.getKind() == DispensationKind.MULTIPLE_FACILITIES && form.getMaxFacilities() == null) {
            problems.add(FieldProblem.of("maxFacilities", "dispensation.maxFacilities.required"));
        }
        if (form.getKind() == DispensationKind.HOURS && form.getMonthlyHours() == null) {
            problems.add(FieldProblem.of("monthlyHours", "dispensation.monthlyHours.required"));
        } else if (form.getMonthlyHours() != null && !oneDecimal(form.getMonthlyHours())) {
            // stored as numeric(4, 1): more decimals would be rounded silently
            problems.add(FieldProblem.of("monthlyHours", "dispensation.monthlyHours.oneDecimal"));
        }
        if (form.getValidTo() != null && form.getValidTo().isBefore(form.getValidFrom())) {
            problems.add(FieldProblem.of("validTo", "dispensation.validTo.beforeFrom"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
    }

    /** Monthly hours are given with at most one decimal (3,5), as the dispensation stores them. */
    static boolean oneDecimal(java.math.BigDecimal hours) {
        return hours.stripTrailingZeros().scale() <= 1;
    }
}
