package dk.botilbudslaege.agreement;

import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.FormErrors;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.common.PageDates;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The region grants and ends dispensations; a doctor sees their own. */
@Controller
@RequestMapping("/dispensations")
class DispensationPageController {

    private final Dispensations dispensations;
    private final AgreementChoices choices;
    private final AgreementConfirmations confirmations;
    private final MessageSource messages;

    DispensationPageController(
            Dispensations dispensations,
            AgreementChoices choices,
            AgreementConfirmations confirmations,
            MessageSource messages) {
        this.dispensations = dispensations;
        this.choices = choices;
        this.confirmations = confirmations;
        this.messages = messages;
    }

    @ModelAttribute("nav")
    String nav() {
        return "agreements";
    }

    /** Issue 16 item 7: which dispensations the list shows; in force (and those still to come) by default. */
    enum Shown {
        CURRENT,
        EXPIRED,
        ALL
    }

    @GetMapping
    String list(CurrentUser user, @RequestParam(required = false) String show, Model model) {
        DispensationForm form = new DispensationForm();
        form.setKind(DispensationKind.MULTIPLE_FACILITIES);
        form.setMaxFacilities(2);
        form.setValidFrom(LocalDate.now());
        model.addAttribute("shown", shown(show));
        return show(user, form, model);
    }

    private static Shown shown(String show) {
        if (show != null) {
            for (Shown s : Shown.values()) {
                if (s.name().equalsIgnoreCase(show.strip())) {
                    return s;
                }
            }
        }
        return Shown.CURRENT;
    }

    /** Ended: the last valid day is before today. */
    static boolean expired(Dispensation d, LocalDate today) {
        return d.validTo() != null && d.validTo().isBefore(today);
    }

    @PostMapping
    String grant(
            CurrentUser user,
            @Valid @ModelAttribute("form") DispensationForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (!user.is(Role.REGION)) {
            throw new ForbiddenException("scope.dispensation.grant");
        }
        if (FormErrors.attempt(binding, () -> dispensations.grant(user, form)).isPresent()) {
            redirect.addFlashAttribute("flash", text("dispensation.flash.granted"));
            return "redirect:/dispensations";
        }
        return show(user, form, model);
    }

    /** Ends a dispensation after a confirmation page stating what changes (issue 11 item 5). */
    @PostMapping("/{id}/end")
    String end(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(required = false)
                    @DateTimeFormat(
                            pattern = PageDates.PATTERN,
                            fallbackPatterns = {PageDates.ISO, PageDates.SHORT})
                    LocalDate validTo,
            @RequestParam(defaultValue = "false") boolean confirmed,
            Model model,
            RedirectAttributes redirect) {
        try {
            if (!confirmed) {
                Dispensation dispensation = dispensations.checkEnd(user, id, validTo);
                String doctor = choices.doctorNames(user).getOrDefault(dispensation.doctorId(), "");
                model.addAttribute("confirmation", confirmations.endDispensation(dispensation, doctor, validTo));
                return "agreements/confirm";
            }
            dispensations.end(user, id, validTo);
            redirect.addFlashAttribute("flash", text("dispensation.flash.ended"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "actionErrors",
                    e.problems().stream().map(p -> text(p.messageKey())).toList());
        }
        return "redirect:/dispensations";
    }

    private String show(CurrentUser user, DispensationForm form, Model model) {
        // issue 16 item 7: ended ones ("Udløbet") kept apart from those in force
        LocalDate today = LocalDate.now();
        Shown shown = model.getAttribute("shown") instanceof Shown s ? s : Shown.CURRENT;
        model.addAttribute("shown", shown);
        List<Dispensation> all = dispensations.list(user, null);
        List<Dispensation> current =
                all.stream().filter(d -> !expired(d, today)).toList();
        List<Dispensation> ended = all.stream().filter(d -> expired(d, today)).toList();
        model.addAttribute("currentCount", current.size());
        model.addAttribute("expiredCount", ended.size());
        model.addAttribute("anyDispensation", !all.isEmpty());
        model.addAttribute(
                "dispensations",
                switch (shown) {
                    case CURRENT -> current;
                    case EXPIRED -> ended;
                    case ALL -> all;
                });
        model.addAttribute("canGrant", user.is(Role.REGION));
        model.addAttribute("form", form);
        model.addAttribute("kinds", DispensationKind.values());
        model.addAttribute("doctors", user.is(Role.REGION) ? choices.doctors(user, null) : List.of());
        model.addAttribute("doctorNames", choices.doctorNames(user));
        model.addAttribute("today", LocalDate.now());
        return "dispensations/list";
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
