package dk.botilbudslaege.survey;

import dk.botilbudslaege.common.RegionMergerParticipant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Surveys and a region merger: a sent survey of a merging region whose deadline has not passed is running; on the
 * merger's date it moves to the new region, whose users then follow it. Earlier surveys stay under the old code
 * (the new region reads them as its predecessors' history).
 */
@Component
class SurveyRegionMerger implements RegionMergerParticipant {

    private final JdbcClient jdbc;

    SurveyRegionMerger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Consequence> consequences(List<String> oldCodes, LocalDate date) {
        return List.of(new Consequence(
                "merger.consequence.runningSurveys",
                jdbc.sql("""
                                select count(*) from survey
                                 where region_code in (:old) and status = 'SENT' and deadline >= current_date
                                """).param("old", oldCodes).query(Long.class).single()));
    }

    @Override
    public int takeEffect(LocalDate today) {
        return jdbc.sql("""
                        update survey set region_code = region_successor(region_code, :t), version = version + 1
                         where status = 'SENT' and deadline >= :t and region_successor(region_code, :t) <> region_code
                        """).param("t", today).update();
    }
}
