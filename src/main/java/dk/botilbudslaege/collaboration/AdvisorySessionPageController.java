package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.agreement.Agreement;
import dk.botilbudslaege.common.FormErrors;
import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.web.DanishTime;
import jakarta.validation.Valid;
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
 * The hours overview is {@link HoursPageController} ({@code /hours}); the topic catalogue {@code /admin/session-topics}.
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
            @Valid @ModelAttribute("form") AdvisorySessionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        // a post by anyone but the agreement's doctor is a tampered form: the 403 page, not the form again
        parties.asDoctor(user, id, "scope.session.log");
        if (FormErrors.attempt(binding, () -> sessions.log(user, id, form)).isPresent()) {
            return toList(id, redirect, "session.flash.logged");
        }
        return show(user, id, form, model);
    }

    @PostMapping("/agreements/{id}/sessions/{sessionId}/decision")
    String decide(
            CurrentUser user,
            @PathVariable long id,
            @PathVariable long sessionId,
            @Valid @ModelAttribute("decision") AdvisorySessionDecisionForm decision,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        parties.asFacilitySide(user, id, "scope.session.decide.page");
        try {
            if (FormErrors.attempt(binding, () -> sessions.decide(user, id, sessionId, decision))
                    .isPresent()) {
                return toList(
                        id,
                        redirect,
                        decision.getStatus() == AdvisorySession.Status.CONFIRMED
                                ? "session.flash.confirmed"
                                : "session.flash.questioned");
            }
            if (stale(binding)) {
                // the doctor corrected the session after the page was opened: never decide on unseen content
                redirect.addFlashAttribute("flash", text("session.flash.changed"));
                return "redirect:/agreements/" + id + "/sessions#session-" + sessionId;
            }
        } catch (NotFoundException e) {
            // a stale tab: the doctor withdrew the session meanwhile
            return toList(id, redirect, "session.flash.gone");
        }
        model.addAttribute("decisionComment", decision.getComment());
        model.addAttribute("decisionStatus", decision.getStatus());
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

    @GetMapping("/agreements/{id}/sessions/{sessionId}/edit")
    String edit(
            CurrentUser user,
            @PathVariable long id,
            @PathVariable long sessionId,
            Model model,
            RedirectAttributes redirect) {
        parties.asDoctor(user, id, "scope.session.correct");
        AdvisorySession s = sessions.find(id, sessionId).orElse(null);
        String refused = changeRefusal(s);
        if (refused != null) {
            return toList(id, redirect, refused);
        }
        AdvisorySessionForm form = new AdvisorySessionForm();
        form.setVersion(s.version());
        form.setDate(s.date());
        form.setDurationMinutes(s.durationMinutes());
        form.setKind(s.kind());
        form.setFormat(s.format());
        form.setTopic(s.topic());
        form.setNotes(s.notes());
        model.addAttribute("editing", s);
        return show(user, id, form, model);
    }

    @PostMapping("/agreements/{id}/sessions/{sessionId}")
    String correct(
            CurrentUser user,
            @PathVariable long id,
            @PathVariable long sessionId,
            @Valid @ModelAttribute("form") AdvisorySessionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        parties.asDoctor(user, id, "scope.session.correct");
        AdvisorySession s = sessions.find(id, sessionId).orElse(null);
        if (s == null) {
            return toList(id, redirect, "session.flash.notFound");
        }
        try {
            if (FormErrors.attempt(binding, () -> sessions.correct(user, id, sessionId, form))
                    .isPresent()) {
                return toList(id, redirect, "session.flash.corrected");
            }
        } catch (NotFoundException e) {
            return toList(id, redirect, "session.flash.notFound");
        }
        AdvisorySession now = sessions.find(id, sessionId).orElse(s);
        if (now.status() == AdvisorySession.Status.CONFIRMED) {
            // confirmed meanwhile: no editable form for a locked session
            return toList(id, redirect, "session.flash.confirmedLocked");
        }
        if (stale(binding)) {
            redirect.addFlashAttribute("flash", text("session.flash.changed"));
            return "redirect:/agreements/" + id + "/sessions/" + sessionId + "/edit#edit-session";
        }
        model.addAttribute("editing", s);
        return show(user, id, form, model);
    }

    /**
     * The confirmation page of a withdrawal, a GET (issue 13 review: a page from a POST gave 405 on a language
     * switch and re-posted on reload): it states the consequence; only the doctor of the agreement (else the 403
     * page). A session gone meanwhile or confirmed (locked) goes back to the list with a flash, no page.
     */
    @GetMapping("/agreements/{id}/sessions/{sessionId}/withdraw")
    String confirmWithdraw(
            CurrentUser user,
            @PathVariable long id,
            @PathVariable long sessionId,
            Model model,
            RedirectAttributes redirect) {
        Agreement a = parties.asDoctor(user, id, "scope.session.correct");
        AdvisorySession s = sessions.find(id, sessionId).orElse(null);
        String refused = changeRefusal(s);
        if (refused != null) {
            return toList(id, redirect, refused);
        }
        model.addAttribute("nav", "agreements");
        model.addAttribute("agreement", a);
        model.addAttribute("target", s);
        return "collaboration/session-withdraw";
    }

    /** Why a session cannot be corrected or withdrawn (the flash), or null when it can. */
    private static String changeRefusal(AdvisorySession s) {
        if (s == null) {
            // withdrawn already (a double click, a second tab)
            return "session.flash.notFound";
        }
        if (s.status() == AdvisorySession.Status.CONFIRMED) {
            // refused up front: no confirmation page for a session that cannot be withdrawn
            return "session.flash.confirmedLocked";
        }
        return null;
    }

    /**
     * The withdrawal itself, posted from the confirmation page ({@code confirmed=true}). A post without it is sent
     * to the confirmation page.
     */
    @PostMapping("/agreements/{id}/sessions/{sessionId}/withdraw")
    String withdraw(
            CurrentUser user,
            @PathVariable long id,
            @PathVariable long sessionId,
            @RequestParam(defaultValue = "false") boolean confirmed,
            RedirectAttributes redirect) {
        parties.asDoctor(user, id, "scope.session.correct");
        if (!confirmed) {
            return "redirect:/agreements/" + id + "/sessions/" + sessionId + "/withdraw";
        }
        try {
            sessions.withdraw(user, id, sessionId);
            redirect.addFlashAttribute("flash", text("session.flash.withdrawn"));
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("flash", text("session.flash.notFound"));
        } catch (dk.botilbudslaege.common.ConflictException e) {
            redirect.addFlashAttribute("flash", text(e.messageKey()));
        }
        return "redirect:/agreements/" + id + "/sessions";
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
        model.addAttribute("canCorrect", sessions.canCorrect(user, a));
        model.addAttribute("topics", topics.list());
        model.addAttribute("kinds", AdvisorySession.Kind.values());
        model.addAttribute("formats", AdvisorySession.Format.values());
        model.addAttribute("today", LocalDate.now(DanishTime.DENMARK));
        return "collaboration/sessions";
    }

    /** Whether the form failed because the session changed after it was read (a stale version). */
    private static boolean stale(BindingResult binding) {
        return binding.getGlobalErrors().stream().anyMatch(e -> "form.concurrentChange".equals(e.getCode()));
    }

    /** Back to the agreement's session list with a flash. */
    private String toList(long id, RedirectAttributes redirect, String flashKey) {
        redirect.addFlashAttribute("flash", text(flashKey));
        return "redirect:/agreements/" + id + "/sessions";
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
