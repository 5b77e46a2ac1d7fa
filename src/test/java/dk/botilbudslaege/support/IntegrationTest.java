package dk.botilbudslaege.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a real (embedded) PostgreSQL in a throw-away directory, with the demo
 * data of Region Midtjylland and its demo logins, listening on 127.0.0.1 at a random port. Every
 * test class with this annotation shares one application context, so one database: tests create
 * their own rows and never assume counts that other tests may change.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "botilbud.local-db.data-dir=",
            "server.address=127.0.0.1",
            // issue 14, mail delivery: the built-in mail server on any free port; tests drive the sender
            "botilbud.local-mail.port=0",
            "botilbud.mail.scheduled=false"
        })
public @interface IntegrationTest {}
