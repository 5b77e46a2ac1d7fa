package dk.botilbudslaege.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One row of the rate table: the hourly rate ex VAT valid from a date (API.md {@code {validFrom, hourlyRate}}). */
public record Rate(LocalDate validFrom, BigDecimal hourlyRate) {}
