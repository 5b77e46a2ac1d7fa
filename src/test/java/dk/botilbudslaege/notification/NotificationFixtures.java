package dk.botilbudslaege.notification;

import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.security.Users;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Users of their own (password "demo", the local mode's) and notifications for them, for the tests of the list.
 * A plain object made from the shared context's beans ({@link #from}), so the tests keep the one context.
 */
final class NotificationFixtures {

    private final Users users;
    private final JdbcClient jdbc;
    private final Notifier notifier;
    private final TransactionTemplate transactions;

    static NotificationFixtures from(org.springframework.context.ApplicationContext context) {
        return new NotificationFixtures(
                context.getBean(Users.class),
                context.getBean(JdbcClient.class),
                context.getBean(Notifier.class),
                context.getBean(TransactionTemplate.class));
    }

    NotificationFixtures(Users users, JdbcClient jdbc, Notifier notifier, TransactionTemplate transactions) {
        this.users = users;
        this.jdbc = jdbc;
        this.notifier = notifier;
        this.transactions = transactions;
    }

    /** A new national reader with this e-mail address (null: none) and language. */
    String user(String prefix, String email, String language) {
        return user(prefix, email, language, Role.NATIONAL, null, null);
    }

    /**
     * A new user of this role and scope (a region's or a municipality's code); disable it when the test is done
     * ({@link #disable}), so that the changes of other tests do not tell it.
     */
    String user(String prefix, String email, String language, Role role, String regionCode, String municipalityCode) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new Users.NewUser(
                username, "demo", "Test " + username, role, regionCode, municipalityCode, null, null));
        jdbc.sql("update app_user set email = :e, language = :l where username = :u")
                .param("e", email == null ? null : email.replace("@", "-" + username + "@"))
                .param("l", language)
                .param("u", username)
                .update();
        return username;
    }

    /** Tells the user (in a transaction of its own) and answers the new notification's id. */
    long notify(String username, NotificationKind kind, String link) {
        return notify(username, kind, link, "notification.kind." + kind.name());
    }

    long notify(String username, NotificationKind kind, String link, String subjectKey, String... args) {
        transactions.executeWithoutResult(
                tx -> notifier.notify(new Notice(kind, List.of(username), subjectKey, List.of(args), link)));
        return jdbc.sql("select max(id) from notification where username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    int outbox(String username) {
        return jdbc.sql("select count(*) from mail_outbox where username = :u")
                .param("u", username)
                .query(Integer.class)
                .single();
    }

    /** The user is told nothing more (the notifier tells enabled users only). */
    void disable(String username) {
        jdbc.sql("update app_user set enabled = false where username = :u")
                .param("u", username)
                .update();
    }
}
