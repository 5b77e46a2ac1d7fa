package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.common.ConcurrentChangeException;
import dk.botilbudslaege.common.ConflictException;
import dk.botilbudslaege.common.FormErrors;
import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.registry.Facility;
import dk.botilbudslaege.security.CurrentUser;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sick visits as pages: the facility's list with the request form ({@code /facilities/{id}/sick-visits}; the
 * short-notice flag shows on the saved request), and the doctor's open requests with its buttons
 * ({@code /sick-visits}).
 */
@Controller
class SickVisitPageController {

    private final SickVisits visits;
    private final Parties parties;
    private final MessageSource messages;

    SickVisitPageController(SickVisits visits, Parties parties, MessageSource messages) {
        this.visits = visits;
        this.parties = parties;
        this.messages = messages;
    }

    @ModelAttribute("nav")
    String nav() {
        return "sickVisits";
    }

    @GetMapping("/facilities/{facilityId}/sick-visits")
    String facilityPage(CurrentUser user, @PathVariable long facilityId, Model model) {
        return show(user, facilityId, new SickVisitForm(), model);
    }

    @PostMapping("/facilities/{facilityId}/sick-visits")
    String request(
            CurrentUser user,
            @PathVariable long facilityId,
            @Valid @ModelAttribute("form") SickVisitForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        // a post by anyone but the facility side is a tampered form: the 403 page, not the form again
        parties.asFacilitySideOf(user, facilityId, "scope.sickVisit.request");
        var made = FormErrors.attempt(binding, () -> visits.request(user, facilityId, form));
        if (made.isPresent()) {
            redirect.addFlashAttribute(
                    "flash",
                    text(
                            made.get().shortNotice() ? "sickVisit.flash.requestedShort" : "sickVisit.flash.requested",
                            when(made.get().wantedFrom())));
            redirect.addFlashAttribute("savedId", made.get().id());
            return "redirect:/facilities/" + facilityId + "/sick-visits";
        }
        return show(user, facilityId, form, model);
    }

    @GetMapping("/sick-visits")
    String doctorPage(CurrentUser user, Model model) {
        model.addAttribute("visits", visits.openForDoctor(user));
        return "collaboration/sick-visits-doctor";
    }

    @PostMapping("/sick-visits/{facilityId}/{visitId}")
    String advance(
            CurrentUser user,
            @PathVariable long facilityId,
            @PathVariable long visitId,
            @RequestParam SickVisitStatus status,
            RedirectAttributes redirect) {
        try {
            visits.advance(user, facilityId, visitId, status);
            redirect.addFlashAttribute(
                    "flash",
                    text(
                            status == SickVisitStatus.DONE
                                    ? "sickVisit.flash.markedDone"
                                    : "sickVisit.flash.acknowledged"));
        } catch (ConflictException | ConcurrentChangeException e) {
            // a second click or a stale tab: say where the request stands instead of an error page
            SickVisitStatus now = visits.statusOf(facilityId, visitId).orElse(null);
            String key;
            if (now == SickVisitStatus.DONE) {
                key = "sickVisit.flash.alreadyDone";
            } else if (now == SickVisitStatus.ACKNOWLEDGED && status == SickVisitStatus.ACKNOWLEDGED) {
                key = "sickVisit.flash.alreadyAcknowledged";
            } else if (e instanceof ConflictException conflict) {
                key = conflict.messageKey();
            } else {
                key = "form.concurrentChange";
            }
            redirect.addFlashAttribute("flash", text(key));
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("flash", text("sickVisit.flash.gone"));
        }
        return "redirect:/sick-visits";
    }

    /**
     * The confirmation page of a withdrawal, a GET (issue 13 review: a page from a POST gave 405 on a language
     * switch and re-posted on reload): it states the consequence; only the facility side (else the 403 page). A
     * request gone meanwhile or done goes back to the list with a flash, no page.
     */
    @GetMapping("/facilities/{facilityId}/sick-visits/{visitId}/withdraw")
    String confirmWithdraw(
            CurrentUser user,
            @PathVariable long facilityId,
            @PathVariable long visitId,
            Model model,
            RedirectAttributes redirect) {
        Facility facility = parties.asFacilitySideOf(user, facilityId, "scope.sickVisit.withdraw");
        SickVisit visit = visits.list(user, facilityId).stream()
                .filter(v -> v.id() == visitId)
                .findFirst()
                .orElse(null);
        if (visit == null || visit.status() == SickVisitStatus.DONE) {
            // withdrawn already (a double click, a second tab) or done meanwhile: no confirmation page
            redirect.addFlashAttribute(
                    "flash", text(visit == null ? "sickVisit.flash.alreadyWithdrawn" : "sickVisit.withdraw.done"));
            return "redirect:/facilities/" + facilityId + "/sick-visits";
        }
        model.addAttribute("facility", facility);
        model.addAttribute("visit", visit);
        return "collaboration/sick-visit-withdraw";
    }

    /**
     * The withdrawal itself, posted from the confirmation page ({@code confirmed=true}); the request is deleted. A
     * post without it is sent to the confirmation page.
     */
    @PostMapping("/facilities/{facilityId}/sick-visits/{visitId}/withdraw")
    String withdraw(
            CurrentUser user,
            @PathVariable long facilityId,
            @PathVariable long visitId,
            @RequestParam(defaultValue = "false") boolean confirmed,
            RedirectAttributes redirect) {
        parties.asFacilitySideOf(user, facilityId, "scope.sickVisit.withdraw");
        if (!confirmed) {
            return "redirect:/facilities/" + facilityId + "/sick-visits/" + visitId + "/withdraw";
        }
        try {
            visits.withdraw(user, facilityId, visitId);
            redirect.addFlashAttribute("flash", text("sickVisit.flash.withdrawn"));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flash", text(e.messageKey()));
        } catch (NotFoundException e) {
            // withdrawn already (a second tab, a double click): say so, not that it was withdrawn now
            redirect.addFlashAttribute("flash", text("sickVisit.flash.alreadyWithdrawn"));
        }
        return "redirect:/facilities/" + facilityId + "/sick-visits";
    }

    private String show(CurrentUser user, long facilityId, SickVisitForm form, Model model) {
        Facility facility = parties.facility(user, facilityId);
        List<SickVisit> list = visits.list(user, facilityId);
        boolean canRequest = visits.canRequest(user, facilityId);
        model.addAttribute("facility", facility);
        model.addAttribute("visits", list);
        model.addAttribute("canRequest", canRequest);
        model.addAttribute(
                "fixedDoctor", canRequest ? visits.fixedDoctorToday(facilityId).orElse(null) : null);
        model.addAttribute("form", form);
        model.addAttribute(
                "referencesText", form.getReferences() == null ? "" : String.join(", ", form.getReferences()));
        return "collaboration/sick-visits";
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }

    /** "3-12-2026 kl. 10:00": the wanted time as the lists show it. */
    private static String when(java.time.LocalDateTime time) {
        return dk.botilbudslaege.common.DanishFormats.date(time.toLocalDate()) + " kl. "
                + time.toLocalTime().withSecond(0).withNano(0);
    }
}
