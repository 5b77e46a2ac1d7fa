package dk.botilbudslaege.registry;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Regions, municipalities and the dated setting of legal bases in scope (SPEC §2). Region
 * membership is dated: ask {@link #regionOf(String, LocalDate)} for the region of a given day.
 */
@Service
public class ReferenceData {

    private final JdbcClient jdbc;
    private volatile List<Municipality> municipalities;
    private volatile LocalDate cachedOn;

    ReferenceData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Region> regions() {
        return jdbc.sql("""
                        select code, name from region
                         where valid_from <= current_date and (valid_to is null or valid_to >= current_date)
                         order by code
                        """).query(Region.class).list();
    }

    /** The regions of a day: a report or picker for an earlier date shows the regions of its day. */
    public List<Region> regionsOn(LocalDate date) {
        return jdbc.sql("""
                        select code, name from region
                         where valid_from <= :d and (valid_to is null or valid_to >= :d)
                         order by code
                        """).param("d", date).query(Region.class).list();
    }

    /** The region a stored region code stands for on a date: the region it merged into, once that took effect. */
    public String successorOn(String regionCode, LocalDate date) {
        return jdbc.sql("select region_successor(:c, :d)")
                .param("c", regionCode)
                .param("d", date)
                .query(String.class)
                .optional()
                .orElse(regionCode);
    }

    /** The municipalities with today's region, by code. */
    public List<Municipality> municipalities() {
        List<Municipality> cached = municipalities;
        if (cached == null || !LocalDate.now().equals(cachedOn)) {
            cached = jdbc.sql("""
                            select m.code, m.name, r.region_code
                              from municipality m join current_municipality_region r on r.municipality_code = m.code
                             order by m.code
                            """).query(Municipality.class).list();
            municipalities = cached;
            cachedOn = LocalDate.now();
        }
        return cached;
    }

    public Map<String, Municipality> municipalitiesByCode() {
        return municipalities().stream().collect(Collectors.toMap(Municipality::code, Function.identity()));
    }

    public Optional<Municipality> municipality(String code) {
        return municipalities().stream().filter(m -> m.code().equals(code)).findFirst();
    }

    /** A region's municipalities by name, in Danish order (Aarhus last), as its lists and filters show them. */
    public List<Municipality> municipalitiesOf(String regionCode) {
        java.text.Collator danish = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("da"));
        return municipalities().stream()
                .filter(m -> m.regionCode().equals(regionCode))
                .sorted(java.util.Comparator.comparing(Municipality::name, danish))
                .toList();
    }

    public Optional<String> regionName(String regionCode) {
        return jdbc.sql("select name from region where code = :code")
                .param("code", regionCode)
                .query(String.class)
                .optional();
    }

    /** The region a municipality belonged to on a date: history keeps the region of its day. */
    public Optional<String> regionOf(String municipalityCode, LocalDate date) {
        return jdbc.sql("select region_of(:m, :d)")
                .param("m", municipalityCode)
                .param("d", date)
                .query(String.class)
                .optional();
    }

    /** The legal bases in scope of the scheme on a date (phase 1: SEL § 108 and ABL § 105). */
    public Set<LegalBasis> legalBasesInScope(LocalDate date) {
        List<String> codes = jdbc.sql("""
                        select legal_basis from legal_basis_scope
                         where valid_from <= :d and (valid_to is null or valid_to >= :d)
                        """).param("d", date).query(String.class).list();
        Set<LegalBasis> result = EnumSet.noneOf(LegalBasis.class);
        codes.forEach(code -> result.add(LegalBasis.valueOf(code)));
        return result;
    }

    /** Forgets cached reference data after a dated change (e.g. a region merger). */
    @org.springframework.context.event.EventListener
    void on(RegionsMerged merged) {
        refresh();
    }

    public void refresh() {
        municipalities = null;
    }
}
