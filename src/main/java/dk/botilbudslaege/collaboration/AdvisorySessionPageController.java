package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.agreement.Agreement;
import dk.botilbudslaege.common.FormErrors;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.web.DanishTime;
import java.time.LocalDate;
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
 * The sessions and hours of an agreement as a page ({@code /agreements/{id}/sessions}): the doctor logs a
 * session, the facility side confirms or questions each, every reader sees the hours table with its flags.
 * The hours overview of a municipality or region is {@code /hours}; the topic catalogue {@code /admin/session-topics}.
 */
@Controller
class AdvisorySessionPageController {

    private final AdvisorySessions sessions;
    private final Hours hours;
    private final SessionTopics topics;
    private final Parties parties;
    private final MessageSource messages;

    AdvisorySessionPageController(
            AdvisorySessions sessions, Hours hours, SessionTopics topics, Parties parties, MessageSource messages) {
        this.sessions = sessions;
        this.hours = hours;
        this.topics = topics;
        this.parties = parties;
        this.messages = messages;
    }

    @GetMapping("/agreements/{id}/sessions")
    String page(CurrentUser user, @PathVariable long id, Model model) {
        AdvisorySessionForm form = new AdvisorySessionForm();
        form.setDate(LocalDate.now(DanishTime.DENMARK));
        form.setKind(AdvisorySession.Kind.ADVICE);
        form.setFormat(AdvisorySession.Format.PHYSICAL);
        return show(user, id, form, model);
    }

    @PostMapping("/agreements/{id}/sessions")
    String log(
            CurrentUser user,
            @PathVariable long id,
            @ModelAttribute("form") AdvisorySessionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (FormErrors.attempt(binding, () -> sessions.log(user, id, form)).isPresent()) {
            redirect.addFlashAttribute("flash", text("session.flash.logged"));
            return "redirect:/agreements/" + id + "/sessions";
        }
        return show(user, id, form, model);
    }

    @PostMapping("/agreements/{id}/sessions/{sessionId}/decision")
    String decide(
            CurrentUser user,
            @PathVariable long id,
            @PathVariable long sessionId,
            @ModelAttribute("decision") AdvisorySessionDecisionForm decision,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (FormErrors.attempt(binding, () -> sessions.decide(user, id, sessionId, decision))
                .isPresent()) {
            redirect.addFlashAttribute("flash", text("session.flash.decided"));
            return "redirect:/agreements/" + id + "/sessions";
        }
        model.addAttribute(
                "decisionErrors",
                binding.getAllErrors().stream()
                        .map(e -> messages.getMessage(e, LocaleContextHolder.getLocale()))
                        .toList());
        model.addAttribute("decisionSession", sessionId);
        AdvisorySessionForm form = new AdvisorySessionForm();
        form.setDate(LocalDate.now(DanishTime.DENMARK));
        return show(user, id, form, model);
    }

    @GetMapping("/hours")
    String overview(
            CurrentUser user,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String code,
            Model model) {
        model.addAttribute("nav", "hours");
        model.addAttribute("overview", hours.overview(user, level, code));
        return "collaboration/hours";
    }

    private String show(CurrentUser user, long id, AdvisorySessionForm form, Model model) {
        Agreement a = parties.agreement(user, id);
        model.addAttribute("nav", "agreements");
        model.addAttribute("agreement", a);
        model.addAttribute("form", form);
        model.addAttribute("sessions", sessions.list(user, id));
        model.addAttribute("hours", hours.forAgreement(user, id, null, null));
        model.addAttribute("canLog", sessions.canLog(user, a));
        model.addAttribute("canDecide", sessions.canDecide(user, a));
        model.addAttribute("topics", topics.list());
        model.addAttribute("kinds", AdvisorySession.Kind.values());
        model.addAttribute("formats", AdvisorySession.Format.values());
        model.addAttribute("today", LocalDate.now(DanishTime.DENMARK));
        return "collaboration/sessions";
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
