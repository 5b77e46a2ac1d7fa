package dk.botilbudslaege.coverage;

import dk.botilbudslaege.common.DanishFormats;
import dk.botilbudslaege.registry.ReferenceData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coverage as of any date (SPEC §5): the module's API for its controllers, the dashboard and the
 * reports. Every answer is an aggregate, readable by every signed-in role (SPEC §1); parameters come
 * in as the caller wrote them and bad ones are a 400 naming the field.
 */
@Service
@Transactional(readOnly = true)
public class Coverage {

    static final ZoneId DANISH_TIME = dk.botilbudslaege.web.DanishTime.DENMARK;

    private static final Map<Breakdown, List<String>> ALWAYS_SHOWN = Map.of(
            Breakdown.OPERATOR, List.of("MUNICIPAL", "REGIONAL", "PRIVATE"),
            Breakdown.LEGAL_BASIS, List.of(),
            Breakdown.SIZE, List.of("UP_TO_30", "OVER_30"));

    private final CoverageQueries queries;
    private final ReferenceData reference;
    private final CoverageTargets targets;

    Coverage(CoverageQueries queries, ReferenceData reference, CoverageTargets targets) {
        this.queries = queries;
        this.reference = reference;
        this.targets = targets;
    }

    public static LocalDate today() {
        return LocalDate.now(DANISH_TIME);
    }

    /**
     * {@code GET /coverage}: one row for the nation, or a row per region or per municipality; the region
     * code (checked on every level) narrows the regional and municipal levels.
     */
    public List<CoverageRow> table(String date, String level, String regionCode) {
        CoverageInput input = new CoverageInput();
        LocalDate day = input.date("date", date, today());
        Level chosen = input.level(level);
        String region = region(input, regionCode);
        input.check();
        return switch (chosen) {
            case NATIONAL -> List.of(queries.national(day, null));
            case REGION -> queries.regions(day, region);
            case MUNICIPALITY ->
                queries.municipalities(day, region).stream()
                        .map(MunicipalityCoverage::coverage)
                        .toList();
        };
    }

    /** {@code GET /coverage/history}: one row a month, at most ten years. */
    public List<HistoryRow> history(String from, String to, String level, String code) {
        CoverageInput input = new CoverageInput();
        LocalDate last = input.date("to", to, today());
        LocalDate first = input.date("from", from, last.minusMonths(11).withDayOfMonth(1));
        input.period(first, last);
        Level chosen = input.level(level);
        String region = null;
        String municipality = null;
        if (chosen == Level.REGION) {
            region = known(input, code, reference.regionName(blankToNull(code)).isPresent());
        } else if (chosen == Level.MUNICIPALITY) {
            municipality =
                    known(input, code, reference.municipality(blankToNull(code)).isPresent());
        }
        input.check();
        return queries.history(first, last, region, municipality);
    }

    /** C2: by operator, legal basis or size. */
    public List<CoverageRow> breakdown(String date, String regionCode, String by) {
        CoverageInput input = new CoverageInput();
        LocalDate day = input.date("date", date, today());
        Breakdown chosen = input.breakdown(by);
        String region = region(input, regionCode);
        input.check();
        return breakdown(day, region, chosen);
    }

    /** C3: progress toward the target of the day ({@link CoverageTargets#on}) and toward every municipality. */
    public Targets targets(String date) {
        CoverageInput input = new CoverageInput();
        LocalDate day = input.date("date", date, today());
        input.check();
        return targets(day, null);
    }

    /** The per-municipality table of the day, all municipalities. */
    public List<MunicipalityCoverage> municipalities(String date) {
        CoverageInput input = new CoverageInput();
        LocalDate day = input.date("date", date, today());
        input.check();
        return queries.municipalities(day, null);
    }

    /** i16-rest: one region's row of today (a start page), read for that region only. */
    public java.util.Optional<CoverageRow> regionRow(String regionCode) {
        if (regionCode == null) {
            return java.util.Optional.empty();
        }
        return queries.regions(today(), regionCode).stream()
                .filter(r -> r.code().equals(regionCode))
                .findFirst();
    }

    /** i16-rest: one municipality's row of today (a start page), read within its region only. */
    public java.util.Optional<CoverageRow> municipalityRow(String regionCode, String municipalityCode) {
        if (municipalityCode == null) {
            return java.util.Optional.empty();
        }
        return queries.municipalities(today(), regionCode).stream()
                .map(MunicipalityCoverage::coverage)
                .filter(c -> c.code().equals(municipalityCode))
                .findFirst();
    }

