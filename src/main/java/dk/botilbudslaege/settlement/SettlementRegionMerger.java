package dk.botilbudslaege.settlement;

import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.RegionMergerParticipant;
import dk.botilbudslaege.registry.RegionsMerged;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Settlements and a region merger: a month from the merger's date on belongs to the new region. An approved month of
 * a merging region on or after the date refuses the merger (it is locked); a run but unapproved month is deleted with
 * its lines when the merger is registered, and a re-run puts it under the new region ({@code region_of} of the month).
 */
@Component
class SettlementRegionMerger implements RegionMergerParticipant {

    private final JdbcClient jdbc;

    SettlementRegionMerger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Consequence> consequences(List<String> oldCodes, LocalDate date) {
        return List.of(new Consequence(
                "merger.consequence.settlementMonths",
                jdbc.sql("""
                                select count(*) from settlement_month
                                 where region_code in (:old) and month >= :d and status = 'OPEN'
                                """)
                        .param("old", oldCodes)
                        .param("d", date)
                        .query(Long.class)
                        .single()));
    }

    @Override
    public List<FieldProblem> refusals(List<String> oldCodes, LocalDate date) {
        return jdbc.sql("""
                        select region_code || ' ' || to_char(month, 'YYYY-MM') from settlement_month
                         where region_code in (:old) and month >= :d and status = 'APPROVED'
                         order by month, region_code
                        """).param("old", oldCodes).param("d", date).query(String.class).list().stream()
                .map(m -> FieldProblem.of("date", "merger.refused.approvedSettlement", m))
                .toList();
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(RegionsMerged merged) {
        // the months that begin on or after the date: their region of the month is the new one
        LocalDate firstMonth = merged.effectiveDate();
        jdbc.sql("""
                        delete from settlement_line
                         where region_code in (:old) and month >= :m
                           and (region_code, month) in (select region_code, month from settlement_month where status = 'OPEN')
                        """).param("old", merged.mergedCodes()).param("m", firstMonth).update();
        jdbc.sql("delete from settlement_month where region_code in (:old) and month >= :m and status = 'OPEN'")
                .param("old", merged.mergedCodes())
                .param("m", firstMonth)
                .update();
    }
}
