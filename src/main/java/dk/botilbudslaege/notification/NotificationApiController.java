package dk.botilbudslaege.notification;

import dk.botilbudslaege.common.PageRequest;
import dk.botilbudslaege.security.CurrentUser;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/notifications} (API.md "Added: notifications and surveys"): the caller's own notifications,
 * newest first, the subject in the caller's language ({@code Accept-Language: en}); every signed-in user, own
 * only: another user's notification is 404, as an unknown one.
 */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationApiController {

    private final NotificationList notifications;

    NotificationApiController(NotificationList notifications) {
        this.notifications = notifications;
    }

    record NotificationJson(
            long id, String kind, OffsetDateTime createdAt, OffsetDateTime readAt, String subject, String link) {
        static NotificationJson of(NotificationList.Item i) {
            return new NotificationJson(i.id(), i.kind().name(), i.createdAt(), i.readAt(), i.subject(), i.link());
        }
    }

    /**
     * {@code unread=true}: the unread ones; {@code false}: the read ones; left out: all. A JSON array, newest first:
     * page {@code page} (from 0) of {@code size} (1–2000, default 500), so that left out it is the newest 500.
     */
    @GetMapping
    List<NotificationJson> list(
            CurrentUser user,
            @RequestParam(required = false) Boolean unread,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Locale locale) {
        PageRequest request = PageRequest.of(page, size, NotificationList.API_PAGE_SIZE);
        return notifications.list(user.username(), unread, false, request, locale).content().stream()
                .map(NotificationJson::of)
                .toList();
    }

    /** Marks one read; a repeat answers the same (the first reading time). */
    @PostMapping("/{id}/read")
    NotificationJson read(CurrentUser user, @PathVariable long id, Locale locale) {
        return NotificationJson.of(notifications.markRead(user.username(), id, locale));
    }
}
