package dk.botilbudslaege.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Active only in the local mode: no {@code spring.datasource.url} (or {@code SPRING_DATASOURCE_URL})
 * is configured, so the application runs its own embedded PostgreSQL with demo data and demo logins.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Conditional(LocalDatabaseCondition.class)
public @interface ConditionalOnLocalDatabase {}
