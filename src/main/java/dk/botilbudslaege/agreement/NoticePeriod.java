package dk.botilbudslaege.agreement;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * Notice (SPEC §3, seed 003): either side may end an agreement with 3 months' notice to the end of a
 * quarter. The end date is the last day of the first calendar quarter ending on or after the notice
 * date plus 3 months: notice 2025-11-15 ends 2026-03-31; 2025-12-31 ends 2026-03-31; 2026-01-01 ends
 * 2026-06-30.
 */
public final class NoticePeriod {

    private NoticePeriod() {}

    public static LocalDate endDate(LocalDate noticeDate) {
        LocalDate earliest = noticeDate.plusMonths(3);
        return endOfQuarter(earliest);
    }

    static LocalDate endOfQuarter(LocalDate date) {
        int quarter = date.get(IsoFields.QUARTER_OF_YEAR);
        LocalDate firstOfLastMonth = LocalDate.of(date.getYear(), quarter * 3, 1);
        return firstOfLastMonth.withDayOfMonth(firstOfLastMonth.lengthOfMonth());
    }
}
