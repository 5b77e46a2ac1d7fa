package dk.botilbudslaege.registry;

import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.security.CurrentUser;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The groups page: existing groups with their residents, and same-address proposals to accept (R7). */
@Controller
@RequestMapping("/facilities/groups")
class FacilityGroupPageController {

    private final FacilityGroups groups;
    private final MessageSource messages;

    FacilityGroupPageController(FacilityGroups groups, MessageSource messages) {
        this.groups = groups;
        this.messages = messages;
    }

    @GetMapping
    String page(CurrentUser user, Model model) {
        model.addAttribute("nav", "facilities");
        model.addAttribute("groups", groups.groups(user));
        model.addAttribute("proposals", groups.proposals(user));
        return "facilities/groups";
    }

    @PostMapping
    String create(
            CurrentUser user,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) GroupKind kind,
            @RequestParam(required = false) List<Long> facilityIds,
            RedirectAttributes redirect) {
        try {
            groups.create(user, name, kind, facilityIds);
            redirect.addFlashAttribute("flash", text("group.flash.created", null));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "actionErrors",
                    e.problems().stream()
                            .map(p -> text(p.messageKey(), p.args().toArray()))
                            .toList());
        } catch (ForbiddenException e) {
            redirect.addFlashAttribute("actionErrors", List.of(text(e.messageKey(), null)));
        }
        return "redirect:/facilities/groups";
    }

    private String text(String key, Object[] args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
