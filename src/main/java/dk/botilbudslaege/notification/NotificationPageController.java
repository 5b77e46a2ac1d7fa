package dk.botilbudslaege.notification;

import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.common.PageRequest;
import dk.botilbudslaege.common.PageResult;
import dk.botilbudslaege.security.CurrentUser;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /notifications}: the signed-in user's notifications, unread first and then newest; each row one link to
 * the page in question (following it marks it read), "Markér som læst" per row and "Markér alle som læst"; 50 per
 * page with "Forrige" / "Næste".
 */
@Controller
class NotificationPageController {

    private final NotificationList notifications;
    private final MessageSource messages;

    NotificationPageController(NotificationList notifications, MessageSource messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    @GetMapping("/notifications")
    String list(
            CurrentUser user,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            Locale locale,
            Model model) {
        PageRequest request =
                PageRequest.forPage(page, size, NotificationList.PAGE_SIZE, sort, dir, NotificationList.PAGE_SORT);
        PageResult<NotificationList.Item> result = PageResult.showingLastWhenPast(
                request, r -> notifications.list(user.username(), null, true, r, locale));
        model.addAttribute(
                "listLinks",
                dk.botilbudslaege.common.ListLinks.of("/notifications", request, NotificationList.PAGE_SIZE));
        model.addAttribute("nav", "notifications");
        model.addAttribute("result", result);
        model.addAttribute("items", result.content());
        model.addAttribute("baseUrl", "/notifications");
        return "notification/list";
    }

    /** Follows a notification: marks it read, then goes to its page (a path of this app, never elsewhere). */
    @GetMapping("/notifications/{id}/open")
    String open(CurrentUser user, @PathVariable long id) {
        return "redirect:" + notifications.open(user.username(), id);
    }

    /** "Markér som læst"; a repeat, or a notification that is gone, ends on the list as well. */
    @PostMapping("/notifications/{id}/read")
    String read(CurrentUser user, @PathVariable long id, Locale locale, RedirectAttributes redirect) {
        try {
            notifications.markRead(user.username(), id, locale);
            redirect.addFlashAttribute("flash", messages.getMessage("notification.flash.read", null, locale));
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("flash", messages.getMessage("notification.flash.notFound", null, locale));
        }
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String readAll(CurrentUser user, Locale locale, RedirectAttributes redirect) {
        int marked = notifications.markAllRead(user.username());
        redirect.addFlashAttribute(
                "flash", messages.getMessage("notification.flash.readAll", new Object[] {marked}, locale));
        return "redirect:/notifications";
    }
}
