package dk.botilbudslaege.registry;

import dk.botilbudslaege.common.RegionMergerParticipant;
import dk.botilbudslaege.web.DanishTime;
import java.time.LocalDate;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a merger's date is reached, the rows that must move to the new region move (open matching rounds, running
 * surveys): daily just after midnight and at start-up, idempotent, one instance at a time (advisory lock), all in
 * one transaction.
 */
@Component
class RegionMergerJob {

    private static final Logger log = LoggerFactory.getLogger(RegionMergerJob.class);
    static final long LOCK = 0x5245474d45524745L; // "REGMERGE"

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final List<RegionMergerParticipant> participants;

    RegionMergerJob(JdbcClient jdbc, TransactionTemplate transactions, List<RegionMergerParticipant> participants) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.participants = participants;
    }

    @EventListener(ApplicationReadyEvent.class)
    @SchedulerLock(name = "registry.regionMerger", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void atStartup() {
        run(LocalDate.now(DanishTime.DENMARK));
    }

    @Scheduled(cron = "${botilbud.region-merger.cron:0 5 0 * * *}", zone = "Europe/Copenhagen")
    @SchedulerLock(name = "registry.regionMerger", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    void daily() {
        run(LocalDate.now(DanishTime.DENMARK));
    }

    /** Moves what the mergers in effect on {@code today} move; answers how many rows moved. */
    int run(LocalDate today) {
        try {
            return moveAll(today);
        } catch (RuntimeException e) {
            // tried again tomorrow and at the next start; nothing moved (one transaction)
            log.error("region merger: moving rows on {} failed", today, e);
            return 0;
        }
    }

    private int moveAll(LocalDate today) {
        Integer moved = transactions.execute(status -> {
            jdbc.sql("select 1 from pg_advisory_xact_lock(:k)")
                    .param("k", LOCK)
                    .query(Integer.class)
                    .single();
            int n = 0;
            for (RegionMergerParticipant p : participants) {
                n += p.takeEffect(today);
            }
            return n;
        });
        if (moved != null && moved > 0) {
            log.info("region merger: {} rows moved to the merged region on {}", moved, today);
        }
        return moved == null ? 0 : moved;
    }
}
