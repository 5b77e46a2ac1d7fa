package dk.botilbudslaege.notification;

import dk.botilbudslaege.security.UserEvents;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 15 item 2: the invitation mail, written to the outbox in the transaction that created the user (security
 * publishes {@link UserEvents.InvitationMail}; it does not depend on this module). With password login on, the mail
 * holds the one-time link; off, it says to sign in with the organisation's login.
 */
@Component
class InvitationsMailed {

    /** The outbox's kind of an invitation (not a notification kind: nobody opts out of it). */
    static final String KIND = "INVITATION";

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Notifier notifier;

    InvitationsMailed(JdbcClient jdbc, MessageSource messages, Notifier notifier) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.notifier = notifier;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(UserEvents.InvitationMail mail) {
        Locale locale = Locale.forLanguageTag(mail.language() == null ? "da" : mail.language());
        String base = notifier.baseUrl();
        String subject = messages.getMessage("users.mail.subject", null, locale);
        String body = String.join(
                "\n\n",
                messages.getMessage("notification.mail.greeting", new Object[] {mail.displayName()}, locale),
                mail.linkPath() == null
                        ? messages.getMessage(
                                "users.mail.oidc",
                                new Object[] {mail.username(), base + "/login", mail.email()},
                                locale)
                        : messages.getMessage(
                                "users.mail.link", new Object[] {mail.username(), base + mail.linkPath()}, locale));
        jdbc.sql("""
                        insert into mail_outbox (username, recipient, kind, subject, body)
                        values (:u, :to, :k, :s, :b)
                        """)
                .param("u", mail.username())
                .param("to", mail.email())
                .param("k", KIND)
                .param("s", subject)
                .param("b", body)
                .update();
    }
}
