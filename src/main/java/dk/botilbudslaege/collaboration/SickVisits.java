package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.common.ConcurrentChangeException;
import dk.botilbudslaege.common.ConflictException;
import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.common.ResidentPrivacy;
import dk.botilbudslaege.common.SaneDates;
import dk.botilbudslaege.registry.Facility;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.CurrentUsers;
import dk.botilbudslaege.security.Role;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sick-visit requests (issue 13 item 4; SPEC §7; seeds 003, 004).
 * <ul>
 *   <li>Ask: the facility side ({@link Parties#facilitySide}) of a facility whose agreement runs on the
 *       wanted day; the request goes to that agreement's doctor. Without one: 422 {@code NO_FIXED_DOCTOR}.</li>
 *   <li>Read: the facility side and the doctor asked read everything; the region and a municipality reading
 *       a facility it is not the side of read the count, the window and the status, not the references or
 *       the note (they point at residents); the national viewer and the administrator 403.</li>
 *   <li>Answer: only the doctor asked moves the status on, REQUESTED → ACKNOWLEDGED → DONE, one step at a
 *       time; anything else 409 {@code SICK_VISIT_STATUS_ORDER}.</li>
 * </ul>
 * {@link SickVisitRules} holds the rules; {@link SickVisitDeletion} deletes requests 90 days after the visit.
 */
@Service
public class SickVisits {

    static final String ENTITY = "SICK_VISIT";
    static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");
    static final int MAX_REFERENCE = 40;
    static final int MAX_NOTE = 500;

    private static final String SELECT = """
            select v.*, f.name as facility_name, a.doctor_name
              from sick_visit v
              join registry_facility f on f.id = v.facility_id
              left join agreement_overview a on a.id = v.agreement_id
            """;

    private final JdbcClient jdbc;
    private final Parties parties;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    SickVisits(JdbcClient jdbc, Parties parties, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.parties = parties;
        this.events = events;
    }

    /** The facility's requests as this user may read them, the next visit first. */
    @Transactional(readOnly = true)
    public List<SickVisit> list(CurrentUser user, long facilityId) {
        Facility facility = parties.facility(user, facilityId);
        List<SickVisit> all = jdbc.sql(SELECT + " where v.facility_id = :f order by v.wanted_from desc, v.id desc")
                .param("f", facilityId)
                .query(SickVisits::map)
                .list();
        if (parties.facilitySide(user, facility)) {
            return all;
        }
        return switch (user.role()) {
            case DOCTOR -> {
                List<SickVisit> own = all.stream()
                        .filter(v -> user.doctorId() != null && v.doctorId() == user.doctorId())
                        .toList();
                if (own.isEmpty() && !isFixedDoctor(user, facilityId)) {
                    throw new ForbiddenException("scope.sickVisit.read");
                }
                yield own;
            }
            case REGION, MUNICIPALITY ->
                all.stream().map(SickVisit::withoutReferences).toList();
            default -> throw new ForbiddenException("scope.sickVisit.read");
        };
    }

    /** Whether the user acts for the facility's side and may ask for visits (the page shows the form). */
    public boolean canRequest(CurrentUser user, long facilityId) {
        return !user.national() && parties.facilitySide(user, parties.facility(user, facilityId));
    }

    /** The doctor of the agreement running today, by name, or empty: whom a request would go to. */
    @Transactional(readOnly = true)
    public Optional<String> fixedDoctorToday(long facilityId) {
        return parties.runningAgreementOf(facilityId, LocalDate.now(clock.withZone(DENMARK)))
                .flatMap(id -> jdbc.sql("select doctor_name from agreement_overview where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .optional());
    }

    /** The doctor's requests not yet done, across its facilities, the soonest first. */
    @Transactional(readOnly = true)
    public List<SickVisit> openForDoctor(CurrentUser user) {
        if (!user.is(Role.DOCTOR) || user.doctorId() == null) {
            throw new ForbiddenException("scope.sickVisit.doctorOnly");
        }
        return jdbc.sql(SELECT + " where v.doctor_id = :d and v.status <> 'DONE' order by v.wanted_from, v.id")
                .param("d", user.doctorId())
                .query(SickVisits::map)
                .list();
    }

    @Transactional
    public SickVisit request(CurrentUser user, long facilityId, SickVisitForm form) {
        Facility facility = parties.asFacilitySideOf(user, facilityId, "scope.sickVisit.request");
        Instant now = clock.instant();
        List<String> references = new ArrayList<>();
        List<FieldProblem> problems = check(form, facility, now, references);
        String note = form.getNote() == null || form.getNote().isBlank()
                ? null
                : form.getNote().trim();
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
        long agreementId = parties.runningAgreementOf(
                        facilityId, form.getWantedFrom().toLocalDate())
                .orElseThrow(() -> new InvalidInputException(
                        "NO_FIXED_DOCTOR", List.of(FieldProblem.of("wantedFrom", "sickVisit.noFixedDoctor"))));
        long doctorId = jdbc.sql("select doctor_id from agreement_overview where id = :id")
                .param("id", agreementId)
                .query(Long.class)
                .single();
        Instant from = form.getWantedFrom().atZone(DENMARK).toInstant();
        Instant to = form.getWantedTo().atZone(DENMARK).toInstant();
        boolean shortNotice = SickVisitRules.shortNotice(now, from);
        long id = jdbc.sql("""
                        insert into sick_visit (facility_id, agreement_id, doctor_id, wanted_from, wanted_to,
                                                residents, refs, note, short_notice, requested_at, requested_by)
                        values (:f, :a, :d, :from, :to, :residents, :refs, :note, :short, :now, :by)
                        returning id
                        """)
                .param("f", facilityId)
                .param("a", agreementId)
                .param("d", doctorId)
                .param("from", OffsetDateTime.ofInstant(from, DENMARK))
                .param("to", OffsetDateTime.ofInstant(to, DENMARK))
                .param("residents", form.getResidents())
                .param("refs", references.toArray(new String[0]))
                .param("note", note)
                .param("short", shortNotice)
                .param("now", OffsetDateTime.ofInstant(now, DENMARK))
                .param("by", user.username())
                .query(Long.class)
                .single();
        // the audit trail keeps the window, the count and the flag; never the references or the note
        Map<String, AuditTrail.Change> changes = new LinkedHashMap<>();
        changes.put("facilityId", new AuditTrail.Change(null, facilityId));
        changes.put(
                "wantedFrom", new AuditTrail.Change(null, form.getWantedFrom().toString()));
        changes.put("wantedTo", new AuditTrail.Change(null, form.getWantedTo().toString()));
        changes.put("residents", new AuditTrail.Change(null, form.getResidents()));
        changes.put("shortNotice", new AuditTrail.Change(null, shortNotice));
        events.publishEvent(new SickVisitEvents.SickVisitRequested(id, changes, CurrentUsers.actor()));
        return find(id).orElseThrow();
    }

    /** The doctor asked moves the request one step on: REQUESTED → ACKNOWLEDGED → DONE. */
    @Transactional
    public SickVisit advance(CurrentUser user, long facilityId, long visitId, SickVisitStatus to) {
        Optional<SickVisit> found = find(visitId).filter(v -> v.facilityId() == facilityId);
        // a doctor learns nothing of another doctor's requests: not theirs is the same 404 as none at all
        if (user.is(Role.DOCTOR)
                && found.filter(v -> user.doctorId() != null && v.doctorId() == user.doctorId())
                        .isEmpty()) {
            throw NotFoundException.of(ENTITY, visitId);
        }
        parties.facility(user, facilityId);
        SickVisit visit = found.orElseThrow(() -> NotFoundException.of(ENTITY, visitId));
        if (!user.is(Role.DOCTOR) || user.doctorId() == null || user.doctorId() != visit.doctorId()) {
            throw new ForbiddenException("scope.sickVisit.doctorOnly");
        }
        if (to == null) {
            throw InvalidInputException.of(FieldProblem.of("status", "sickVisit.status.required"));
        }
        if (!visit.status().next().equals(Optional.of(to))) {
            throw new ConflictException("SICK_VISIT_STATUS_ORDER", "sickVisit.status.order");
        }
        String stamped = to == SickVisitStatus.DONE ? "done_at" : "acknowledged_at";
        int updated = jdbc.sql("update sick_visit set status = :to, " + stamped + " = :now"
                        + " where id = :id and status = :from")
                .param("to", to.name())
                .param("now", OffsetDateTime.ofInstant(clock.instant(), DENMARK))
                .param("id", visitId)
                .param("from", visit.status().name())
                .update();
        if (updated == 0) {
            throw new ConcurrentChangeException(ENTITY, visitId);
        }
        Map<String, AuditTrail.Change> changes =
                Map.of("status", new AuditTrail.Change(visit.status().name(), to.name()));
        events.publishEvent(
                to == SickVisitStatus.DONE
                        ? new SickVisitEvents.SickVisitDone(visitId, changes, CurrentUsers.actor())
                        : new SickVisitEvents.SickVisitAcknowledged(visitId, changes, CurrentUsers.actor()));
        return find(visitId).orElseThrow();
    }

    /**
     * The facility side withdraws its request while the doctor has not made the visit (REQUESTED or
     * ACKNOWLEDGED): the request is deleted at once with its references and note; the audit trail records
     * the withdrawal with the window, the count and the status, never the references. DONE: 409
     * {@code SICK_VISIT_DONE}.
     */
    @Transactional
    public void withdraw(CurrentUser user, long facilityId, long visitId) {
        parties.asFacilitySideOf(user, facilityId, "scope.sickVisit.withdraw");
        SickVisit visit = find(visitId)
                .filter(v -> v.facilityId() == facilityId)
                .orElseThrow(() -> NotFoundException.of(ENTITY, visitId));
        if (visit.status() == SickVisitStatus.DONE) {
            throw new ConflictException("SICK_VISIT_DONE", "sickVisit.withdraw.done");
        }
        int deleted = jdbc.sql("delete from sick_visit where id = :id and facility_id = :f and status <> 'DONE'")
                .param("id", visitId)
                .param("f", facilityId)
                .update();
        if (deleted == 0) {
            // a simultaneous withdrawal won: 404, as when done one after the other; else it was done meanwhile
            find(visitId)
                    .filter(v -> v.facilityId() == facilityId)
                    .orElseThrow(() -> NotFoundException.of(ENTITY, visitId));
            throw new ConflictException("SICK_VISIT_DONE", "sickVisit.withdraw.done");
        }
        Map<String, AuditTrail.Change> changes = new LinkedHashMap<>();
        changes.put("status", new AuditTrail.Change(visit.status().name(), null));
        changes.put("wantedFrom", new AuditTrail.Change(visit.wantedFrom().toString(), null));
        changes.put("wantedTo", new AuditTrail.Change(visit.wantedTo().toString(), null));
        changes.put("residents", new AuditTrail.Change(visit.residents(), null));
        events.publishEvent(new SickVisitEvents.SickVisitWithdrawn(visitId, changes, CurrentUsers.actor()));
    }

    /** The request's status now, if it is still there and belongs to the facility (the page's stale buttons). */
    @Transactional(readOnly = true)
    Optional<SickVisitStatus> statusOf(long facilityId, long visitId) {
        return find(visitId).filter(v -> v.facilityId() == facilityId).map(SickVisit::status);
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /** Every bad field of the request; the references, trimmed, go to {@code references}. */
    private List<FieldProblem> check(SickVisitForm form, Facility facility, Instant now, List<String> references) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDateTime from = form.getWantedFrom();
        LocalDateTime to = form.getWantedTo();
        if (from == null) {
            problems.add(FieldProblem.of("wantedFrom", "sickVisit.wantedFrom.required"));
        } else if (!SaneDates.contains(from.toLocalDate())) {
            problems.add(SaneDates.problem("wantedFrom", from.toLocalDate()));
        } else if (from.atZone(DENMARK).toInstant().isBefore(now)) {
            problems.add(FieldProblem.of("wantedFrom", "sickVisit.wantedFrom.past"));
        }
        if (to == null) {
            problems.add(FieldProblem.of("wantedTo", "sickVisit.wantedTo.required"));
        } else if (!SaneDates.contains(to.toLocalDate())) {
            problems.add(SaneDates.problem("wantedTo", to.toLocalDate()));
        } else if (from != null && !to.isAfter(from)) {
            problems.add(FieldProblem.of("wantedTo", "sickVisit.wantedTo.notAfterFrom"));
        } else if (from != null && to.isAfter(from.plus(SickVisitRules.LONGEST_WINDOW))) {
            problems.add(
                    FieldProblem.of("wantedTo", "sickVisit.wantedTo.tooLong", SickVisitRules.LONGEST_WINDOW.toDays()));
        }
        if (from != null
                && SaneDates.contains(from.toLocalDate())
                && from.atZone(DENMARK).toInstant().isAfter(now.plus(SickVisitRules.FURTHEST_AHEAD))) {
            problems.add(FieldProblem.of(
                    "wantedFrom", "sickVisit.wantedFrom.tooFar", SickVisitRules.FURTHEST_AHEAD.toDays()));
        }
        Integer residents = form.getResidents();
        if (residents == null) {
            problems.add(FieldProblem.of("residents", "sickVisit.residents.required"));
        } else if (residents < 1 || residents > facility.residents()) {
            problems.add(FieldProblem.of("residents", "sickVisit.residents.range", facility.residents()));
        }
        List<String> given = form.getReferences() == null ? List.of() : form.getReferences();
        for (String reference : given) {
            String text = reference == null ? "" : reference.trim();
            if (text.isEmpty()) {
                problems.add(FieldProblem.of("references", "sickVisit.references.blank"));
            } else if (text.length() > MAX_REFERENCE) {
                problems.add(FieldProblem.of("references", "sickVisit.references.tooLong", MAX_REFERENCE));
            } else if (SickVisitRules.looksLikeCpr(text)) {
                problems.add(FieldProblem.of("references", "sickVisit.references.cpr"));
            } else if (ResidentPrivacy.namesPerson(text)) {
                problems.add(FieldProblem.of("references", "collaboration.text.residentNamed"));
            } else {
                references.add(text);
            }
        }
        if (residents != null && residents >= 1 && given.size() > residents) {
            problems.add(FieldProblem.of("references", "sickVisit.references.tooMany", residents));
        }
        String note = form.getNote();
        if (note != null && note.trim().length() > MAX_NOTE) {
            problems.add(FieldProblem.of("note", "validation.size.max.n", MAX_NOTE));
        } else if (SickVisitRules.looksLikeCpr(note)) {
            problems.add(FieldProblem.of("note", "sickVisit.note.cpr"));
        } else if (ResidentPrivacy.namesPerson(note)) {
            problems.add(FieldProblem.of("note", "collaboration.text.residentNamed"));
        }
        return problems;
    }

    private boolean isFixedDoctor(CurrentUser user, long facilityId) {
        return parties.runningAgreementOf(facilityId, LocalDate.now(clock.withZone(DENMARK)))
                .flatMap(id -> jdbc.sql("select doctor_id from agreement_overview where id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .optional())
                .filter(d -> d.equals(user.doctorId()))
                .isPresent();
    }

    private Optional<SickVisit> find(long id) {
        return jdbc.sql(SELECT + " where v.id = :id")
                .param("id", id)
                .query(SickVisits::map)
                .optional();
    }

    private static SickVisit map(ResultSet rs, int row) throws SQLException {
        Array refs = rs.getArray("refs");
        return new SickVisit(
                rs.getLong("id"),
                rs.getLong("facility_id"),
                rs.getString("facility_name"),
                rs.getLong("agreement_id"),
                rs.getLong("doctor_id"),
                rs.getString("doctor_name"),
                local(rs, "wanted_from"),
                local(rs, "wanted_to"),
                rs.getInt("residents"),
                refs == null ? List.of() : List.of((String[]) refs.getArray()),
                rs.getString("note"),
                false,
                rs.getBoolean("short_notice"),
                SickVisitStatus.valueOf(rs.getString("status")),
                local(rs, "requested_at"),
                local(rs, "acknowledged_at"),
                local(rs, "done_at"));
    }

    private static LocalDateTime local(ResultSet rs, String column) throws SQLException {
        OffsetDateTime moment = rs.getObject(column, OffsetDateTime.class);
        return moment == null ? null : moment.atZoneSameInstant(DENMARK).toLocalDateTime();
    }
}
