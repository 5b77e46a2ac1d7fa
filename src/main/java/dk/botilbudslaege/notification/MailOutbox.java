package dk.botilbudslaege.notification;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The table {@code mail_outbox}: the mails {@link Notifier} wrote in the transaction of a change, claimed and
 * marked by {@link MailSender}, read on the page {@code /mails}.
 */
@Repository
public class MailOutbox {

    /** The most mails the page lists (newest first, the failed ones first for the administrator). */
    static final int PAGE_LIMIT = 200;

    /** A mail claimed for sending: its row stays locked until the sender's transaction ends. */
    record Claimed(long id, String recipient, String subject, String body, int attempts) {}

    /** A mail as the page shows it. */
    public record Mail(
            long id,
            String username,
            String recipient,
            String kind,
            String subject,
            String body,
            String status,
            int attempts,
            OffsetDateTime createdAt,
            OffsetDateTime nextAttemptAt,
            OffsetDateTime sentAt,
            String lastError) {

        public boolean failed() {
            return status.equals("FAILED");
        }
    }

    private final JdbcClient jdbc;

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The oldest due PENDING mail that no other sender holds, locked ({@code FOR UPDATE SKIP LOCKED}) until the
     * caller's transaction ends.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Claimed> claimNext() {
        return jdbc.sql("""
                        select id, recipient, subject, body, attempts from mail_outbox
                         where status = 'PENDING' and next_attempt_at <= now()
                         order by next_attempt_at, id
                         limit 1
                           for update skip locked
                        """).query(Claimed.class).optional();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void sent(long id) {
        jdbc.sql("update mail_outbox set status = 'SENT', sent_at = now(), attempts = attempts + 1 where id = :id")
                .param("id", id)
                .update();
    }

    /** One more failed attempt: tried again after the backoff, or given up as FAILED. */
    @Transactional(propagation = Propagation.MANDATORY)
    void attemptFailed(long id, int attempts, String error, Duration backoff, boolean giveUp) {
        jdbc.sql("""
                        update mail_outbox
                           set attempts = :a, last_error = :e,
                               status = case when :giveUp then 'FAILED' else 'PENDING' end,
                               next_attempt_at = now() + make_interval(secs => :s)
                         where id = :id
                        """)
                .param("a", attempts)
                .param("e", error)
                .param("giveUp", giveUp)
                .param("s", (double) backoff.toSeconds())
                .param("id", id)
                .update();
    }

    /** The mails of one account, newest first. */
    public List<Mail> of(String username) {
        return jdbc.sql(SELECT + " where username = :u order by created_at desc, id desc limit :limit")
                .param("u", username)
                .param("limit", PAGE_LIMIT)
                .query(Mail.class)
                .list();
    }

    /** All mails, the failed ones first, then newest first (the administrator). */
    public List<Mail> all() {
        return jdbc.sql(SELECT + " order by (status = 'FAILED') desc, created_at desc, id desc limit :limit")
                .param("limit", PAGE_LIMIT)
                .query(Mail.class)
                .list();
    }

    /** How many mails have been given up. */
    public int failedCount() {
        return jdbc.sql("select count(*) from mail_outbox where status = 'FAILED'")
                .query(Integer.class)
                .single();
    }

    /** Sends a failed mail again: PENDING, due now, with all its attempts. False when it is not FAILED (any more). */
    @Transactional
    public boolean retry(long id) {
        return jdbc.sql("""
                        update mail_outbox set status = 'PENDING', attempts = 0, next_attempt_at = now()
                         where id = :id and status = 'FAILED'
                        """).param("id", id).update() == 1;
    }

    /** Whether the mail exists at all. */
    public boolean exists(long id) {
        return jdbc.sql("select count(*) from mail_outbox where id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private static final String SELECT = """
            select id, username, recipient, kind, subject, body, status, attempts, created_at, next_attempt_at, sent_at,
                   last_error
              from mail_outbox
            """;
}