    /** Everything the dashboard and the reports show for one date, nationally or for one region. */
    public Overview overview(String date, String regionCode) {
        CoverageInput input = new CoverageInput();
        LocalDate day = input.date("date", date, today());
        String region = region(input, regionCode);
        input.check();
        List<MunicipalityCoverage> municipalities = queries.municipalities(day, region);
        LocalDate historyFrom = day.minusMonths(17).withDayOfMonth(1);
        return new Overview(
                day,
                region,
                region == null ? null : reference.regionName(region).orElse(region),
                queries.national(day, region),
                queries.regions(day, region),
                municipalities,
                queries.history(historyFrom, day, region, null),
                targets(day, region),
                breakdown(day, region, Breakdown.OPERATOR),
                breakdown(day, region, Breakdown.LEGAL_BASIS),
                breakdown(day, region, Breakdown.SIZE),
                queries.matchMethods(day, region),
                queries.dispensations(day, region));
    }

    private Targets targets(LocalDate day, String region) {
        List<MunicipalityCoverage> municipalities = queries.municipalities(day, region);
        long withFacilities = municipalities.stream()
                .filter(MunicipalityCoverage::hasFacilities)
                .count();
        List<MunicipalityCoverage> zero = municipalities.stream()
                .filter(MunicipalityCoverage::atZero)
                .sorted(Comparator.comparing(MunicipalityCoverage::regionCode)
                        .thenComparing(m -> m.coverage().name()))
                .toList();
        long covered = queries.national(day, null).coveredFacilities();
        CoverageTargets.Target target = targets.on(day);
        return new Targets(
                day,
                covered,
                target.facilities(),
                target.targetDate(),
                CoverageRule.fraction(Math.min(covered, target.facilities()), target.facilities()),
                withFacilities,
                withFacilities - zero.size(),
                zero.stream().map(Targets.ZeroMunicipality::of).toList(),
                residentsChoice(day, region));
    }

    /** C5 nationally or in the region: the counts against the facilities with a fixed doctor on the day. */
    private Targets.ResidentsChoice residentsChoice(LocalDate day, String region) {
        long[] counts = queries.residentsChoice(day, region);
        long covered = queries.national(day, region).coveredFacilities();
        return Targets.ResidentsChoice.of(counts[0], counts[1], counts[2], covered);
    }

    private List<CoverageRow> breakdown(LocalDate day, String region, Breakdown by) {
        Map<String, CoverageRow> found = queries.breakdown(day, region, by);
        List<CoverageRow> rows = new ArrayList<>();
        for (String key : ALWAYS_SHOWN.get(by)) {
            CoverageRow row = found.remove(key);
            rows.add(named(row == null ? CoverageRow.of(key, key, 0, 0, 0, 0, 0) : row));
        }
        found.values().forEach(row -> rows.add(named(row)));
        return rows;
    }

    private static CoverageRow named(CoverageRow row) {
        return row.named(DanishFormats.labelOrCode("coverage.group.", row.code()));
    }

    private String region(CoverageInput input, String regionCode) {
        String code = blankToNull(regionCode);
        if (code != null && reference.regionName(code).isEmpty()) {
            input.problem("regionCode", "coverage.regionCode.unknown");
            return null;
        }
        return code;
    }

    private static String known(CoverageInput input, String code, boolean known) {
        if (blankToNull(code) == null) {
            input.problem("code", "coverage.code.required");
            return null;
        }
        if (!known) {
            input.problem("code", "coverage.code.unknown");
            return null;
        }
        return code.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The national (or one region's) picture of one day: what the dashboard and the reports show. */
    public record Overview(
            LocalDate date,
            String regionCode,
            String regionName,
            CoverageRow total,
            List<CoverageRow> regions,
            List<MunicipalityCoverage> municipalities,
            List<HistoryRow> history,
            Targets targets,
            List<CoverageRow> byOperator,
            List<CoverageRow> byLegalBasis,
            List<CoverageRow> bySize,
            Map<String, Long> matchMethods,
            long dispensations) {

        /**
         * Municipalities with something on its way (issue 11 item 10): an agreement made that starts
         * later or a form awaiting approval, by region and name.
         */
        public List<MunicipalityCoverage> inProgress() {
            return municipalities.stream()
                    .filter(m -> m.coverage().hasPipeline())
                    .sorted(Comparator.comparing(MunicipalityCoverage::regionCode)
                            .thenComparing(m -> m.coverage().name()))
                    .toList();
        }

        /** Municipalities with in-scope facilities, best covered first. */
        public List<MunicipalityCoverage> ranked() {
            return municipalities.stream()
                    .filter(MunicipalityCoverage::hasFacilities)
                    .sorted(Comparator.comparing(
                                    (MunicipalityCoverage m) -> m.coverage().coverage())
                            .reversed()
                            .thenComparing(m -> m.coverage().name()))
                    .toList();
        }

        public BigDecimal placesCoverage() {
            return total.placesCoverage();
        }
    }
}
