package dk.botilbudslaege.registry;

import dk.botilbudslaege.common.FormErrors;
import dk.botilbudslaege.security.CurrentUser;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages for change requests: the doctor files one from the practice page ("Anmod om ændring"); the
 * region works through its queue, approving after a confirmation that states the consequence.
 */
@Controller
class ChangeRequestPageController {

    private final ChangeRequests changeRequests;
    private final PracticePageController practicePages;
    private final MessageSource messages;

    ChangeRequestPageController(
            ChangeRequests changeRequests, PracticePageController practicePages, MessageSource messages) {
        this.changeRequests = changeRequests;
        this.practicePages = practicePages;
        this.messages = messages;
    }

    @ModelAttribute("nav")
    String nav() {
        return "practices";
    }

    @GetMapping("/change-requests")
    String list(CurrentUser user, Model model) {
        List<ChangeRequest> requests = changeRequests.list(user, null);
        model.addAttribute("requests", requests);
        model.addAttribute("canDecide", ChangeRequests.canDecide(user));
        model.addAttribute(
                "consequences",
                requests.stream().collect(java.util.stream.Collectors.toMap(ChangeRequest::id, this::consequence)));
        return "practices/change-requests";
    }

    @PostMapping("/practices/{id}/change-requests")
    String file(
            CurrentUser user,
            @PathVariable long id,
            @ModelAttribute("changeRequestForm") ChangeRequestForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        form.setPracticeId(id);
        if (FormErrors.attempt(binding, () -> changeRequests.file(user, form)).isPresent()) {
            redirect.addFlashAttribute("flash", text("changeRequest.filed"));
            return "redirect:/practices/" + id;
        }
        return practicePages.detail(user, id, model);
    }

    /** The confirmation: what approving will do, e.g. "Fra 01-01-2027 udbetales honorar med moms". */
    @GetMapping("/change-requests/{id}/approve")
    String confirmApprove(CurrentUser user, @PathVariable long id, Model model) {
        ChangeRequest request = changeRequests.get(user, id);
        model.addAttribute("request", request);
        model.addAttribute("consequence", consequence(request));
        model.addAttribute("canDecide", ChangeRequests.canDecide(user) && request.pending());
        return "practices/change-request-approve";
    }

    @PostMapping("/change-requests/{id}/approve")
    String approve(CurrentUser user, @PathVariable long id, Model model, RedirectAttributes redirect) {
        BindingResult binding = new MapBindingResult(new java.util.HashMap<>(), "decision");
        if (FormErrors.attempt(binding, () -> changeRequests.approve(user, id)).isPresent()) {
            redirect.addFlashAttribute("flash", text("changeRequest.approved"));
            return "redirect:/change-requests";
        }
        model.addAttribute("decisionErrors", errors(binding));
        return confirmApprove(user, id, model);
    }

    @PostMapping("/change-requests/{id}/reject")
    String reject(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect) {
        BindingResult binding = new MapBindingResult(new java.util.HashMap<>(), "decision");
        if (FormErrors.attempt(binding, () -> changeRequests.reject(user, id, reason))
                .isPresent()) {
            redirect.addFlashAttribute("flash", text("changeRequest.rejected"));
            return "redirect:/change-requests";
        }
        model.addAttribute("decisionErrors", errors(binding));
        model.addAttribute("rejectingId", id);
        return list(user, model);
    }

    private List<String> errors(BindingResult binding) {
        return binding.getAllErrors().stream()
                .map(e -> messages.getMessage(e, LocaleContextHolder.getLocale()))
                .toList();
    }

    private String consequence(ChangeRequest request) {
        ChangeRequests.Consequence c = ChangeRequests.consequence(request);
        return messages.getMessage(c.messageKey(), c.args().toArray(), LocaleContextHolder.getLocale());
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
