package dk.botilbudslaege.coverage;

import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.registry.ReferenceData;
import dk.botilbudslaege.registry.RegistryOverview;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The start page (Oversigt): who you are, what your scope holds, and the coverage dashboard — today
 * or on a chosen date (C1–C3). The figures are aggregates for every role; a municipal user also sees
 * their own municipality's figures. Choosing a date swaps the figures in place (htmx) or reloads the
 * page without JavaScript.
 */
@Controller
class DashboardController {

    static final int BAR_WIDTH = 640;
    static final int LINE_WIDTH = 1100;

    private final Coverage coverage;
    private final RegistryOverview overview;
    private final ReferenceData reference;

    DashboardController(Coverage coverage, RegistryOverview overview, ReferenceData reference) {
        this.coverage = coverage;
        this.overview = overview;
        this.reference = reference;
    }

    // issue 16 item 1: the dashboard moved from / (now each role's start page) to /coverage
    @GetMapping("/coverage")
    String home(CurrentUser user, @RequestParam(required = false) String date, Model model) {
        model.addAttribute("nav", "overview");
        model.addAttribute("summary", overview.summary(user));
        model.addAttribute("byRegion", overview.byRegion());
        model.addAttribute("scopeName", scopeName(user));
        model.addAttribute("canCreateFacility", user.is(Role.REGION) || user.is(Role.MUNICIPALITY));
        addFigures(user, date, model);
        return "home";
    }

    /** The figures alone, for the htmx swap when a date is chosen. */
    @GetMapping("/coverage/figures")
    String figures(CurrentUser user, @RequestParam(required = false) String date, Model model) {
        addFigures(user, date, model);
        return "home :: figures";
    }

    private void addFigures(CurrentUser user, String date, Model model) {
        Coverage.Overview o;
        try {
            o = coverage.overview(date, null);
        } catch (InvalidInputException e) {
            model.addAttribute("dateError", true);
            o = coverage.overview(null, null);
        }
        model.addAttribute("o", o);
        model.addAttribute("t", o.targets());
        model.addAttribute("day", o.date().format(ReportController.DANISH_DATE));
        model.addAttribute("isToday", o.date().equals(Coverage.today()));
        model.addAttribute("percent", new ReportController.Percent());
        model.addAttribute(
                "bars",
                Charts.bars(
                        o.ranked().stream()
                                .map(m -> new Charts.Item(
                                        m.coverage().name(), m.coverage().coverage()))
                                .toList(),
                        BAR_WIDTH));
        model.addAttribute("line", Charts.line(o.history(), LINE_WIDTH, 260));
        model.addAttribute(
                "breakdowns",
                List.of(
                        new Group("coverage.by.operator", o.byOperator()),
                        new Group("coverage.by.legalBasis", o.byLegalBasis()),
                        new Group("coverage.by.size", o.bySize())));
        model.addAttribute(
                "own",
                user.is(Role.MUNICIPALITY)
                        ? o.municipalities().stream()
                                .filter(m -> m.coverage().code().equals(user.municipalityCode()))
                                .findFirst()
                                .orElse(null)
                        : null);
    }

    /** A breakdown with its heading. */
    record Group(String titleKey, List<CoverageRow> rows) {}

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
