package dk.botilbudslaege.settlement;

import java.time.OffsetDateTime;
import java.time.YearMonth;

/** Where a region's settlement of one month stands: OPEN (run, under review) or APPROVED (locked). */
public record MonthState(
        String regionCode,
        YearMonth month,
        String status,
        String runBy,
        OffsetDateTime runAt,
        String approvedBy,
        OffsetDateTime approvedAt) {

    public boolean approved() {
        return "APPROVED".equals(status);
    }
}
