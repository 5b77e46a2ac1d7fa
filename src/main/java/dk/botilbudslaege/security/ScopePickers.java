package dk.botilbudslaege.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 16 item 3 (i16-pickers): the regions, municipalities, facilities and doctors a user administrator may give
 * as a scope, within their own scope (an administrator: all; a region: its own; a municipality: its own, no regions
 * and no doctors). One place for the user administration, the API clients and the searchable pickers; the caller
 * checks that the user may administer. The region of a municipality is joined on its dated row (issue 17: calling
 * {@code region_of} once per row cost a region's user administrator about 100 ms per form on the national data).
 */
@Component
public class ScopePickers {

    /** One choice: its value (code or id), its name and a hint (municipality or practice; none for a region). */
    public record Option(String value, String name, String hint) {
        /** The name with its hint in brackets, as a select shows it. */
        public String label() {
            return hint == null ? name : name + " (" + hint + ")";
        }
    }

    private final JdbcClient jdbc;

    ScopePickers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the user may give scopes at all: an administrator, or a region's or municipality's user administrator. */
    @Transactional(readOnly = true)
    public boolean mayPick(CurrentUser user) {
        if (user == null) {
            return false;
        }
        if (user.is(Role.ADMIN)) {
            return true;
        }
        if (!user.is(Role.REGION) && !user.is(Role.MUNICIPALITY)) {
            return false;
        }
        return jdbc.sql("select user_admin and enabled from app_user where username = :u")
                .param("u", user.username())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    @Transactional(readOnly = true)
    public List<Option> regions(CurrentUser user) {
        if (user.is(Role.MUNICIPALITY)) {
            return List.of();
        }
        return jdbc.sql("""
                        select code, name, null from registry_region
                         where (valid_to is null or valid_to >= current_date) and valid_from <= current_date
                           and (:admin or code = :region)
                         order by name
                        """).params(params(user)).query(ScopePickers::option).list();
    }

    @Transactional(readOnly = true)
    public List<Option> municipalities(CurrentUser user) {
        return jdbc.sql("""
                        select m.code, m.name, null from registry_municipality m
                          left join registry_municipality_region r on r.municipality_code = m.code
                               and r.valid_from <= current_date and (r.valid_to is null or r.valid_to >= current_date)
                         where :admin or r.region_code = :region or m.code = :municipality
                         order by m.name
                        """).params(params(user)).query(ScopePickers::option).list();
    }

    @Transactional(readOnly = true)
    public List<Option> facilities(CurrentUser user) {
        return jdbc.sql("""
                        select f.id, f.name, m.name from registry_facility f
                          join registry_municipality m on m.code = f.municipality_code
                          left join registry_municipality_region r on r.municipality_code = f.municipality_code
                               and r.valid_from <= current_date and (r.valid_to is null or r.valid_to >= current_date)
                         where :admin or r.region_code = :region
                            or f.municipality_code = :municipality
                         order by f.name, m.name, f.id
                        """).params(params(user)).query(ScopePickers::option).list();
    }

    @Transactional(readOnly = true)
    public List<Option> doctors(CurrentUser user) {
        if (user.is(Role.MUNICIPALITY)) {
            return List.of();
        }
        return jdbc.sql("""
                        select d.id, d.name, pr.name from registry_doctor d
                          join registry_practice pr on pr.id = d.practice_id
                          left join registry_municipality_region r on r.municipality_code = pr.municipality_code
                               and r.valid_from <= current_date and (r.valid_to is null or r.valid_to >= current_date)
                         where :admin or r.region_code = :region
                         order by d.name, pr.name, d.id
                        """).params(params(user)).query(ScopePickers::option).list();
    }

    private static Map<String, Object> params(CurrentUser user) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("admin", user.is(Role.ADMIN));
        p.put("region", user.is(Role.REGION) && user.regionCode() != null ? user.regionCode() : "");
        p.put(
                "municipality",
                user.is(Role.MUNICIPALITY) && user.municipalityCode() != null ? user.municipalityCode() : "");
        return p;
    }

    private static Option option(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Option(rs.getString(1), rs.getString(2), rs.getString(3));
    }
}
