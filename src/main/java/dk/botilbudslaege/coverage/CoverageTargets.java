package dk.botilbudslaege.coverage;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.CurrentUsers;
import dk.botilbudslaege.security.Role;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * C3: the coverage targets, a dated setting kept by the administrator (seed 004: at least 250 facilities
 * by 31-12-2025, every municipality with in-scope facilities at least one; later targets follow). Rows
 * are only added; a newer row for the same date replaces the older one, which stays in the history.
 * Coverage on a date is measured against the target due next on or after it, or the last one when all
 * have passed.
 */
@Service
public class CoverageTargets {

    static final String ENTITY = "COVERAGE_TARGET";
    public static final int MAX_FACILITIES = 10_000;
    public static final int YEARS_AHEAD = 30;
    public static final int NOTE_MAX = 500;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    CoverageTargets(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * One target: {@code facilities} covered nationally by {@code targetDate}, and, when
     * {@code everyMunicipality}, at least one in each municipality with in-scope facilities.
     *
     * @param replaced a newer row for the same date counts instead
     */
    public record Target(
            long id,
            LocalDate targetDate,
            int facilities,
            boolean everyMunicipality,
            String note,
            String createdBy,
            OffsetDateTime createdAt,
            boolean replaced) {}

    @Transactional(readOnly = true)
    public List<Target> history() {
        return jdbc.sql(SELECT + " order by t.target_date, t.id")
                .query(Target.class)
                .list();
    }

    /** The target that counts on {@code day}: the next one due on or after it, else the last one. */
    @Transactional(readOnly = true)
    public Target on(LocalDate day) {
        return history().stream()
                .filter(t -> !t.replaced())
                .filter(t -> !t.targetDate().isBefore(day))
                .findFirst()
                .orElseGet(() -> history().stream()
                        .filter(t -> !t.replaced())
                        .reduce((a, b) -> b)
                        .orElseThrow());
    }

    @Transactional
    public Target add(
            CurrentUser user, LocalDate targetDate, Integer facilities, Boolean everyMunicipality, String note) {
        if (!user.is(Role.ADMIN)) {
            throw new ForbiddenException("scope.admin.only");
        }
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = Coverage.today();
        if (targetDate == null) {
            problems.add(FieldProblem.of("targetDate", "coverageTarget.targetDate.required"));
        } else if (targetDate.isBefore(today) || targetDate.isAfter(today.plusYears(YEARS_AHEAD))) {
            problems.add(FieldProblem.of("targetDate", "coverageTarget.targetDate.range", YEARS_AHEAD));
        }
        if (facilities == null || facilities < 1 || facilities > MAX_FACILITIES) {
            problems.add(FieldProblem.of("facilities", "coverageTarget.facilities.invalid", MAX_FACILITIES));
        }
        String text = note == null ? "" : note.strip();
        if (text.length() > NOTE_MAX || !plain(text)) {
            problems.add(FieldProblem.of("note", "settings.note.invalid", NOTE_MAX));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
        boolean every = everyMunicipality == null || everyMunicipality;
        long id = jdbc.sql("""
                        insert into coverage_target (target_date, facilities, every_municipality, note, created_by)
                        values (:d, :n, :every, :note, :by) returning id
                        """)
                .param("d", targetDate)
                .param("n", facilities)
                .param("every", every)
                .param("note", text)
                .param("by", user.username())
                .query(Long.class)
                .single();
        events.publishEvent(new CoverageEvents.TargetSet(
                targetDate,
                Map.of(
                        "facilities",
                        new AuditTrail.Change(null, facilities),
                        "everyMunicipality",
                        new AuditTrail.Change(null, every),
                        "note",
                        new AuditTrail.Change(null, text)),
                CurrentUsers.actor()));
        return history().stream().filter(t -> t.id() == id).findFirst().orElseThrow();
    }

    private static final String SELECT = """
            select t.id, t.target_date, t.facilities, t.every_municipality, t.note, t.created_by, t.created_at,
                   exists (select 1 from coverage_target n where n.target_date = t.target_date and n.id > t.id) as replaced
              from coverage_target t
            """;

    /** No control characters, no U+007F, no invisible format characters, no lone surrogates. */
    static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            if (c < 0x20
                    || c == 0x7F
                    || type == Character.FORMAT
                    || type == Character.SURROGATE
                            && !(Character.isHighSurrogate(c)
                                    && i + 1 < text.length()
                                    && Character.isLowSurrogate(text.charAt(++i)))) {
                return false;
            }
        }
        return true;
    }
}
