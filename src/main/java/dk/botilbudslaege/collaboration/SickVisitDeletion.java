package dk.botilbudslaege.collaboration;

import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes sick-visit requests 90 days after the visit (SPEC §7): the visit's day is the day it was marked
 * done, or else the end of the wanted window, in Danish time; a request is deleted once that day lies more
 * than 90 days back ({@link SickVisitRules#expired}). Runs every night; the app may run on several
 * instances, so the delete is one statement guarded by a transaction-level PostgreSQL advisory lock: a
 * second instance running at the same moment deletes nothing, and a second run deletes what is left.
 */
@Component
class SickVisitDeletion {

    private static final Logger LOG = LoggerFactory.getLogger(SickVisitDeletion.class);

    private final JdbcClient jdbc;

    SickVisitDeletion(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(cron = "${botilbud.sick-visits.deletion-cron:0 20 3 * * *}", zone = "Europe/Copenhagen")
    @SchedulerLock(name = "collaboration.sickVisitDeletion", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    void nightly() {
        int deleted = deleteExpired(LocalDate.now(SickVisits.DENMARK));
        if (deleted > 0) {
            LOG.info(
                    "Deleted {} sick-visit requests more than {} days after the visit",
                    deleted,
                    SickVisitRules.KEPT_DAYS);
        }
    }

    /** Deletes the requests whose visit was before {@code today} minus 90 days; answers how many. */
    @Transactional
    public int deleteExpired(LocalDate today) {
        return jdbc.sql("""
                        with guard as (select pg_try_advisory_xact_lock(hashtext('collaboration.sick_visit_deletion')) as held)
                        delete from sick_visit v
                         using guard
                         where guard.held
                           and (coalesce(v.done_at, v.wanted_to) at time zone 'Europe/Copenhagen')::date < :oldestKept
                        """)
                .param("oldestKept", SickVisitRules.oldestKept(today))
                .update();
    }
}
