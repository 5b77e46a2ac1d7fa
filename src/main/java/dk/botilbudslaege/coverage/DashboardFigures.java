package dk.botilbudslaege.coverage;

import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.registry.ReferenceData;
import dk.botilbudslaege.registry.RegistryOverview;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The dashboard's figures (C1–C3) as HTML: the fragment {@code coverage/figures}, on the page {@code /coverage} (the
 * national viewer's start page) and alone for the htmx swap when a date is chosen.
 *
 * <p>i19-misc: the figures of today are rendered once per coverage data version (kept in the {@link CoverageCache},
 * whose key carries the version and the database's date) for each scope, language and own municipality; drawing them
 * (95 bars, 18 points, about 1,400 template expressions) was most of the national start page's cost per request. A
 * chosen date is rendered anew each time, so that any number of dates keeps nothing.
 */
@Component
class DashboardFigures {

    static final int BAR_WIDTH = 640;
    static final int LINE_WIDTH = 1100;

    private final Coverage coverage;
    private final ReferenceData reference;
    private final CoverageCache cache;
    private final ITemplateEngine templates;

    DashboardFigures(Coverage coverage, ReferenceData reference, CoverageCache cache, ITemplateEngine templates) {
        this.coverage = coverage;
        this.reference = reference;
        this.cache = cache;
        this.templates = templates;
    }

    /** The figures of one request: the overview they show and their HTML. */
    record Figures(Coverage.Overview overview, String html) {}

    /**
     * @param region  whose figures ({@link DashboardController#figuresRegion}), null for the whole country
     * @param byRegion the registry's counts per region (a region without facilities says so instead of figures)
     */
    Figures of(
            CurrentUser user, String date, String region, List<RegistryOverview.RegionCount> byRegion, Locale locale) {
        boolean dateError = false;
        // review 19: the date's own problem (no such day, outside 2007-2100, not a date), not always "write it so"
        FieldProblem dateProblem = null;
        Coverage.Overview o;
        try {
            o = coverage.overview(date, region);
        } catch (InvalidInputException e) {
            dateError = true;
            dateProblem = e.problems().isEmpty()
                    ? FieldProblem.of("date", "coverage.date.format")
                    : e.problems().get(0);
            o = coverage.overview(null, region);
        }
        String ownCode = user.is(Role.MUNICIPALITY) ? user.municipalityCode() : null;
        boolean today = o.date().equals(Coverage.today());
        Coverage.Overview overview = o;
        FieldProblem problem = dateProblem;
        // the target of the day is read per request (CoverageTargets draws no version at its commit, only after it)
        String key = String.join(
                "|",
                "figures-html",
                locale.toLanguageTag(),
                o.date().toString(),
                String.valueOf(region),
                String.valueOf(ownCode),
                o.targets().targetFacilities() + "@" + o.targets().targetDate());
        String html = today && !dateError
                ? cache.get(key, () -> render(overview, region, ownCode, byRegion, null, true, locale))
                : render(overview, region, ownCode, byRegion, problem, today, locale);
        return new Figures(o, html);
    }

    private String render(
            Coverage.Overview o,
            String region,
            String ownCode,
            List<RegistryOverview.RegionCount> byRegion,
            FieldProblem dateProblem,
            boolean today,
            Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("dateProblem", dateProblem);
        model.put("figuresRegion", region);
        model.put(
                "figuresScopeName",
                region == null ? null : reference.regionName(region).orElse(region));
        // a region with no facilities says so instead of showing figures (as the start page does)
        model.put(
                "figuresEmpty",
                region != null
                        && byRegion.stream()
                                .filter(r -> r.code().equals(region))
                                .allMatch(r -> r.facilities() == 0));
        model.put("o", o);
        model.put("t", o.targets());
        model.put("day", o.date().format(ReportController.DANISH_DATE));
        model.put("isToday", today);
        model.put("percent", new ReportController.Percent());
        model.put("bars", Charts.rankedBars(o, BAR_WIDTH));
        model.put("line", Charts.line(o.history(), LINE_WIDTH, 260));
        model.put(
                "breakdowns",
                List.of(
                        new DashboardController.Group("coverage.by.operator", o.byOperator()),
                        new DashboardController.Group("coverage.by.legalBasis", o.byLegalBasis()),
                        new DashboardController.Group("coverage.by.size", o.bySize())));
        model.put(
                "own",
                ownCode == null
                        ? null
                        : o.municipalities().stream()
                                .filter(m -> m.coverage().code().equals(ownCode))
                                .findFirst()
                                .orElse(null));
        return templates.process("coverage/figures", Set.of("figures"), new Context(locale, model));
    }
}
