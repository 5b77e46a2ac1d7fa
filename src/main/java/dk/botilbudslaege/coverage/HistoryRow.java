package dk.botilbudslaege.coverage;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Coverage on one day of a monthly series: the month's last day, or today for the current month. */
public record HistoryRow(
        LocalDate date,
        long inScopeFacilities,
        long coveredFacilities,
        BigDecimal coverage,
        long places,
        long coveredPlaces) {}
