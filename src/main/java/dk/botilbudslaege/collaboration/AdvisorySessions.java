package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.agreement.Agreement;
import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.common.ConcurrentChangeException;
import dk.botilbudslaege.common.ConflictException;
import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.common.SaneDates;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.CurrentUsers;
import dk.botilbudslaege.web.DanishTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The doctor's advisory sessions of an agreement (issue 13 item 2):
 * <ul>
 *   <li>read by every reader of the agreement ({@link Parties#agreement}; the national viewer 403);</li>
 *   <li>logged by the doctor of the agreement only, for a day on which the approved agreement ran, not in
 *       the future; 1 to 1440 minutes of session (preparation never counts, seed 000); a general topic
 *       (from the catalogue or free) and short notes, neither with a CPR number nor a resident named;</li>
 *   <li>confirmed or questioned (with a comment) by the facility side only. The decision may be changed
 *       later (a confirmation found wrong is questioned, a question answered is confirmed): each decision is
 *       recorded in the session's history, and only the current one counts in the hours.</li>
 * </ul>
 */
@Service
public class AdvisorySessions {

    static final String ENTITY = "ADVISORY_SESSION";
    /** A day's minutes: no session is longer. */
    static final int MAX_MINUTES = 24 * 60;

    static final int TOPIC_MAX = 200;
    static final int NOTES_MAX = 2000;

    private final Parties parties;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    AdvisorySessions(Parties parties, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.parties = parties;
        this.jdbc = jdbc;
        this.events = events;
    }

    public List<AdvisorySession> list(CurrentUser user, long agreementId) {
        parties.agreement(user, agreementId);
        return jdbc.sql("select * from advisory_session where agreement_id = :a order by session_date desc, id desc")
                .param("a", agreementId)
                .query(AdvisorySessions::row)
                .list();
    }

    /** Whether the user may log sessions on the agreement (its doctor). */
    public boolean canLog(CurrentUser user, Agreement a) {
        return parties.doctorSide(user, a) && a.status().approved();
    }

    public boolean canDecide(CurrentUser user, Agreement a) {
        return parties.facilitySide(user, a);
    }

    @Transactional
    public AdvisorySession log(CurrentUser user, long agreementId, AdvisorySessionForm form) {
        Agreement a = parties.asDoctor(user, agreementId, "scope.session.log");
        if (!a.status().approved()) {
            throw new ConflictException("AGREEMENT_NOT_APPROVED", "session.agreementNotApproved");
        }
        check(a, form);
        long id = content(jdbc.sql("""
                        insert into advisory_session
                               (agreement_id, session_date, duration_minutes, kind, format, topic, notes, logged_by)
                        values (:a, :date, :minutes, :kind, :format, :topic, :notes, :by)
                        returning id
                        """), form)
                .param("a", agreementId)
                .param("by", user.username())
                .query(Long.class)
                .single();
        AdvisorySession saved = get(agreementId, id);
        events.publishEvent(new AdvisorySessionEvents.Logged(
                id, withoutFreeText(AuditTrail.diff(null, saved)), CurrentUsers.actor()));
        return saved;
    }

    @Transactional
    public AdvisorySession decide(
            CurrentUser user, long agreementId, long sessionId, AdvisorySessionDecisionForm form) {
        parties.asFacilitySide(user, agreementId, "scope.session.decide");
        AdvisorySession before = get(agreementId, sessionId);
        if (form.getVersion() != null && form.getVersion() != before.version()) {
            throw new ConcurrentChangeException(ENTITY, sessionId);
        }
        List<FieldProblem> problems = new ArrayList<>();
        AdvisorySession.Status status = form.getStatus();
        if (status == null || status == AdvisorySession.Status.LOGGED) {
            problems.add(FieldProblem.of("status", "session.status.required"));
        }
        String comment = blankToNull(form.getComment());
        if (status == AdvisorySession.Status.QUESTIONED && comment == null) {
            problems.add(FieldProblem.of("comment", "session.comment.required"));
        }
        textProblems("comment", comment, NOTES_MAX, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
        // the decision holds for the content the facility side saw only: a correction racing it bumps the
        // version, and then exactly one of the two succeeds
        int updated = jdbc.sql("""
                        update advisory_session set status = :status, comment = :comment, decided_by = :by,
                               decided_at = now(), version = version + 1
                         where id = :id and agreement_id = :a and status = :before and version = :version
                        """)
                .param("status", status.name())
                .param("comment", comment)
                .param("by", user.username())
                .param("id", sessionId)
                .param("a", agreementId)
                .param("before", before.status().name())
                .param("version", before.version())
                .update();
        if (updated == 0) {
            get(agreementId, sessionId); // withdrawn meanwhile: 404
            throw new ConcurrentChangeException(ENTITY, sessionId);
        }
        AdvisorySession after = get(agreementId, sessionId);
        Map<String, AuditTrail.Change> changes = new LinkedHashMap<>();
        changes.put("status", new AuditTrail.Change(before.status(), after.status()));
        if (!java.util.Objects.equals(before.comment(), after.comment())) {
            changes.put("comment", new AuditTrail.Change(before.comment(), after.comment()));
        }
        changes = withoutFreeText(changes);
        events.publishEvent(
                status == AdvisorySession.Status.CONFIRMED
                        ? new AdvisorySessionEvents.Confirmed(sessionId, changes, CurrentUsers.actor())
                        : new AdvisorySessionEvents.Questioned(sessionId, changes, CurrentUsers.actor()));
        return after;
    }

    /** Whether the user may correct or withdraw the sessions of the agreement (its doctor). */
    public boolean canCorrect(CurrentUser user, Agreement a) {
        return parties.doctorSide(user, a);
    }

    /**
     * The doctor corrects a session not yet confirmed (LOGGED or QUESTIONED) with the whole form again; the
     * session is LOGGED once more and the facility side decides again. A CONFIRMED session is locked: 409
     * {@code SESSION_CONFIRMED}. A session of another agreement is 404, as one that does not exist.
     */
    @Transactional
    public AdvisorySession correct(CurrentUser user, long agreementId, long sessionId, AdvisorySessionForm form) {
        Agreement a = parties.asDoctor(user, agreementId, "scope.session.correct");
        AdvisorySession before = get(agreementId, sessionId);
        if (before.status() == AdvisorySession.Status.CONFIRMED) {
            throw new ConflictException("SESSION_CONFIRMED", "session.confirmedLocked");
        }
        if (form.getVersion() != null && form.getVersion() != before.version()) {
            throw new ConcurrentChangeException(ENTITY, sessionId);
        }
        check(a, form);
        int updated = content(jdbc.sql("""
                        update advisory_session set session_date = :date, duration_minutes = :minutes, kind = :kind,
                               format = :format, topic = :topic, notes = :notes, status = 'LOGGED', comment = null,
                               decided_by = null, decided_at = null, version = version + 1
                         where id = :id and agreement_id = :a and status <> 'CONFIRMED' and version = :version
                        """), form)
                .param("id", sessionId)
                .param("a", agreementId)
                .param("version", before.version())
                .update();
        if (updated == 0) {
            // a decision or a withdrawal came first: 404 when gone, locked when confirmed, else stale
            AdvisorySession now = get(agreementId, sessionId);
            if (now.status() == AdvisorySession.Status.CONFIRMED) {
                throw new ConflictException("SESSION_CONFIRMED", "session.confirmedLocked");
            }
            throw new ConcurrentChangeException(ENTITY, sessionId);
        }
        AdvisorySession after = get(agreementId, sessionId);
        events.publishEvent(new AdvisorySessionEvents.Corrected(
                sessionId, withoutFreeText(AuditTrail.diff(before, after)), CurrentUsers.actor()));
        return after;
    }

    /**
     * The doctor withdraws a session not yet confirmed: it is deleted and no longer counts; the audit trail
     * keeps what it was. A CONFIRMED session is locked: 409 {@code SESSION_CONFIRMED}.
     */
    @Transactional
    public void withdraw(CurrentUser user, long agreementId, long sessionId) {
        parties.asDoctor(user, agreementId, "scope.session.correct");
        AdvisorySession before = get(agreementId, sessionId);
        if (before.status() == AdvisorySession.Status.CONFIRMED) {
            throw new ConflictException("SESSION_CONFIRMED", "session.confirmedLocked");
        }
        int deleted = jdbc.sql(
                        "delete from advisory_session where id = :id and agreement_id = :a and status <> 'CONFIRMED'")
                .param("id", sessionId)
                .param("a", agreementId)
                .update();
        if (deleted == 0) {
            get(agreementId, sessionId); // a simultaneous withdrawal won: 404, as when done one after the other
            throw new ConflictException("SESSION_CONFIRMED", "session.confirmedLocked");
        }
        events.publishEvent(new AdvisorySessionEvents.Withdrawn(
                sessionId, withoutFreeText(AuditTrail.diff(before, null)), CurrentUsers.actor()));
    }

    /** The free texts of a session (what the doctor or the facility side wrote): never kept in the audit trail. */
    static final java.util.Set<String> FREE_TEXTS = java.util.Set.of("topic", "notes", "comment");

    /** What the audit trail keeps of a text: only that there was one. */
    static final String TEXT_MARK = "(tekst)";

    /**
     * The changes as the audit trail keeps them: a free text only as {@link #TEXT_MARK} (or null when there was
     * none), so a text that had to be removed (a name, a CPR number) is gone with the correction or withdrawal.
     */
    static Map<String, AuditTrail.Change> withoutFreeText(Map<String, AuditTrail.Change> changes) {
        Map<String, AuditTrail.Change> kept = new LinkedHashMap<>();
        changes.forEach((field, change) -> kept.put(
                field,
                FREE_TEXTS.contains(field) ? new AuditTrail.Change(mark(change.from()), mark(change.to())) : change));
        return kept;
    }

    private static Object mark(Object text) {
        return text == null || text.toString().isBlank() ? null : TEXT_MARK;
    }

    /** The session of the agreement, if it still exists (the page's stale tabs and double posts). */
    java.util.Optional<AdvisorySession> find(long agreementId, long sessionId) {
        return jdbc.sql("select * from advisory_session where id = :id and agreement_id = :a")
                .param("id", sessionId)
                .param("a", agreementId)
                .query(AdvisorySessions::row)
                .optional();
    }

    AdvisorySession get(long agreementId, long sessionId) {
        return jdbc.sql("select * from advisory_session where id = :id and agreement_id = :a")
                .param("id", sessionId)
                .param("a", agreementId)
                .query(AdvisorySessions::row)
                .optional()
                .orElseThrow(() -> NotFoundException.of(ENTITY, sessionId));
    }

    /** Every bad field of the form at once, each with a Danish message naming it. */
    static void check(Agreement a, AdvisorySessionForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate date = form.getDate();
        LocalDate today = LocalDate.now(DanishTime.DENMARK);
        if (date == null) {
            problems.add(FieldProblem.of("date", "session.date.required"));
        } else if (!SaneDates.contains(date)) {
            problems.add(SaneDates.problem("date", date));
        } else if (date.isAfter(today)) {
            problems.add(FieldProblem.of("date", "session.date.future"));
        } else if (date.isBefore(a.startDate())) {
            problems.add(FieldProblem.of(
                    "date", "session.date.beforeStart", dk.botilbudslaege.common.PageDates.inMessage(a.startDate())));
        } else if (a.endDate() != null && date.isAfter(a.endDate())) {
            problems.add(FieldProblem.of(
                    "date", "session.date.afterEnd", dk.botilbudslaege.common.PageDates.inMessage(a.endDate())));
        }
        Integer minutes = form.getDurationMinutes();
        if (minutes == null) {
            problems.add(FieldProblem.of("durationMinutes", "session.minutes.required"));
        } else if (minutes < 1) {
            problems.add(FieldProblem.of("durationMinutes", "session.minutes.positive"));
        } else if (minutes > MAX_MINUTES) {
            problems.add(FieldProblem.of("durationMinutes", "session.minutes.max", String.valueOf(MAX_MINUTES)));
        }
        if (form.getKind() == null) {
            problems.add(FieldProblem.of("kind", "session.kind.required"));
        }
        if (form.getFormat() == null) {
            problems.add(FieldProblem.of("format", "session.format.required"));
        }
        if (blankToNull(form.getTopic()) == null) {
            problems.add(FieldProblem.of("topic", "session.topic.required"));
        }
        textProblems("topic", form.getTopic(), TOPIC_MAX, problems);
        textProblems("notes", form.getNotes(), NOTES_MAX, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
    }

    private static void textProblems(String field, String text, int max, List<FieldProblem> problems) {
        if (text == null) {
            return;
        }
        if (text.length() > max) {
            problems.add(FieldProblem.of(field, "validation.size.max.n", max));
        }
        String problem = AdvisorySessionText.problem(text);
        if (problem != null) {
            problems.add(FieldProblem.of(field, problem));
        }
    }

    /** The form's content as a statement's parameters: date, minutes, kind, format, topic and notes. */
    private static JdbcClient.StatementSpec content(JdbcClient.StatementSpec statement, AdvisorySessionForm form) {
        return statement
                .param("date", form.getDate())
                .param("minutes", form.getDurationMinutes())
                .param("kind", form.getKind().name())
                .param("format", form.getFormat().name())
                .param("topic", form.getTopic().strip())
                .param("notes", blankToNull(form.getNotes()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static AdvisorySession row(ResultSet rs, int n) throws SQLException {
        return new AdvisorySession(
                rs.getLong("id"),
                rs.getLong("agreement_id"),
                rs.getObject("session_date", LocalDate.class),
                rs.getInt("duration_minutes"),
                AdvisorySession.Kind.valueOf(rs.getString("kind")),
                AdvisorySession.Format.valueOf(rs.getString("format")),
                rs.getString("topic"),
                rs.getString("notes"),
                AdvisorySession.Status.valueOf(rs.getString("status")),
                rs.getString("comment"),
                rs.getString("logged_by"),
                rs.getObject("logged_at", OffsetDateTime.class),
                rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class),
                rs.getInt("version"));
    }
}
