package dk.botilbudslaege.web;

import dk.botilbudslaege.registry.ReferenceData;
import dk.botilbudslaege.registry.RegistryOverview;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page (Oversigt): who you are, what your scope holds, and the regional picture. */
@Controller
class HomeController {

    private final RegistryOverview overview;
    private final ReferenceData reference;

    HomeController(RegistryOverview overview, ReferenceData reference) {
        this.overview = overview;
        this.reference = reference;
    }

    @GetMapping("/")
    String home(CurrentUser user, Model model) {
        model.addAttribute("nav", "overview");
        model.addAttribute("summary", overview.summary(user));
        model.addAttribute("byRegion", overview.byRegion());
        model.addAttribute("scopeName", scopeName(user));
        model.addAttribute("canCreateFacility", user.is(Role.REGION) || user.is(Role.MUNICIPALITY));
        return "home";
    }

    private String scopeName(CurrentUser user) {
        return switch (user.role()) {
            case REGION -> reference.regionName(user.regionCode()).orElse(user.regionCode());
            case MUNICIPALITY -> reference.municipality(user.municipalityCode())
                    .map(m -> m.name()).orElse(user.municipalityCode());
            case FACILITY, DOCTOR, NATIONAL -> user.displayName();
        };
    }
}
