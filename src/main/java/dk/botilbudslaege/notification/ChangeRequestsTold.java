package dk.botilbudslaege.notification;

import dk.botilbudslaege.registry.ChangeRequest;
import dk.botilbudslaege.registry.ChangeRequests;
import dk.botilbudslaege.registry.RegistryEvents;
import dk.botilbudslaege.security.CurrentUser;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is told of a doctor's change request (issue 14 item 3), in the transaction of the step; the link is the
 * list of change requests {@code /change-requests} (a request has no page of its own; the region decides there,
 * the doctor reads the decision there), the subject names the request's number and the practice.
 * <ul>
 *   <li>filed: the region of the practice;</li>
 *   <li>approved or rejected: the doctor who filed it.</li>
 * </ul>
 */
@Component
class ChangeRequestsTold {

    static final String LINK = "/change-requests";

    private final ChangeRequests requests;
    private final Notifier notifier;

    ChangeRequestsTold(ChangeRequests requests, Notifier notifier) {
        this.requests = requests;
        this.notifier = notifier;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(RegistryEvents.ChangeRequestFiled filed) {
        Recipients.actor().ifPresent(actor -> {
            ChangeRequest r = requests.get(actor, filed.changeRequestId());
            tell(NotificationKind.CHANGE_REQUEST_FILED, actor, notifier.regionUsers(r.regionCode()), r, "filed");
        });
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(RegistryEvents.ChangeRequestApproved approved) {
        Recipients.actor().ifPresent(actor -> {
            ChangeRequest r = requests.get(actor, approved.changeRequestId());
            tell(NotificationKind.CHANGE_REQUEST_DECIDED, actor, List.of(r.filedBy()), r, "approved");
        });
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(RegistryEvents.ChangeRequestRejected rejected) {
        Recipients.actor().ifPresent(actor -> {
            ChangeRequest r = requests.get(actor, rejected.changeRequestId());
            tell(NotificationKind.CHANGE_REQUEST_DECIDED, actor, List.of(r.filedBy()), r, "rejected");
        });
    }

    private void tell(NotificationKind kind, CurrentUser actor, List<String> told, ChangeRequest r, String subject) {
        notifier.notify(Notice.of(
                kind,
                Recipients.without(actor.username(), told),
                LINK,
                "notification.subject.changeRequest." + subject,
                String.valueOf(r.id()),
                r.practiceName()));
    }
}
