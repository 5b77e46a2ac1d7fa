package dk.botilbudslaege.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;

/**
 * The modules of the main event flows as {@code @ApplicationModuleTest}: agreement with its direct
 * dependencies (registry, audit, security, web), settlement (agreement's {@code HourlyRates} is answered
 * there), coverage and collaboration (the coverage report's hours section asks {@code collaboration.Hours}),
 * and config for the embedded PostgreSQL in a throw-away directory. Without the web
 * server, matching, admin and the demo data: the tests make their own rows and sign in as the users
 * {@link ScenarioUsers} creates. Every test class with this annotation, in whatever module package,
 * shares one application context (the same {@code module} and attributes make the same cache key), so
 * the module tests cost one start-up in all. Test methods take {@code Scenario} or
 * {@code AssertablePublishedEvents} parameters; both see the events published on the test's thread.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationModuleTest(
        module = "agreement",
        mode = BootstrapMode.DIRECT_DEPENDENCIES,
        extraIncludes = {"config", "settlement", "coverage", "collaboration"},
        verifyAutomatically = false)
@TestPropertySource(properties = "botilbud.local-db.data-dir=")
@Import({ScenarioUsers.class, Notifications.class})
public @interface ModuleScenarioTest {}
