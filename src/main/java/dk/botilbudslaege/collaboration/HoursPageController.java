package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The hours overview as a page ({@code /hours?level=&code=&municipality=&onlyShort=&all=}): the key figures follow
 * the municipality filter (that municipality's subtotal), a municipality without running agreements says so (by its
 * name when it is one of the area's, else by the code asked for); the overview is computed once per request. Which agreements are listed: {@link HoursPage}.
 */
@Controller
class HoursPageController {

    private final Hours hours;
    private final HoursFormat format;

    HoursPageController(Hours hours, HoursFormat format) {
        this.hours = hours;
        this.format = format;
    }

    @GetMapping("/hours")
    String overview(
            CurrentUser user,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String municipality,
            @RequestParam(defaultValue = "false") String onlyShort,
            @RequestParam(defaultValue = "false") String all,
            HttpServletRequest request,
            Model model) {
        if (level != null
                && !level.isBlank()
                && !Hours.LEVELS.contains(level.strip().toUpperCase())) {
            // the page names the levels in words, no raw codes (the API's message names both)
            throw InvalidInputException.of(FieldProblem.of("level", "hours.level.unknown.page"));
        }
        Hours.Overview overview = hours.overview(user, level, code);
        String chosen = municipality == null || municipality.isBlank() ? null : municipality.strip();
        Hours.Subtotal figures = overview.asSubtotal();
        boolean unknown = false;
        if (chosen != null) {
            Hours.Subtotal match = overview.municipalities().stream()
                    .filter(s -> s.code().equals(chosen))
                    .findFirst()
                    .orElse(null);
            if (match == null) {
                unknown = true;
            } else {
                figures = match;
            }
        }
        model.addAttribute("nav", "hours");
        model.addAttribute("overview", overview);
        model.addAttribute("figures", figures);
        model.addAttribute("chosen", unknown ? null : chosen);
        model.addAttribute("filtered", chosen != null && !unknown);
        model.addAttribute("unknownMunicipality", unknown ? chosen : null);
        model.addAttribute("unknownMunicipalityName", unknown ? hours.municipalityOfArea(overview, chosen) : null);
        model.addAttribute("onlyShort", onlyShort.equals("true"));
        model.addAttribute(
                "hoursPage",
                HoursPage.of(
                        overview,
                        unknown ? null : chosen,
                        onlyShort.equals("true"),
                        all.equals("true"),
                        new HoursPage.Formats(format.forPage(), format.percentForPage(), format.shortInForPage()),
                        request.getContextPath()));
        return "collaboration/hours";
    }
}
