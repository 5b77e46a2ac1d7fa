package dk.botilbudslaege.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** F1: the dated hourly rates; the rate of a day is the newest row valid from on or before it. */
public final class RateTable {

    private final NavigableMap<LocalDate, BigDecimal> rates;

    public RateTable(Map<LocalDate, BigDecimal> rates) {
        this.rates = new TreeMap<>(rates);
    }

    public BigDecimal rateOn(LocalDate day) {
        Map.Entry<LocalDate, BigDecimal> entry = rates.floorEntry(day);
        if (entry == null) {
            throw new IllegalStateException("no hourly rate valid on " + day);
        }
        return entry.getValue();
    }
}
