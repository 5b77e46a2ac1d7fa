package dk.botilbudslaege.agreement;

import dk.botilbudslaege.common.ConcurrentChangeException;
import dk.botilbudslaege.common.ConflictException;
import dk.botilbudslaege.common.DanishFormats;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.common.MultiLine;
import dk.botilbudslaege.common.PageDates;
import dk.botilbudslaege.common.PageLinks;
import dk.botilbudslaege.common.PageRequest;
import dk.botilbudslaege.common.PageResult;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The agreement pages: the list (and the region's queue of filed forms), the detail and its actions. */
@Controller
@RequestMapping("/agreements")
class AgreementPageController {

    private final Agreements agreements;
    private final InformationForms forms;
    private final AgreementConfirmations confirmations;
    private final MessageSource messages;

    AgreementPageController(
            Agreements agreements,
            InformationForms forms,
            AgreementConfirmations confirmations,
            MessageSource messages) {
        this.agreements = agreements;
        this.forms = forms;
        this.confirmations = confirmations;
        this.messages = messages;
    }

    @ModelAttribute("nav")
    String nav() {
        return "agreements";
    }

    @GetMapping
    String list(
            CurrentUser user,
            @RequestParam(required = false) AgreementStatus status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        var filter = new Agreements.AgreementFilter(status, null, null, null, q);
        model.addAttribute("filter", filter);
        PageRequest request = PageRequest.forPage(page, size, 25, sort, dir, AgreementRepository.SORT);
        model.addAttribute("result", PageResult.showingLastWhenPast(request, r -> agreements.search(user, filter, r)));
        String baseUrl = PageLinks.of("/agreements", "status", status, "q", q);
        model.addAttribute("baseUrl", baseUrl);
        model.addAttribute("listLinks", dk.botilbudslaege.common.ListLinks.of(baseUrl, request, 25));
        model.addAttribute("statuses", AgreementStatus.values());
        model.addAttribute("canCreate", user.is(Role.MUNICIPALITY) || user.is(Role.REGION) || user.is(Role.FACILITY));
        model.addAttribute("isRegion", user.is(Role.REGION));
        return htmx != null ? "agreements/list :: results" : "agreements/list";
    }

    @GetMapping("/{id}")
    String detail(CurrentUser user, @PathVariable long id, Model model) {
        Agreement agreement = agreements.get(user, id);
        model.addAttribute("agreement", agreement);
        model.addAttribute("actions", agreements.actions(user, agreement));
        model.addAttribute("form", forms.find(id).orElse(null));
        model.addAttribute("history", agreements.history(user, id));
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("noticeEnd", NoticePeriod.endDate(LocalDate.now()));
        model.addAttribute("noticeLastPaid", confirmations.lastPaid(NoticePeriod.endDate(LocalDate.now())));
        model.addAttribute("noticeWindow", NoticeWindow.of(agreement.startDate(), LocalDate.now()));
        return "agreements/detail";
    }

    // Each action below first answers a confirmation page stating its consequences (issue 11 item 5);
    // its form sends the same request again with confirmed=true. An action the caller may not take now
    // goes straight to the service, which refuses it with its own message.

    @PostMapping("/{id}/approve")
    String approve(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            @RequestParam(defaultValue = "false") boolean confirmed,
            Model model,
            RedirectAttributes redirect) {
        Agreement agreement = agreements.get(user, id);
        if (!confirmed && agreements.actions(user, agreement).decide()) {
            return confirm(model, confirmations.approve(agreement, version));
        }
        return act(id, redirect, "agreement.flash.approved", () -> agreements.approve(user, id, version));
    }

    @PostMapping("/{id}/reject")
    String reject(
            CurrentUser user,
            @PathVariable long id,
            @MultiLine @RequestParam(required = false) String reason,
            @RequestParam(required = false) Integer version,
            @RequestParam(defaultValue = "false") boolean confirmed,
            Model model,
            RedirectAttributes redirect) {
        if (reason == null || reason.isBlank()) {
            redirect.addFlashAttribute("actionErrors", List.of(text("agreement.reason.required")));
            return "redirect:/agreements/" + id;
        }
        Agreement agreement = agreements.get(user, id);
        if (!confirmed && agreements.actions(user, agreement).decide()) {
            return confirm(model, confirmations.reject(agreement, reason, version));
        }
        return act(id, redirect, "agreement.flash.rejected", () -> agreements.reject(user, id, reason, version));
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            @RequestParam(defaultValue = "false") boolean confirmed,
            Model model,
            RedirectAttributes redirect) {
        Agreement agreement = agreements.get(user, id);
        if (!confirmed && agreements.actions(user, agreement).withdraw()) {
            return confirm(model, confirmations.withdraw(agreement, version));
        }
        return act(id, redirect, "agreement.flash.withdrawn", () -> agreements.withdraw(user, id, version));
    }

    @PostMapping("/{id}/notice")
    String notice(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(required = false)
                    @DateTimeFormat(
                            pattern = PageDates.PATTERN,
                            fallbackPatterns = {PageDates.ISO, PageDates.SHORT})
                    LocalDate noticeDate,
            @RequestParam(required = false) Integer version,
            @RequestParam(defaultValue = "false") boolean confirmed,
            Model model,
            RedirectAttributes redirect) {
        Agreement agreement = agreements.get(user, id);
        LocalDate date = noticeDate == null ? LocalDate.now() : noticeDate;
        if (!confirmed && agreements.actions(user, agreement).giveNotice()) {
            return checked(
                    id,
                    redirect,
                    () -> Agreements.requireNoticeDateAllowed(agreement, date, LocalDate.now()),
                    () -> confirm(model, confirmations.notice(agreement, date, version)));
        }
        return act(id, redirect, "agreement.flash.notice", () -> agreements.giveNotice(user, id, date, version));
    }

    /** The region ends an agreement that can no longer run (SPEC §3). */
    @PostMapping("/{id}/end")
    String end(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(required = false)
                    @DateTimeFormat(
                            pattern = PageDates.PATTERN,
                            fallbackPatterns = {PageDates.ISO, PageDates.SHORT})
                    LocalDate endDate,
            @MultiLine @RequestParam(required = false) String reason,
            @RequestParam(required = false) Integer version,
            @RequestParam(defaultValue = "false") boolean confirmed,
            Model model,
            RedirectAttributes redirect) {
        Agreement agreement = agreements.get(user, id);
        if (!confirmed && agreements.actions(user, agreement).end()) {
            return checked(
                    id,
                    redirect,
                    () -> Agreements.checkEnding(agreement, endDate, reason),
                    () -> confirm(model, confirmations.end(agreement, endDate, reason, version)));
        }
        return act(id, redirect, "agreement.flash.ended", () -> agreements.end(user, id, endDate, reason, version));
    }

    /** The end date and last month paid of a notice given on this date, shown while the user picks it. */
    @GetMapping("/notice-end")
    @ResponseBody
    String noticeEnd(
            @RequestParam(required = false)
                    @DateTimeFormat(
                            pattern = PageDates.PATTERN,
                            fallbackPatterns = {PageDates.ISO, PageDates.SHORT})
                    LocalDate noticeDate) {
        if (noticeDate == null) {
            return "";
        }
        LocalDate end = NoticePeriod.endDate(noticeDate);
        // the texts are the app's own, with dates and a month name: nothing to escape
        return messages.getMessage(
                        "agreement.notice.endsOn",
                        new Object[] {DanishFormats.date(end)},
                        LocaleContextHolder.getLocale())
                + " " + confirmations.lastPaid(end);
    }

    private String confirm(Model model, AgreementConfirmations.Confirmation confirmation) {
        model.addAttribute("confirmation", confirmation);
        return "agreements/confirm";
    }

    /** Shows the confirmation if the input passes the rule's check, or the detail page with the rule's message. */
    private String checked(
            long id, RedirectAttributes redirect, Runnable check, java.util.function.Supplier<String> confirmation) {
        try {
            check.run();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionErrors", messagesOf(e));
            return "redirect:/agreements/" + id;
        }
        return confirmation.get();
    }

    private String act(long id, RedirectAttributes redirect, String successKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", text(successKey));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionErrors", messagesOf(e));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("actionErrors", List.of(text(e.messageKey())));
        } catch (ConcurrentChangeException e) {
            redirect.addFlashAttribute("actionErrors", List.of(text("form.concurrentChange")));
        }
        return "redirect:/agreements/" + id;
    }

    private List<String> messagesOf(InvalidInputException e) {
        return e.problems().stream()
                .map(p -> messages.getMessage(
                        p.messageKey(), p.args().toArray(), p.messageKey(), LocaleContextHolder.getLocale()))
                .distinct()
                .toList();
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
