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

    /**
     * The confirmation page of an accept, a GET (issue 13 review: a page from a POST gave 405 on a language switch
     * and re-posted on reload). {@code version} is the version the user opened; when the plan has changed since,
     * the page shows what changed. A user who cannot accept now is sent back to the plan with the reason.
     */
    @GetMapping("/agreements/{id}/cooperation-plan/accept")
    String confirmAccept(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            Model model,
            RedirectAttributes redirect) {
        Agreement a = plans.agreement(user, id);
        CooperationPlan plan = plans.find(user, id).orElse(null);
        if (!plans.mayAccept(user, a, plan)) {
            if (plans.sideOf(user, a).isEmpty()) {
                throw new dk.botilbudslaege.common.ForbiddenException("scope.cooperationPlan.accept");
            }
            redirect.addFlashAttribute("actionError", text(refusal(a, plan)));
            return "redirect:/agreements/" + id + "/cooperation-plan";
        }
        model.addAttribute("agreement", a);
        model.addAttribute("plan", plan);
        model.addAttribute("names", plans.names(java.util.List.of(plan)));
        if (version != null && version < plan.version()) {
            CooperationPlan opened = plans.versions(user, id).stream()
                    .filter(v -> v.version() == version)
                    .findFirst()
                    .orElse(null);
            model.addAttribute("openedVersion", version);
            model.addAttribute("changes", opened == null ? java.util.List.of() : changes(opened, plan));
        }
        return "collaboration/plan-accept";
    }

    /** Why the user cannot accept the plan now (a party of the agreement). */
    private static String refusal(Agreement a, CooperationPlan plan) {
        if (plan == null) {
            return "cooperationPlan.missing";
        }
        if (plan.accepted()) {
            return "cooperationPlan.alreadyAccepted";
        }
        if (!CooperationPlans.running(a)) {
            return "cooperationPlan.agreementNotRunning";
        }
        return "cooperationPlan.ownDraft";
    }

    /**
     * The accept itself, posted from the confirmation page ({@code confirmed=true}). A post without it, or with a
     * version older than the current one, is sent to the confirmation page (which shows what changed).
     */
    @PostMapping("/agreements/{id}/cooperation-plan/accept")
    String accept(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            @RequestParam(defaultValue = "false") boolean confirmed,
            RedirectAttributes redirect) {
        Agreement a = plans.agreement(user, id);
        CooperationPlan plan = plans.find(user, id).orElse(null);
        boolean stale = plan != null && version != null && version < plan.version();
        if ((!confirmed || stale) && plans.mayAccept(user, a, plan)) {
            return "redirect:/agreements/" + id + "/cooperation-plan/accept"
                    + (version == null ? "" : "?version=" + version);
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
        java.util.List<CooperationPlan> versions = plans.versions(user, a.id());
        model.addAttribute("versions", versions);
        model.addAttribute("names", plans.names(versions));
        model.addAttribute(
                "contactLocked", plan != null && plans.sideOf(user, a).orElse(null) == CooperationPlan.Side.DOCTOR);
        model.addAttribute("contacts", plans.contacts(user, a.id()));
        model.addAttribute("roles", CooperationPlan.ContactRole.values());
        return "collaboration/plan";
    }

    /** A field that differs between the version the user opened and the current one. */
    record FieldChange(String label, String before, String after) {}

    private java.util.List<FieldChange> changes(CooperationPlan before, CooperationPlan after) {
        java.util.List<FieldChange> changes = new java.util.ArrayList<>();
        change(changes, "cooperationPlan.startDate", date(before.startDate()), date(after.startDate()));
        change(changes, "cooperationPlan.scope", before.scope(), after.scope());
        change(changes, "cooperationPlan.schedule", before.schedule(), after.schedule());
        change(changes, "cooperationPlan.meetings", before.meetings(), after.meetings());
        change(changes, "cooperationPlan.communication", before.communication(), after.communication());
        change(changes, "cooperationPlan.contactName", before.contactName(), after.contactName());
        change(changes, "cooperationPlan.contactRole", role(before), role(after));
        change(changes, "cooperationPlan.contactEmail", before.contactEmail(), after.contactEmail());
        change(changes, "cooperationPlan.contactPhone", before.contactPhone(), after.contactPhone());
        change(changes, "cooperationPlan.substituteDoctor", substitute(before), substitute(after));
        return changes;
    }

    private void change(java.util.List<FieldChange> changes, String labelKey, String before, String after) {
        if (!java.util.Objects.equals(before, after)) {
            changes.add(new FieldChange(text(labelKey), before == null ? "–" : before, after == null ? "–" : after));
        }
    }

    private static String date(java.time.LocalDate day) {
        return day == null ? null : dk.botilbudslaege.common.DanishFormats.date(day);
    }

    private String role(CooperationPlan p) {
        return p.contactRole() == null ? null : text("cooperationPlan.contactRole." + p.contactRole());
    }

    private String substitute(CooperationPlan p) {
        return p.substituteDoctor() == null ? text("cooperationPlan.substituteDoctor.none") : p.substituteDoctor();
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
