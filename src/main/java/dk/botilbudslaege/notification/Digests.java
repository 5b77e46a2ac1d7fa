package dk.botilbudslaege.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daily digest (issue 14 item 4): for each enabled user with an e-mail address who wants some kind in a
 * daily digest, ONE mail in {@code mail_outbox} listing their unread notifications of those kinds that no digest
 * has listed yet (nor an immediate mail), which are then marked digested ({@code notification.digested_at}).
 * One transaction per user, under a transaction-level PostgreSQL advisory lock on that user: two instances
 * running at the same moment write one digest, and a second run finds nothing new. A user with nothing new gets
 * no mail; kinds in the app only are never mailed.
 */
@Service
public class Digests {

    /** The digest mail's kind in the outbox (not a {@link NotificationKind}: it stands for several). */
    public static final String MAIL_KIND = "DIGEST";

    private record User(String username, String displayName, String email, String language) {}

    private record Row(long id, boolean unread, String subjectKey, String args, String link) {}

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Notifier notifier;
    private final JsonMapper json;

    Digests(JdbcClient jdbc, TransactionTemplate transactions, Notifier notifier, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.notifier = notifier;
        this.json = json;
    }

    /** One run: answers how many digest mails were written. */
    public int run() {
        List<User> users = jdbc.sql("""
                        select u.username, u.display_name, u.email, u.language from security_user u
                         where u.enabled and u.email is not null
                           and exists (select 1 from notification_preference p
                                        where p.username = u.username and p.delivery = 'DIGEST')
                         order by u.username
                        """).query(User.class).list();
        int written = 0;
        for (User user : users) {
            Boolean wrote = transactions.execute(tx -> digest(user));
            if (Boolean.TRUE.equals(wrote)) {
                written++;
            }
        }
        return written;
    }

    private boolean digest(User user) {
        boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(hashtext('notification.digest'), hashtext(:u))")
                .param("u", user.username())
                .query(Boolean.class)
                .single();
        if (!mine) {
            return false; // another instance digests this user now
        }
        List<Row> rows =
                jdbc.sql("""
                        select n.id, n.read_at is null as unread, n.subject_key, n.subject_args::text as args, n.link
                          from notification n
                          join notification_preference p
                            on p.username = n.username and p.kind = n.kind and p.delivery = 'DIGEST'
                         where n.username = :u and n.digested_at is null
                           and not exists (select 1 from mail_outbox m where m.notification_id = n.id)
                         order by n.created_at, n.id
                        """).param("u", user.username()).query(Row.class).list();
        if (rows.isEmpty()) {
            return false;
        }
        jdbc.sql("update notification set digested_at = now() where id = any(:ids)")
                .param("ids", rows.stream().map(Row::id).toArray(Long[]::new))
                .update();
        List<Row> unread = rows.stream().filter(Row::unread).toList();
        if (unread.isEmpty()) {
            return false; // read in the app already: nothing to tell
        }
        Locale locale = Locale.forLanguageTag(user.language());
        String subject =
                notifier.subject("notification.digest.subject", List.of(String.valueOf(unread.size())), locale);
        jdbc.sql("""
                        insert into mail_outbox (username, recipient, kind, subject, body)
                        values (:u, :to, :k, :s, :b)
                        """)
                .param("u", user.username())
                .param("to", user.email())
                .param("k", MAIL_KIND)
                .param("s", subject)
                .param("b", body(user, unread, locale))
                .update();
        return true;
    }

    private String body(User user, List<Row> unread, Locale locale) {
        List<String> parts = new ArrayList<>();
        parts.add(notifier.subject("notification.mail.greeting", List.of(user.displayName()), locale));
        parts.add(notifier.subject("notification.digest.intro", List.of(String.valueOf(unread.size())), locale));
        for (Row r : unread) {
            parts.add("• " + notifier.subject(r.subjectKey(), json.readValue(r.args(), STRINGS), locale) + "\n  "
                    + notifier.baseUrl() + r.link());
        }
        parts.add(notifier.subject("notification.mail.footer", List.of(notifier.baseUrl() + "/profile"), locale));
        return String.join("\n\n", parts);
    }
}
