package dk.botilbudslaege;

import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Botilbudslæge: the working tool for the scheme of a fixed general practitioner at every
 * residential care facility (Aftale25). See SPEC.md.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BotilbudslaegeApplication {

    /**
     * The scheme's "today" is the Danish day, whatever zone the server runs in: notice dates, the
     * month to settle and coverage "as of today" all turn at midnight in Copenhagen. The JDBC driver
     * hands the same zone to PostgreSQL, so {@code current_date} agrees with {@code LocalDate.now()}.
     */
    public static void main(String[] args) {
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Copenhagen"));
        SpringApplication.run(BotilbudslaegeApplication.class, args);
    }
}
