package dk.botilbudslaege.matching;

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
 * Matching and a region merger: the new region's neighbours are the merging regions' neighbours (both ways, from
 * registration); open rounds of the merging regions move to the new region on the date. Two region-wide open rounds
 * cannot both move (one open round per area), so a merger with both is refused until one closes.
 */
@Component
class MatchingRegionMerger implements RegionMergerParticipant {

    private final JdbcClient jdbc;

    MatchingRegionMerger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Consequence> consequences(List<String> oldCodes, LocalDate date) {
        return List.of(new Consequence(
                "merger.consequence.openRounds",
                jdbc.sql("select count(*) from matching_round where region_code in (:old) and status = 'OPEN'")
                        .param("old", oldCodes)
                        .query(Long.class)
                        .single()));
    }

    @Override
    public List<FieldProblem> refusals(List<String> oldCodes, LocalDate date) {
        long regionWide = jdbc.sql("""
                        select count(distinct region_code) from matching_round
                         where region_code in (:old) and status = 'OPEN' and municipality_code is null
                        """).param("old", oldCodes).query(Long.class).single();
        return regionWide > 1 ? List.of(FieldProblem.of("regions", "merger.refused.openRounds")) : List.of();
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(RegionsMerged merged) {
        jdbc.sql("""
                        insert into region_neighbour (region_code, neighbour_code)
                        select distinct :n, neighbour_code from region_neighbour
                         where region_code in (:old) and neighbour_code not in (:old)
                        on conflict do nothing
                        """)
                .param("n", merged.newCode())
                .param("old", merged.mergedCodes())
                .update();
        jdbc.sql("""
                        insert into region_neighbour (region_code, neighbour_code)
                        select neighbour_code, region_code from region_neighbour where region_code = :n
                        on conflict do nothing
                        """).param("n", merged.newCode()).update();
    }

    /** Open rounds of a merged region move to the region it stands for today (a second region-wide one stays). */
    @Override
    public int takeEffect(LocalDate today) {
        return jdbc.sql("""
                        update matching_round r set region_code = region_successor(r.region_code, :t),
                               version = r.version + 1
                         where r.status = 'OPEN' and region_successor(r.region_code, :t) <> r.region_code
                           and not exists (select 1 from matching_round o
                                            where o.status = 'OPEN' and o.id <> r.id
                                              and o.region_code = region_successor(r.region_code, :t)
                                              and coalesce(o.municipality_code, '') = coalesce(r.municipality_code, ''))
                        """).param("t", today).update();
    }
}
