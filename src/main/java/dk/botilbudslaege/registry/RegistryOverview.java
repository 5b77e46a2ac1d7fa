package dk.botilbudslaege.registry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Counts for the start page: within the caller's scope, and public aggregates per region. */
@Service
public class RegistryOverview {

    private final JdbcClient jdbc;

    /**
     * i17-cov: {@code legal_basis_in_scope(f.legal_basis, current_date)} as a hashed subplan read once per statement:
     * the function (an {@code exists} over {@code legal_basis_scope}, never inlined) ran a query per facility, 25-35 ms
     * over the national registry. Same answer: a facility's legal basis is in scope today or not.
     */
    static final String IN_SCOPE_TODAY = "f.legal_basis in (select s.legal_basis from legal_basis_scope s"
            + " where s.valid_from <= current_date and (s.valid_to is null or s.valid_to >= current_date))";

    /**
     * i19-misc: the summaries of each scope while the tables they count are unchanged (V46: the version row moves at the
     * commit of every change to them) and the day is the same; the national one was two counts over the whole registry
     * per request of the national viewer's start page. The TTL only bounds memory.
     */
    private final Cache<String, Summary> summaries = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10))
            .maximumSize(5_000)
            .build();

    RegistryOverview(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Registry counts within a scope. */
    public record Summary(
            long facilities, long facilitiesInScope, long places, long residents, long practices, long doctors) {}

    /** Public aggregate for one region. */
    public record RegionCount(String code, String name, long facilities, long facilitiesInScope, long places) {}

    @Transactional(readOnly = true)
    public Summary summary(CurrentUser user) {
        String facilityScope;
        String practiceScope;
        Object value;
        if (user.national()) {
            facilityScope = "true";
            practiceScope = "true";
            value = "";
        } else if (user.is(Role.MUNICIPALITY) || user.is(Role.FACILITY)) {
            facilityScope = user.is(Role.FACILITY) ? "f.id = :v" : "f.municipality_code = :v";
            practiceScope = "pr.region_code = :r";
            value = user.is(Role.FACILITY) ? user.facilityId() : user.municipalityCode();
        } else {
            facilityScope = "fr.region_code = :v";
            practiceScope = "pr.region_code = :r";
            value = user.regionCode();
        }
        String regionParam = user.regionCode() == null ? "" : user.regionCode();
        String key = jdbc.sql("select version || '|' || current_date from registry_summary_version")
                        .query(String.class)
                        .single()
                + "|" + facilityScope + "|" + value + "|" + regionParam;
        Summary kept = summaries.getIfPresent(key);
        if (kept != null) {
            return kept;
        }
        Summary counted = count(facilityScope, practiceScope, value, regionParam);
        summaries.put(key, counted);
        return counted;
    }

    private Summary count(String facilityScope, String practiceScope, Object value, String regionParam) {
        record Facilities(long n, long inScope, long places, long residents) {}
        record Practices(long practices, long doctors) {}
        var facilities = jdbc.sql("""
                        select count(*) as n,
                               count(*) filter (where IN_SCOPE_TODAY) as in_scope,
                               coalesce(sum(f.places), 0) as places, coalesce(sum(f.residents), 0) as residents
                          from facility f
                          join current_municipality_region fr on fr.municipality_code = f.municipality_code
                         where\s""".replace("IN_SCOPE_TODAY", IN_SCOPE_TODAY) + facilityScope)
                .param("v", value)
                .query(Facilities.class)
                .single();
        var practices = jdbc.sql("""
                        select count(distinct p.id) as practices, count(d.id) as doctors
                          from practice p
                          join current_municipality_region pr on pr.municipality_code = p.municipality_code
                          left join doctor d on d.practice_id = p.id
                         where\s""" + practiceScope)
                .param("r", regionParam)
                .query(Practices.class)
                .single();
        return new Summary(
                facilities.n(),
                facilities.inScope(),
                facilities.places(),
                facilities.residents(),
                practices.practices(),
                practices.doctors());
    }

    @Transactional(readOnly = true)
    public List<RegionCount> byRegion() {
        return jdbc.sql("""
                        select r.code, r.name, count(f.id) as facilities,
                               count(f.id) filter (where IN_SCOPE_TODAY) as facilities_in_scope,
                               coalesce(sum(f.places), 0) as places
                          from region r
                          left join current_municipality_region fr on fr.region_code = r.code
                          left join facility f on f.municipality_code = fr.municipality_code
                         group by r.code, r.name order by r.code
                        """.replace("IN_SCOPE_TODAY", IN_SCOPE_TODAY))
                .query(RegionCount.class)
                .list();
    }
}
