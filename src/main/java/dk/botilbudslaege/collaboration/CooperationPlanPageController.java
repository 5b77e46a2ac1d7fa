package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.agreement.Agreement;
import dk.botilbudslaege.common.FormErrors;
import dk.botilbudslaege.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The cooperation plan of an agreement as a page: the current version, the form for a new draft (the parties),
 * the accept button with its confirmation (the other party), the versions and the contact persons' history; and
 * the list of running agreements without an accepted plan for the region and the municipality.
 */
@Controller
class CooperationPlanPageController {

    private final CooperationPlans plans;
    private final MessageSource messages;

    CooperationPlanPageController(CooperationPlans plans, MessageSource messages) {
        this.plans = plans;
        this.messages = messages;
    }

    @GetMapping("/agreements/{id}/cooperation-plan")
    String page(CurrentUser user, @PathVariable long id, Model model) {
        Agreement a = plans.agreement(user, id);
        CooperationPlan plan = plans.find(user, id).orElse(null);
        CooperationPlanForm form = plan == null ? newForm(a) : CooperationPlanForm.of(plan);
        return show(user, a, plan, form, model);
    }

    @PostMapping("/agreements/{id}/cooperation-plan")
    String save(
            CurrentUser user,
            @PathVariable long id,
            @ModelAttribute("form") CooperationPlanForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (FormErrors.attempt(binding, () -> plans.draft(user, id, form)).isPresent()) {
            redirect.addFlashAttribute("flash", text("cooperationPlan.flash.saved"));
            return "redirect:/agreements/" + id + "/cooperation-plan";
        }
        Agreement a = plans.agreement(user, id);
        return show(user, a, plans.find(user, id).orElse(null), form, model);
    }

    @PostMapping("/agreements/{id}/cooperation-plan/accept")
    String accept(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            @RequestParam(defaultValue = "false") boolean confirmed,
            Model model,
            RedirectAttributes redirect) {
        Agreement a = plans.agreement(user, id);
        CooperationPlan plan = plans.find(user, id).orElse(null);
        if (!confirmed && plans.mayAccept(user, a, plan)) {
            model.addAttribute("agreement", a);
            model.addAttribute("plan", plan);
            return "collaboration/plan-accept";
        }
        try {
            plans.accept(user, id, version);
            redirect.addFlashAttribute("flash", text("cooperationPlan.flash.accepted"));
        } catch (dk.botilbudslaege.common.ConflictException e) {
            redirect.addFlashAttribute("actionError", text(e.messageKey()));
        } catch (dk.botilbudslaege.common.ConcurrentChangeException e) {
            redirect.addFlashAttribute("actionError", text("form.concurrentChange"));
        }
        return "redirect:/agreements/" + id + "/cooperation-plan";
    }

    @GetMapping("/cooperation-plans/missing")
    String missing(CurrentUser user, Model model) {
        model.addAttribute("rows", plans.missing(user));
        return "collaboration/plans-missing";
    }

    private String show(CurrentUser user, Agreement a, CooperationPlan plan, CooperationPlanForm form, Model model) {
        boolean running = CooperationPlans.running(a);
        model.addAttribute("agreement", a);
        model.addAttribute("plan", plan);
        model.addAttribute("form", form);
        model.addAttribute("running", running);
        model.addAttribute("mayDraft", running && plans.sideOf(user, a).isPresent());
        model.addAttribute("mayAccept", plans.mayAccept(user, a, plan));
        model.addAttribute("colleagues", plans.colleagues(a));
        model.addAttribute("versions", plans.versions(user, a.id()));
        model.addAttribute("contacts", plans.contacts(user, a.id()));
        model.addAttribute("roles", CooperationPlan.ContactRole.values());
        return "collaboration/plan";
    }

    private static CooperationPlanForm newForm(Agreement a) {
        CooperationPlanForm form = new CooperationPlanForm();
        form.setStartDate(a.startDate().isAfter(CooperationPlans.today()) ? a.startDate() : CooperationPlans.today());
        return form;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
