package dk.botilbudslaege.settlement;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.CurrentUsers;
import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.web.DanishTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * F1: the national hourly rate table, kept by the administrator (SPEC §1). Indexation adds a row; a
 * wrong row may be corrected or removed; none of these may reach into a month any region has approved
 * ({@link RateReach}), so approved money is never rewritten. Every change is audited.
 */
@Service
public class Rates {

    static final String ENTITY = "RATE";
    public static final BigDecimal MIN_RATE = new BigDecimal("100.00");
    public static final BigDecimal MAX_RATE = new BigDecimal("100000.00");
    public static final LocalDate EARLIEST = LocalDate.of(2024, 1, 1);
    public static final int YEARS_AHEAD = 10;

    private final SettlementRepository repository;
    private final ApplicationEventPublisher events;

    Rates(SettlementRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<Rate> all() {
        return repository.rateRows();
    }

    /**
     * A row of the table as the administrator sees it: the last day it applies (null: open-ended) and
     * whether it may still be corrected or removed (it is not the first row and reaches no approved month).
     */
    public record Row(LocalDate validFrom, BigDecimal hourlyRate, LocalDate lastDay, boolean changeable) {}

    @Transactional(readOnly = true)
    public List<Row> rows() {
        List<Rate> all = repository.rateRows();
        List<LocalDate> dates = all.stream().map(Rate::validFrom).toList();
        List<YearMonth> approved = repository.approvedMonths();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            RateReach reach = RateReach.ofRemoving(dates, all.get(i).validFrom());
            rows.add(new Row(
                    all.get(i).validFrom(),
                    all.get(i).hourlyRate(),
                    reach.until() == null ? null : reach.until().minusDays(1),
                    i > 0 && reach.lockedMonth(approved).isEmpty()));
        }
        return rows;
    }

    /** What adding a row would change, checked as {@link #add} checks it, without writing anything. */
    @Transactional(readOnly = true)
    public RateReach preview(CurrentUser user, LocalDate validFrom, BigDecimal hourlyRate) {
        requireAdmin(user);
        checkNew(validFrom, hourlyRate, null);
        return reachable(RateReach.ofAdding(dates(), validFrom));
    }

    @Transactional
    public Rate add(CurrentUser user, LocalDate validFrom, BigDecimal hourlyRate) {
        requireAdmin(user);
        repository.lockRates();
        checkNew(validFrom, hourlyRate, null);
        reachable(RateReach.ofAdding(dates(), validFrom));
        repository.insertRate(validFrom, hourlyRate, user.username());
        events.publishEvent(new SettlementEvents.RateSet(
                validFrom,
                Map.of("hourlyRate", new AuditTrail.Change(null, hourlyRate.toPlainString())),
                CurrentUsers.actor()));
        return new Rate(validFrom, hourlyRate);
    }

    /** Corrects a wrong row: its rate, and its date when {@code newValidFrom} is given. */
    @Transactional
    public Rate correct(CurrentUser user, LocalDate validFrom, LocalDate newValidFrom, BigDecimal hourlyRate) {
        requireAdmin(user);
        repository.lockRates();
        Rate old = existing(validFrom);
        LocalDate to = newValidFrom == null ? validFrom : newValidFrom;
        checkNew(to, hourlyRate, validFrom);
        List<LocalDate> dates = dates();
        if (to.isAfter(validFrom) && validFrom.equals(dates.get(0))) {
            throw refused("RATE_FIRST_ROW", "validFrom", "rate.firstRow");
        }
        reachable(RateReach.ofCorrecting(dates, validFrom, to));
        repository.updateRate(validFrom, to, hourlyRate, user.username());
        Map<String, AuditTrail.Change> changes = new LinkedHashMap<>();
        if (!to.equals(validFrom)) {
            changes.put("validFrom", new AuditTrail.Change(validFrom.toString(), to.toString()));
        }
        changes.put("hourlyRate", new AuditTrail.Change(old.hourlyRate().toPlainString(), hourlyRate.toPlainString()));
        events.publishEvent(new SettlementEvents.RateCorrected(validFrom, changes, CurrentUsers.actor()));
        return new Rate(to, hourlyRate);
    }

    /** Removes a wrong row; its days take the rate before it. The first row always stays. */
    @Transactional
    public void remove(CurrentUser user, LocalDate validFrom) {
        requireAdmin(user);
        repository.lockRates();
        Rate old = existing(validFrom);
        List<LocalDate> dates = dates();
        if (validFrom.equals(dates.get(0))) {
            throw refused("RATE_FIRST_ROW", "validFrom", "rate.firstRow");
        }
        reachable(RateReach.ofRemoving(dates, validFrom));
        repository.deleteRate(validFrom);
        events.publishEvent(new SettlementEvents.RateRemoved(
                validFrom,
                Map.of("hourlyRate", new AuditTrail.Change(old.hourlyRate().toPlainString(), null)),
                CurrentUsers.actor()));
    }

    /** The latest day a row may start: {@value #YEARS_AHEAD} years ahead. */
    public static LocalDate latest() {
        return LocalDate.now(DanishTime.DENMARK).plusYears(YEARS_AHEAD);
    }

    private void checkNew(LocalDate validFrom, BigDecimal hourlyRate, LocalDate replacing) {
        List<FieldProblem> problems = new ArrayList<>();
        if (validFrom == null) {
            problems.add(FieldProblem.of("validFrom", "rate.validFrom.required"));
        } else if (validFrom.isBefore(EARLIEST) || validFrom.isAfter(latest())) {
            problems.add(FieldProblem.of(
                    "validFrom", "rate.validFrom.range", dk.botilbudslaege.common.DanishFormats.date(latest())));
        } else if (!validFrom.equals(replacing) && repository.rateExists(validFrom)) {
            problems.add(FieldProblem.of("validFrom", "rate.validFrom.taken"));
        }
        if (hourlyRate == null
                || hourlyRate.scale() > 2
                || hourlyRate.compareTo(MIN_RATE) < 0
                || hourlyRate.compareTo(MAX_RATE) > 0) {
            problems.add(FieldProblem.of("hourlyRate", "rate.hourlyRate.invalid"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
    }

    private RateReach reachable(RateReach reach) {
        reach.lockedMonth(repository.approvedMonths()).ifPresent(month -> {
            throw refused("RATE_IN_LOCKED_MONTH", "validFrom", "rate.lockedMonth", monthText(month));
        });
        return reach;
    }

    private Rate existing(LocalDate validFrom) {
        return repository.rateRows().stream()
                .filter(r -> r.validFrom().equals(validFrom))
                .findFirst()
                .orElseThrow(() -> NotFoundException.of(ENTITY, validFrom));
    }

    private List<LocalDate> dates() {
        return repository.rateRows().stream().map(Rate::validFrom).toList();
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.is(Role.ADMIN)) {
            throw new ForbiddenException("scope.settlement.rates");
        }
    }

    private static InvalidInputException refused(String code, String field, String key, Object... args) {
        return new InvalidInputException(code, List.of(FieldProblem.of(field, key, args)));
    }

    private static String monthText(YearMonth month) {
        return String.format("%02d-%d", month.getMonthValue(), month.getYear());
    }
}
