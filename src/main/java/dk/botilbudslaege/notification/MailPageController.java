package dk.botilbudslaege.notification;

import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.config.LocalDatabaseCondition;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Sendte e-mails" (issue 14): every user sees the mails of their own account, the administrator sees all, the
 * failed ones first, and may send a failed one again. In the local mode the page says that the mails are caught
 * by the built-in mail server.
 *
 * <p>Issue 15: in the local mode (the demo: no external database, mails caught by the built-in server, never sent
 * out) the administrator reads every mail's content, so an invitee's one-time link can be opened; in production
 * another account's content stays the recipient's.
 */
@Controller
@RequestMapping("/mails")
class MailPageController {

    private final MailOutbox outbox;
    private final MessageSource messages;
    private final boolean local;
    private final boolean adminReadsAll;

    MailPageController(
            MailOutbox outbox,
            MessageSource messages,
            ObjectProvider<LocalMailServer> localServer,
            Environment environment) {
        this.outbox = outbox;
        this.messages = messages;
        this.local = localServer.getIfAvailable() != null;
        this.adminReadsAll = adminReadsAll(LocalDatabaseCondition.isLocal(environment), local);
    }

    /**
     * The administrator reads the content of other accounts' mails only in the local mode: the embedded database
     * (the demo) and the built-in mail server (nothing leaves the machine). In production never.
     */
    static boolean adminReadsAll(boolean localDatabase, boolean localMailServer) {
        return localDatabase && localMailServer;
    }

    @ModelAttribute("nav")
    String nav() {
        return "mails";
    }

    @GetMapping
    String page(CurrentUser user, Model model) {
        boolean admin = user.is(Role.ADMIN);
        model.addAttribute("admin", admin);
        model.addAttribute("local", local);
        model.addAttribute("readsAll", admin && adminReadsAll);
        model.addAttribute("mails", admin ? outbox.all() : outbox.of(user.username()));
        model.addAttribute("failedCount", admin ? outbox.failedCount() : 0);
        model.addAttribute("limit", MailOutbox.PAGE_LIMIT);
        return "notification/mails";
    }

    /** "Send igen": a FAILED mail back to PENDING, due now, with its attempts anew. The administrator only. */
    @PostMapping("/{id}/retry")
    String retry(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        if (!user.is(Role.ADMIN)) {
            throw new ForbiddenException("mail.retry.adminOnly");
        }
        if (!outbox.exists(id)) {
            throw NotFoundException.of("mail", id);
        }
        redirect.addFlashAttribute(
                "flash", text(outbox.retry(id) ? "mail.retry.done" : "mail.retry.notFailed", String.valueOf(id)));
        return "redirect:/mails";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
