package dk.botilbudslaege.coverage;

import dk.botilbudslaege.registry.Facilities;
import dk.botilbudslaege.registry.ReferenceData;
import dk.botilbudslaege.registry.RegistryOverview;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The start page (Oversigt): who you are, what your scope holds, and the coverage dashboard — today
 * or on a chosen date (C1–C3). The figures are aggregates for every role; a municipal user also sees
 * their own municipality's figures. Choosing a date swaps the figures in place (htmx) or reloads the
 * page without JavaScript.
 */
@Controller
class DashboardController {

    private final RegistryOverview overview;
    private final ReferenceData reference;
    private final MessageSource messages;
    private final CoverageCache cache;
    private final Facilities facilities;
    private final DashboardFigures figures;

    DashboardController(
            RegistryOverview overview,
            ReferenceData reference,
            MessageSource messages,
            CoverageCache cache,
            Facilities facilities,
            DashboardFigures figures) {
        this.figures = figures;
        this.messages = messages;
        this.facilities = facilities;
        this.cache = cache;
        this.overview = overview;
        this.reference = reference;
    }

    // issue 16 item 1: the dashboard moved from / (now each role's start page) to /coverage
    @GetMapping("/coverage")
    String home(
            CurrentUser user,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String scope,
            Model model) {
        model.addAttribute("nav", "overview");
        model.addAttribute("summary", overview.summary(user));
        String region = figuresRegion(user, scope);
        // review 16 finding 2: a region's (or municipality's) page lists its own region only, not the others'
        model.addAttribute(
                "byRegion",
                byRegion().stream()
                        .filter(r -> region == null || r.code().equals(region))
                        .toList());
        model.addAttribute("scopeName", scopeName(user));
        model.addAttribute("summaryScope", summaryScope(user));
        // re-check of review 16: a municipality's counts of facilities are its own, its practices and doctors its
        // region's
        model.addAttribute(
                "summaryDoctorsScope",
                user.is(dk.botilbudslaege.security.Role.MUNICIPALITY)
                        ? reference.regionName(user.regionCode()).orElse(user.regionCode())
                        : null);
        model.addAttribute("summaryNational", user.national() || user.is(dk.botilbudslaege.security.Role.ADMIN));
        model.addAttribute(
                "ownRegionName",
                user.regionCode() == null
                        ? ""
                        : reference.regionName(user.regionCode()).orElse(user.regionCode()));
        model.addAttribute("canCreateFacility", user.is(Role.REGION) || user.is(Role.MUNICIPALITY));
        addFigures(user, date, scope, model);
        return "home";
    }

    /**
     * The figures alone, for the htmx swap when a date is chosen: the HTML the page holds, in the caller's language
     * (Content-Language, as a view sets it).
     */
    @GetMapping(value = "/coverage/figures", produces = "text/html;charset=UTF-8")
    @ResponseBody
    String figures(
            CurrentUser user,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String scope,
            HttpServletResponse response) {
        Locale locale = LocaleContextHolder.getLocale();
        response.setLocale(locale);
        return figures.of(user, date, figuresRegion(user, scope), byRegion(), locale)
                .html();
    }

    /**
     * Review 16 finding 2: whose figures the page shows. A user with a region (region, municipality, facility,
     * doctor) sees their region's figures unless they choose the whole country ({@code scope=national}); the national
     * viewer and the administrator see the whole country. A municipality sees its region's figures (the coverage
     * module reads per region, and the municipality's own figure is the "din kommune" box beside them).
     */
    static String figuresRegion(CurrentUser user, String scope) {
        if (user.national() || user.regionCode() == null || "national".equals(scope)) {
            return null;
        }
        return user.regionCode();
    }

    private void addFigures(CurrentUser user, String date, String scope, Model model) {
        String region = figuresRegion(user, scope);
        model.addAttribute("figuresRegion", region);
        model.addAttribute(
                "figuresScopeName",
                region == null ? null : reference.regionName(region).orElse(region));
        model.addAttribute("canChooseScope", !user.national() && user.regionCode() != null);
        DashboardFigures.Figures shown = figures.of(user, date, region, byRegion(), LocaleContextHolder.getLocale());
        model.addAttribute("o", shown.overview());
        model.addAttribute("figuresHtml", shown.html());
    }

    /**
     * i17-cov: the registry's counts per region, read once while the data behind them is unchanged: they count
     * facilities, their places and legal bases in scope today, by the regions of today, and each of those tables
     * draws a new coverage data version when it changes (V7); the cache's key carries the database's date.
     */
    List<RegistryOverview.RegionCount> byRegion() {
        return cache.get("registry-by-region", overview::byRegion);
    }

    /** A breakdown with its heading. */
    record Group(String titleKey, List<CoverageRow> rows) {}

    /** Review 16 finding 2: what the registry counts at the top cover (RegistryOverview.summary's scope). */
    private String summaryScope(CurrentUser user) {
        return switch (user.role()) {
            case MUNICIPALITY ->
                reference
                        .municipality(user.municipalityCode())
                        .map(m -> m.name() + " Kommune")
                        .orElse(user.municipalityCode());
            // review 17: the facility's own name (its counts are its own), not the signed-in person's
            case FACILITY ->
                user.facilityId() == null
                        ? user.displayName()
                        : facilities.get(user, user.facilityId()).name();
            case REGION, DOCTOR -> reference.regionName(user.regionCode()).orElse(user.regionCode());
            case NATIONAL, ADMIN -> messages.getMessage("reports.national", null, LocaleContextHolder.getLocale());
        };
    }

    private String scopeName(CurrentUser user) {
        return switch (user.role()) {
            case REGION -> reference.regionName(user.regionCode()).orElse(user.regionCode());
            case MUNICIPALITY ->
                reference
                        .municipality(user.municipalityCode())
                        .map(m -> m.name())
                        .orElse(user.municipalityCode());
            case FACILITY, DOCTOR, NATIONAL, ADMIN -> user.displayName();
        };
    }
}
