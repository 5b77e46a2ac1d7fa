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

    /** The days after {@code from} up to {@code to} (inclusive) on which a new rate takes effect. */
    java.util.NavigableSet<LocalDate> changesBetween(LocalDate from, LocalDate to) {
        return rates.navigableKeySet().subSet(from, false, to, true);
    }
}
