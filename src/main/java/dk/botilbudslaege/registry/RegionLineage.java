package dk.botilbudslaege.registry;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Whose history a region reads (issue 15 item 4): a region that other regions merged into reads their settlements,
 * surveys and rounds from before the merger, stored under the old codes ({@code region_lineage}).
 */
@Service
public class RegionLineage {

    private final JdbcClient jdbc;

    RegionLineage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The region and every region that merged into it. */
    public List<String> of(String regionCode) {
        if (regionCode == null) {
            return List.of();
        }
        return jdbc.sql("select region_lineage(:c)")
                .param("c", regionCode)
                .query(String.class)
                .list();
    }

    /**
     * The regions of the lineage that existed on {@code date}, by code: the region itself once it exists, else the
     * predecessors of that day (a 1086 merged from 1084 and 1085 on 2027-01-01 answers 1084 and 1085 for 2026-12-01).
     * Empty if none did.
     */
    public List<String> on(String regionCode, LocalDate date) {
        if (regionCode == null || date == null) {
            return List.of();
        }
        return jdbc.sql("""
                        select l.code from region_lineage(:c) l (code) join region r on r.code = l.code
                         where r.valid_from <= :d and (r.valid_to is null or r.valid_to >= :d)
                         order by l.code
                        """)
                .param("c", regionCode)
                .param("d", date)
                .query(String.class)
                .list();
    }

    /** Whether a user of {@code userRegion} may read a row stored under {@code rowRegion}. */
    public boolean includes(String userRegion, String rowRegion) {
        if (userRegion == null || rowRegion == null) {
            return false;
        }
        return userRegion.equals(rowRegion) || of(userRegion).contains(rowRegion);
    }
}
