package dk.botilbudslaege.config;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17, several instances: a {@code @Scheduled} job marked {@code @SchedulerLock} runs on one instance at a time.
 * The lock is a row of the table {@code shedlock} (V38), taken with the database's clock ({@code usingDbTime()}), so
 * instances whose clocks differ still agree. An instance that finds the lock taken skips that run; a lock is held at
 * most {@code lockAtMostFor} (a crashed instance does not hold it for ever) and at least {@code lockAtLeastFor} (an
 * instance whose cron fires a little later does not run the job a second time).
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulerLockConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
