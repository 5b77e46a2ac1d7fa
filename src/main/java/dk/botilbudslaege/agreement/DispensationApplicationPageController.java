package dk.botilbudslaege.agreement;

import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.FormErrors;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Applications for dispensations as pages: the applicant's form and list with the answers, the
 * region's queue, and its decision (grant after a confirmation stating what the dispensation allows,
 * which works without JavaScript; refuse with a reason).
 */
@Controller
@RequestMapping("/dispensation-applications")
class DispensationApplicationPageController {

    private final DispensationApplications applications;
    private final AgreementChoices choices;
    private final MessageSource messages;

    DispensationApplicationPageController(
            DispensationApplications applications, AgreementChoices choices, MessageSource messages) {
        this.applications = applications;
        this.choices = choices;
        this.messages = messages;
    }

    @ModelAttribute("nav")
    String nav() {
        return "agreements";
    }

    @GetMapping
    String list(CurrentUser user, Model model) {
        model.addAttribute("applications", applications.list(user, null));
        model.addAttribute("canApply", DispensationApplications.canApply(user));
        model.addAttribute("isRegion", user.is(Role.REGION));
        return "dispensations/applications";
    }

    @GetMapping("/new")
    String newForm(
            CurrentUser user,
            @org.springframework.web.bind.annotation.RequestParam(required = false) List<String> facilityIds,
            Model model) {
        DispensationApplicationForm form = new DispensationApplicationForm();
        form.setKind(DispensationKind.MULTIPLE_FACILITIES);
        // review 16 finding 5: the facilities chosen before a search without JavaScript ("Søg") stay chosen
        if (facilityIds != null) {
            form.setFacilityIds(facilityIds.stream()
                    .filter(v -> v != null && v.matches("\\d{1,18}"))
                    .map(Long::valueOf)
                    .distinct()
                    .toList());
        }
        if (user.is(Role.DOCTOR)) {
            form.setDoctorId(user.doctorId());
        }
        return showForm(user, form, model);
    }

    @PostMapping
    String apply(
            CurrentUser user,
            @Valid @ModelAttribute("form") DispensationApplicationForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        var filed = FormErrors.attempt(binding, () -> applications.apply(user, form));
        if (filed.isPresent()) {
            redirect.addFlashAttribute("flash", text("dispensationApplication.flash.applied"));
            return "redirect:/dispensation-applications/" + filed.get().id();
        }
        return showForm(user, form, model);
    }

    @GetMapping("/{id}")
    String detail(CurrentUser user, @PathVariable long id, Model model) {
        DispensationApplication application = applications.get(user, id);
        if (!model.containsAttribute("decision")) {
            model.addAttribute("decision", new DispensationDecisionForm());
        }
        return showDetail(user, application, model);
    }

    /** First step shows what the dispensation allows; the confirmed second step grants it. */
    @PostMapping("/{id}/grant")
    String grant(
            CurrentUser user,
            @PathVariable long id,
            @Valid @ModelAttribute("decision") DispensationDecisionForm decision,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        DispensationApplication application = applications.get(user, id);
        if (!DispensationApplications.canDecide(user, application)) {
            // the service answers 403 or 409 as the API does
            applications.grant(user, id, decision);
        }
        if (!decision.isConfirmed() && !binding.hasErrors()) {
            var allows = applications.allows(application, decision);
            model.addAttribute("app", application);
            model.addAttribute(
                    "allows",
                    messages.getMessage(allows.messageKey(), allows.args().toArray(), LocaleContextHolder.getLocale()));
            return "dispensations/application-grant";
        }
        if (FormErrors.attempt(binding, () -> applications.grant(user, id, decision))
                .isPresent()) {
            redirect.addFlashAttribute("flash", text("dispensationApplication.flash.granted"));
            return "redirect:/dispensation-applications/" + id;
        }
        return showDetail(user, application, model);
    }

    @PostMapping("/{id}/refuse")
    String refuse(
            CurrentUser user,
            @PathVariable long id,
            @Valid @ModelAttribute("decision") DispensationDecisionForm decision,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        DispensationApplication application = applications.get(user, id);
        if (FormErrors.attempt(binding, () -> applications.refuse(user, id, decision.getReason()))
                .isPresent()) {
            redirect.addFlashAttribute("flash", text("dispensationApplication.flash.refused"));
            return "redirect:/dispensation-applications/" + id;
        }
        return showDetail(user, application, model);
    }

    private String showForm(CurrentUser user, DispensationApplicationForm form, Model model) {
        if (!DispensationApplications.canApply(user)) {
            throw new ForbiddenException("scope.dispensationApplication.apply");
        }
        model.addAttribute("form", form);
        model.addAttribute("kinds", DispensationKind.values());
        model.addAttribute(
                "doctors", user.is(Role.MUNICIPALITY) ? choices.doctors(user, user.municipalityCode()) : List.of());
        model.addAttribute("isDoctor", user.is(Role.DOCTOR));
        return "dispensations/application-form";
    }

    private String showDetail(CurrentUser user, DispensationApplication application, Model model) {
        model.addAttribute("app", application);
        model.addAttribute("canDecide", DispensationApplications.canDecide(user, application));
        return "dispensations/application";
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
