package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.agreement.Agreement;
import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.registry.Facility;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.CurrentUsers;
import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.web.DanishTime;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents' choice (issue 13 item 5, SPEC §5 C5): each facility's monthly counts, one row per facility and
 * month, written (and replaced) by the facility side ({@link Parties#facilitySide}) and read by the region and
 * the municipality of the facility and by the doctor of the agreement that runs for it today; the national
 * viewer gets the aggregate only (on {@code /coverage/targets}).
 *
 * <p>Rules: every count a whole number from 0 to {@link #MAX}; enrolled, temporary and new residents told
 * about the choice each at most the residents (temporary residents are counted among the residents); the month
 * written {@code YYYY-MM}, from {@link #FIRST_MONTH} to the current month.
 */
@Service
@Transactional(readOnly = true)
public class ResidentCounts {

    static final String ENTITY = "RESIDENT_COUNT";
    public static final YearMonth FIRST_MONTH = YearMonth.of(2024, 1);
    static final int MAX = 10_000;
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private final Parties parties;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ResidentCounts(Parties parties, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.parties = parties;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** What the caller may fill in: the counts, newest month first. */
    public record Input(
            String month, Integer residents, Integer enrolled, Integer temporary, Integer toldAboutChoice) {}

    /** The facility's counts, newest month first, when the caller may read them. */
    public List<ResidentCount> list(CurrentUser user, long facilityId) {
        readable(user, facilityId);
        return jdbc.sql("""
                        select facility_id, month, residents, enrolled, temporary, told_about_choice
                          from resident_count where facility_id = :f order by month desc
                        """)
                .param("f", facilityId)
                .query((rs, i) -> new ResidentCount(
                        rs.getLong("facility_id"),
                        YearMonth.from(rs.getDate("month").toLocalDate()),
                        rs.getInt("residents"),
                        rs.getInt("enrolled"),
                        rs.getInt("temporary"),
                        rs.getInt("told_about_choice")))
                .list();
    }

    /** The facility as the caller may read its counts: 403 for the national viewer and a doctor not its own. */
    public Facility readable(CurrentUser user, long facilityId) {
        Facility facility = parties.facility(user, facilityId);
        if (user.is(Role.DOCTOR) && !fixedDoctorToday(user, facilityId)) {
            throw new ForbiddenException("residentCount.read.doctor");
        }
        return facility;
    }

    /** Whether the caller writes the facility's counts (its facility side). */
    public boolean writable(CurrentUser user, Facility facility) {
        return parties.facilitySide(user, facility);
    }

    /** Enters or replaces the counts of a month; audited. An unchanged PUT records nothing. */
    @Transactional
    public ResidentCount put(CurrentUser user, long facilityId, String monthText, Input input) {
        Facility facility = parties.asFacilitySideOf(user, facilityId, "residentCount.write.facilitySide");
        List<FieldProblem> problems = new ArrayList<>();
        YearMonth month = month(monthText, problems);
        if (input == null) {
            input = new Input(null, null, null, null, null);
        }
        if (month != null
                && input.month() != null
                && !input.month().isBlank()
                && !iso(input.month()).equals(month.toString())) {
            problems.add(FieldProblem.of("month", "residentCount.month.mismatch", danish(month)));
        }
        Integer residents = count("residents", input.residents(), problems);
        Integer enrolled = count("enrolled", input.enrolled(), problems);
        Integer temporary = count("temporary", input.temporary(), problems);
        Integer told = count("toldAboutChoice", input.toldAboutChoice(), problems);
        // the residents live in the facility's places, permanent and temporary (issue 13 review: 500 in 24 places)
        int room = facility.places() + facility.temporaryPlaces();
        if (residents != null && residents > room) {
            problems.add(FieldProblem.of("residents", "residentCount.residents.morePlaces", room));
        }
        // without an agreement covering the facility in the month, no resident is enrolled with a fixed doctor
        if (month != null && enrolled != null && enrolled > 0 && !coveredIn(facilityId, month)) {
            problems.add(FieldProblem.of("enrolled", "residentCount.enrolled.noAgreement", danish(month)));
            enrolled = null;
        }
        if (residents != null) {
            atMostResidents("enrolled", enrolled, residents, problems);
            atMostResidents("temporary", temporary, residents, problems);
            atMostResidents("toldAboutChoice", told, residents, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
        ResidentCount after = new ResidentCount(facilityId, month, residents, enrolled, temporary, told);
        Optional<ResidentCount> before = list(user, facilityId).stream()
                .filter(c -> c.month().equals(month))
                .findFirst();
        jdbc.sql("""
                        insert into resident_count
                            (facility_id, month, residents, enrolled, temporary, told_about_choice, updated_by)
                        values (:f, :m, :r, :e, :t, :c, :by)
                        on conflict (facility_id, month) do update
                           set residents = excluded.residents, enrolled = excluded.enrolled,
                               temporary = excluded.temporary, told_about_choice = excluded.told_about_choice,
                               updated_by = excluded.updated_by, updated_at = now()
                        """)
                .param("f", facilityId)
                .param("m", month.atDay(1))
                .param("r", residents)
                .param("e", enrolled)
                .param("t", temporary)
                .param("c", told)
                .param("by", user.username())
                .update();
        Map<String, AuditTrail.Change> changes = new LinkedHashMap<>();
        changes.put("month", new AuditTrail.Change(before.isPresent() ? month.toString() : null, month.toString()));
        Map<String, AuditTrail.Change> counted = AuditTrail.diff(before.orElse(null), after);
        counted.remove("facilityId");
        counted.remove("month");
        if (before.isPresent() && counted.isEmpty()) {
            return after;
        }
        changes.putAll(counted);
        events.publishEvent(
                before.isPresent()
                        ? new ResidentCountEvents.ResidentCountReplaced(facilityId, changes, CurrentUsers.actor())
                        : new ResidentCountEvents.ResidentCountEntered(facilityId, changes, CurrentUsers.actor()));
        return after;
    }

    /** Erases the counts of a month (a month entered by mistake); audited. 404 when the month has none. */
    @Transactional
    public void delete(CurrentUser user, long facilityId, String monthText) {
        parties.asFacilitySideOf(user, facilityId, "residentCount.write.facilitySide");
        List<FieldProblem> problems = new ArrayList<>();
        YearMonth month = month(monthText, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
        Optional<ResidentCount> before = list(user, facilityId).stream()
                .filter(c -> c.month().equals(month))
                .findFirst();
        if (before.isEmpty()) {
            throw NotFoundException.of(ENTITY, facilityId + "/" + month);
        }
        jdbc.sql("delete from resident_count where facility_id = :f and month = :m")
                .param("f", facilityId)
                .param("m", month.atDay(1))
                .update();
        Map<String, AuditTrail.Change> changes = new LinkedHashMap<>();
        changes.put("month", new AuditTrail.Change(month.toString(), null));
        Map<String, AuditTrail.Change> counted = AuditTrail.diff(before.get(), null);
        counted.remove("facilityId");
        counted.remove("month");
        changes.putAll(counted);
        events.publishEvent(new ResidentCountEvents.ResidentCountDeleted(facilityId, changes, CurrentUsers.actor()));
    }

    /** Whether an approved agreement covered the facility on some day of the month. */
    boolean coveredIn(long facilityId, YearMonth month) {
        return jdbc.sql("""
                        select exists (select 1 from agreement_overview
                                        where :f = any(facility_ids) and status in ('ACTIVE', 'NOTICE_GIVEN', 'ENDED')
                                          and start_date <= :last and (end_date is null or end_date >= :first))
                        """)
                .param("f", facilityId)
                .param("first", month.atDay(1))
                .param("last", month.atEndOfMonth())
                .query(Boolean.class)
                .single();
    }

    /** The month as people read it, in Danish: "november 2026". */
    static String danish(YearMonth month) {
        return month.format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", DANISH));
    }

    private static final java.util.Locale DANISH = java.util.Locale.forLanguageTag("da-DK");

    /** The month of a path or form, {@code YYYY-MM}, from {@link #FIRST_MONTH} to the current month. */
    static YearMonth month(String text, List<FieldProblem> problems) {
        String trimmed = iso(text);
        YearMonth month;
        try {
            if (!MONTH.matcher(trimmed).matches()) {
                throw new DateTimeParseException("not YYYY-MM", trimmed, 0);
            }
            month = YearMonth.parse(trimmed);
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of("month", "residentCount.month.format"));
            return null;
        }
        if (month.isBefore(FIRST_MONTH)) {
            problems.add(FieldProblem.of("month", "residentCount.month.tooEarly", danish(FIRST_MONTH)));
            return null;
        }
        if (month.isAfter(YearMonth.now(DanishTime.DENMARK))) {
            problems.add(FieldProblem.of("month", "residentCount.month.future"));
            return null;
        }
        return month;
    }

    /**
     * A month as written, {@code YYYY-MM}: "2026-11" as it is, and "11-2026" (also "11/2026", "11.2026", as Danes
     * write it) turned round; anything else as it is (and then refused by {@link #month}).
     */
    static String iso(String text) {
        String trimmed = text == null ? "" : text.trim();
        var danish = DANISH_MONTH.matcher(trimmed);
        if (danish.matches()) {
            String mm = danish.group(1).length() == 1 ? "0" + danish.group(1) : danish.group(1);
            return danish.group(2) + "-" + mm;
        }
        return trimmed;
    }

    private static final Pattern DANISH_MONTH = Pattern.compile("(\\d{1,2})[-/.](\\d{4})");

    private static Integer count(String field, Integer value, List<FieldProblem> problems) {
        if (value == null) {
            problems.add(FieldProblem.of(field, "validation.required"));
            return null;
        }
        if (value < 0) {
            problems.add(FieldProblem.of(field, "validation.min.n", 0));
            return null;
        }
        if (value > MAX) {
            problems.add(FieldProblem.of(field, "residentCount.max", MAX));
            return null;
        }
        return value;
    }

    private static void atMostResidents(String field, Integer value, int residents, List<FieldProblem> problems) {
        if (value != null && value > residents) {
            problems.add(FieldProblem.of(field, "residentCount." + field + ".aboveResidents", residents));
        }
    }

    private boolean fixedDoctorToday(CurrentUser user, long facilityId) {
        LocalDate today = LocalDate.now(DanishTime.DENMARK);
        Optional<Long> running = parties.runningAgreementOf(facilityId, today);
        if (running.isEmpty()) {
            return false;
        }
        try {
            Agreement agreement = parties.agreement(user, running.get());
            return parties.doctorSide(user, agreement);
        } catch (ForbiddenException | NotFoundException e) {
            return false;
        }
    }
}
