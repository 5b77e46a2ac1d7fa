package dk.botilbudslaege.registry;

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

    /** Whether a user of {@code userRegion} may read a row stored under {@code rowRegion}. */
    public boolean includes(String userRegion, String rowRegion) {
        if (userRegion == null || rowRegion == null) {
            return false;
        }
        return userRegion.equals(rowRegion) || of(userRegion).contains(rowRegion);
    }
}
