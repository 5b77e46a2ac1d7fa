package dk.botilbudslaege;

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

    public static void main(String[] args) {
        SpringApplication.run(BotilbudslaegeApplication.class, args);
    }
}
