package dk.botilbudslaege.settlement;

import dk.botilbudslaege.agreement.HourlyRates;
import dk.botilbudslaege.agreement.MonthlyFee;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The agreement module's question for the hourly rate of a day, answered from settlement's rate table. */
@Component
class HourlyRateOfTheDay implements HourlyRates {

    private final JdbcClient jdbc;

    HourlyRateOfTheDay(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public BigDecimal hourlyRateOn(LocalDate day) {
        return jdbc.sql("select hourly_rate from hourly_rate where valid_from <= :d order by valid_from desc limit 1")
                .param("d", day)
                .query(BigDecimal.class)
                .optional()
                .orElse(MonthlyFee.HOURLY_RATE);
    }
}
