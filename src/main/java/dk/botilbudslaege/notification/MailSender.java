package dk.botilbudslaege.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the mail outbox (issue 14 item 2). Every {@code botilbud.mail.poll} (default 5 s) it sends up to 20 due
 * PENDING mails, oldest first, each in a transaction of its own: the row is claimed {@code FOR UPDATE SKIP LOCKED}
 * and stays locked while it is sent, so two instances (or two threads) never send the same mail; the other skips
 * it and takes the next. A mail the SMTP server refuses, or a server that is away, costs an attempt: it is tried
 * again after 30 s, 2 min, 10 min, 1 h, then every 6 h, and after {@value #MAX_ATTEMPTS} attempts it is FAILED,
 * shown to the administrator on {@code /mails} with "Send igen".
 * <p>
 * At least once: if the application stops between the SMTP server's accepting a mail and the commit that marks it
 * SENT, the row is still PENDING and that one mail is sent again. That is the safe side: a notification told twice
 * is a nuisance, one never told is a missed deadline, and nothing else (no lock, no second table) can close the gap
 * between an SMTP server and the database.
 */
@Component("mailOutboxSender")
public class MailSender {

    private static final Logger log = LoggerFactory.getLogger(MailSender.class);

    /** The most mails one poll sends. */
    static final int BATCH = 20;

    /** Attempts before a mail is given up (FAILED). */
    static final int MAX_ATTEMPTS = 8;

    /** The wait after the first, second, ... failed attempt; the last one repeats. */
    static final List<Duration> BACKOFF = List.of(
            Duration.ofSeconds(30),
            Duration.ofMinutes(2),
            Duration.ofMinutes(10),
            Duration.ofHours(1),
            Duration.ofHours(6));

    private final MailOutbox outbox;
    private final TransactionTemplate transactions;
    private final JavaMailSender mail;
    private final String from;
    private final boolean scheduled;

    MailSender(
            MailOutbox outbox,
            TransactionTemplate transactions,
            JavaMailSender mail,
            @Value("${botilbud.mail.from:noreply@botilbudslaege.local}") String from,
            @Value("${botilbud.mail.scheduled:true}") boolean scheduled) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.mail = mail;
        this.from = from;
        this.scheduled = scheduled;
    }

    /** The wait before the next attempt after {@code failures} failed ones. */
    static Duration backoff(int failures) {
        return BACKOFF.get(Math.min(Math.max(failures, 1), BACKOFF.size()) - 1);
    }

    @Scheduled(fixedDelayString = "${botilbud.mail.poll:PT5S}", initialDelayString = "${botilbud.mail.poll:PT5S}")
    @SchedulerLock(name = "notification.mailOutbox", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1S")
    void poll() {
        if (scheduled) {
            try {
                sendDue();
            } catch (RuntimeException e) {
                // the database away: the next poll tries again
                log.warn("Mail outbox not delivered this time: {}", e.toString());
            }
        }
    }

    /** Sends up to {@value #BATCH} due mails and returns how many were tried. */
    public int sendDue() {
        int tried = 0;
        while (tried < BATCH && Boolean.TRUE.equals(transactions.execute(tx -> sendNext()))) {
            tried++;
        }
        return tried;
    }

    /** In the caller's transaction: claims the next due mail and sends it; false when none is due. */
    private boolean sendNext() {
        Optional<MailOutbox.Claimed> claimed = outbox.claimNext();
        if (claimed.isEmpty()) {
            return false;
        }
        MailOutbox.Claimed m = claimed.get();
        try {
            mail.send(message(m));
            outbox.sent(m.id());
        } catch (RuntimeException | MessagingException e) {
            int attempts = m.attempts() + 1;
            boolean giveUp = attempts >= MAX_ATTEMPTS;
            outbox.attemptFailed(m.id(), attempts, shortError(e), backoff(attempts), giveUp);
            if (giveUp) {
                log.error("Mail {} given up after {} attempts: {}", m.id(), attempts, shortError(e));
            } else {
                log.warn("Mail {} not delivered (attempt {}), tried again later: {}", m.id(), attempts, shortError(e));
            }
        }
        return true;
    }

    private MimeMessage message(MailOutbox.Claimed m) throws MessagingException {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(m.recipient());
        helper.setSubject(m.subject());
        helper.setText(m.body(), false);
        message.setHeader("Auto-Submitted", "auto-generated");
        return message;
    }

    /** The cause in a line of at most 200 characters. */
    static String shortError(Throwable e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        text = text.replaceAll("\\s+", " ").trim();
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }
}
