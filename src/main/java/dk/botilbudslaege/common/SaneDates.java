package dk.botilbudslaege.common;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The dates the app accepts anywhere (issue 10, item 7): from 1 January 2007, when today's
 * municipalities and regions began (SPEC §2), to 31 December 2100. Every date a form, a JSON body or a
 * query parameter sends lies in this window (agreement start, notice, dispensation validity, as-of
 * dates); a date outside is refused on its field, so no later arithmetic (a notice period, a month
 * loop) meets the year 10000. Rules may narrow it further (settlement months begin in 2025).
 */
public final class SaneDates {

    public static final LocalDate EARLIEST = LocalDate.of(2007, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    /** The message key of a date outside the window, with {@link #EARLIEST} and {@link #LATEST}. */
    public static final String MESSAGE = "validation.date.range";

    private SaneDates() {}

    public static boolean contains(LocalDate date) {
        return date == null || (!date.isBefore(EARLIEST) && !date.isAfter(LATEST));
    }

    public static boolean contains(YearMonth month) {
        return month == null || contains(month.atDay(1));
    }

    /** The problem of a date outside the window on its field, or null. */
    public static FieldProblem problem(String field, LocalDate date) {
        return contains(date)
                ? null
                : FieldProblem.of(field, MESSAGE, PageDates.inMessage(EARLIEST), PageDates.inMessage(LATEST));
    }
}
