package dk.botilbudslaege.notification;

import dk.botilbudslaege.agreement.AgreementEvents;
import dk.botilbudslaege.agreement.DispensationApplication;
import dk.botilbudslaege.agreement.DispensationApplications;
import dk.botilbudslaege.security.CurrentUser;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is told of an application for a dispensation (issue 14 item 3), in the transaction of the step; the link
 * is the application's page {@code /dispensation-applications/{id}}, the subject names its number and the doctor
 * it is for (never the reason).
 * <ul>
 *   <li>filed: the region of the doctor's practice, which decides;</li>
 *   <li>granted or refused: the applicant, the user who applied.</li>
 * </ul>
 * The application is read through the agreement module's API as the actor sees it (the applicant, the region).
 */
@Component
class DispensationsTold {

    static final String LINK = "/dispensation-applications/";

    private final DispensationApplications applications;
    private final Notifier notifier;

    DispensationsTold(DispensationApplications applications, Notifier notifier) {
        this.applications = applications;
        this.notifier = notifier;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(AgreementEvents.DispensationApplied applied) {
        Recipients.actor().ifPresent(actor -> {
            DispensationApplication a = applications.get(actor, applied.applicationId());
            tell(NotificationKind.DISPENSATION_APPLIED, actor, notifier.regionUsers(a.regionCode()), a, "applied");
        });
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(AgreementEvents.DispensationApplicationGranted granted) {
        Recipients.actor().ifPresent(actor -> {
            DispensationApplication a = applications.get(actor, granted.applicationId());
            tell(NotificationKind.DISPENSATION_DECIDED, actor, List.of(a.appliedBy()), a, "granted");
        });
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(AgreementEvents.DispensationApplicationRefused refused) {
        Recipients.actor().ifPresent(actor -> {
            DispensationApplication a = applications.get(actor, refused.applicationId());
            tell(NotificationKind.DISPENSATION_DECIDED, actor, List.of(a.appliedBy()), a, "refused");
        });
    }

    private void tell(
            NotificationKind kind, CurrentUser actor, List<String> told, DispensationApplication a, String subject) {
        notifier.notify(Notice.of(
                kind,
                Recipients.without(actor.username(), told),
                LINK + a.id(),
                "notification.subject.dispensation." + subject,
                String.valueOf(a.id()),
                a.doctorName()));
    }
}
