package dk.botilbudslaege.notification;

import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.CurrentUsers;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The bell in the header: every page for a signed-in user knows how many of their notifications are unread
 * ({@code unreadNotifications}; one indexed count). Not counted for the API, which renders no page.
 */
@ControllerAdvice(annotations = Controller.class)
class NotificationCountController {

    private final NotificationList notifications;

    NotificationCountController(NotificationList notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("unreadNotifications")
    Integer unreadNotifications(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return null;
        }
        try {
            return CurrentUsers.current()
                    .map(CurrentUser::username)
                    .map(notifications::unreadCount)
                    .orElse(null);
        } catch (DataAccessException e) {
            return null; // the database away: the page (or its error page) without the count
        }
    }
}
