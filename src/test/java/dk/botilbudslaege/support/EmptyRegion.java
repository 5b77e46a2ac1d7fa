package dk.botilbudslaege.support;

import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.security.Users;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A region with no facilities at test time, and a region user of it (password {@link Api#PASSWORD}). In a full
 * run other tests create facilities in Region Nordjylland, so a test of the empty state picks a region no row
 * is in rather than assuming one.
 */
public record EmptyRegion(String code, String name, String username) {

    public static synchronized EmptyRegion signInUser(JdbcClient jdbc, Users users) {
        List<EmptyRegion> regions = jdbc.sql("""
                        select r.code, r.name from region r
                         where r.code <> '1082'
                           and r.valid_from <= current_date and (r.valid_to is null or r.valid_to >= current_date)
                           and not exists (
                               select 1 from facility f
                                 join municipality_region mr on mr.municipality_code = f.municipality_code
                                where mr.region_code = r.code)
                         order by r.code desc
                        """)
                .query((rs, n) -> new EmptyRegion(
                        rs.getString("code").trim(),
                        rs.getString("name"),
                        "start-empty-" + rs.getString("code").trim()))
                .list();
        if (regions.isEmpty()) {
            throw new IllegalStateException("every region has a facility: no empty region to test");
        }
        EmptyRegion region = regions.get(0);
        if (!users.exists(region.username())) {
            users.create(new Users.NewUser(
                    region.username(), Api.PASSWORD, region.name(), Role.REGION, region.code(), null, null, null));
        }
        return region;
    }
}
