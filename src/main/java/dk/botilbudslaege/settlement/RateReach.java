package dk.botilbudslaege.settlement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * F1: rates are national dated rows, and a row may not reach into a month any region has approved. A
 * change of the table changes the rate of the days from its first changed day up to the next row that
 * stays; this is that span, and the approved month it would rewrite, if any.
 *
 * @param from  the first day whose rate changes
 * @param until the first day whose rate stays, or null when the change runs on with no later row
 */
public record RateReach(LocalDate from, LocalDate until) {

    /** Adding a row from {@code validFrom}: its days up to the next existing row. */
    public static RateReach ofAdding(Collection<LocalDate> rows, LocalDate validFrom) {
        return new RateReach(validFrom, new TreeSet<>(rows).higher(validFrom));
    }

    /** Removing the row of {@code validFrom}: its days now take the rate before it. */
    public static RateReach ofRemoving(Collection<LocalDate> rows, LocalDate validFrom) {
        return ofAdding(rows, validFrom);
    }

    /** Correcting the row of {@code oldFrom} to start on {@code newFrom}: the days of both rows. */
    public static RateReach ofCorrecting(Collection<LocalDate> rows, LocalDate oldFrom, LocalDate newFrom) {
        NavigableSet<LocalDate> others = new TreeSet<>(rows);
        others.remove(oldFrom);
        LocalDate first = oldFrom.isBefore(newFrom) ? oldFrom : newFrom;
        LocalDate last = oldFrom.isBefore(newFrom) ? newFrom : oldFrom;
        return new RateReach(first, others.higher(last));
    }

    /** The first approved month whose days this change would reach. */
    public Optional<YearMonth> lockedMonth(Collection<YearMonth> approved) {
        return approved.stream()
                .sorted()
                .filter(m -> !m.atEndOfMonth().isBefore(from)
                        && (until == null || m.atDay(1).isBefore(until)))
                .findFirst();
    }
}
