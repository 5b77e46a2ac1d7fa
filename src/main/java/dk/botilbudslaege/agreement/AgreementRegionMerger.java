package dk.botilbudslaege.agreement;

import dk.botilbudslaege.common.RegionMergerParticipant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Agreements and a region merger: nothing moves (an agreement's region is its municipality's region of the day),
 * but the preview says how many filed information forms still await a decision and will be decided by the new
 * region from the date.
 */
@Component
class AgreementRegionMerger implements RegionMergerParticipant {

    private final JdbcClient jdbc;

    AgreementRegionMerger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Consequence> consequences(List<String> oldCodes, LocalDate date) {
        long openForms = jdbc.sql("""
                        select count(*) from agreement_overview a join information_form f on f.agreement_id = a.id
                         where a.status = 'SUBMITTED' and a.region_code in (:old)
                        """).param("old", oldCodes).query(Long.class).single();
        return List.of(new Consequence("merger.consequence.openForms", openForms));
    }
}
