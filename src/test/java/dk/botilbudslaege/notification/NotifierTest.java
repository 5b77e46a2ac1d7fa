package dk.botilbudslaege.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.botilbudslaege.security.Users;
import dk.botilbudslaege.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** A notification is written in the transaction of the change: one row per user told, a mail for those who want it. */
@IntegrationTest
class NotifierTest {

    @Autowired
    Notifier notifier;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Users users;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    String withMail;

    String appOnly;
    String noAddress;
    String disabled;

    @BeforeEach
    void users() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        withMail = user("n-mail-" + tag, "mette-" + tag + "@example.dk", "da");
        appOnly = user("n-app-" + tag, "ole-" + tag + "@example.dk", "en");
        noAddress = user("n-none-" + tag, null, "da");
        disabled = user("n-off-" + tag, "off-" + tag + "@example.dk", "da");
        jdbc.sql("update app_user set enabled = false where username = :u")
                .param("u", disabled)
                .update();
        jdbc.sql(
                        "insert into notification_preference (username, kind, delivery) values (:u, 'SESSION_LOGGED', 'APP_ONLY')")
                .param("u", appOnly)
                .update();
    }

    @Test
    void each_user_is_told_once_in_the_app_and_by_mail_when_wanted_and_possible() {
        int told = transactions.execute(tx -> notifier.notify(Notice.of(
                NotificationKind.SESSION_LOGGED,
                List.of(withMail, withMail, appOnly, noAddress, disabled, "no-such-user"),
                "/agreements/1/sessions",
                "notification.test.subject",
                "Skovstjernen")));

        assertThat(told).isEqualTo(3);
        assertThat(notifications(withMail)).isEqualTo(1);
        assertThat(notifications(appOnly)).isEqualTo(1);
        assertThat(notifications(noAddress)).isEqualTo(1);
        assertThat(notifications(disabled)).isZero();
        assertThat(jdbc.sql("select recipient from mail_outbox where username = any(:u)")
                        .param("u", new String[] {withMail, appOnly, noAddress, disabled})
                        .query(String.class)
                        .list())
                .containsExactly(withMail.replace("n-mail-", "mette-") + "@example.dk");
        assertThat(jdbc.sql("select subject from mail_outbox where username = :u")
                        .param("u", withMail)
                        .query(String.class)
                        .single())
                .isEqualTo("Test: Skovstjernen");
        String body = jdbc.sql("select body from mail_outbox where username = :u")
                .param("u", withMail)
                .query(String.class)
                .single();
        assertThat(body)
                .contains("Hej Test " + withMail, "http://localhost:" + port + "/agreements/1/sessions", "/profile");
    }

    @Test
    void a_change_that_rolls_back_tells_nobody() {
        transactions.executeWithoutResult(tx -> {
            notifier.notify(
                    Notice.of(NotificationKind.SESSION_LOGGED, List.of(withMail), "/agreements/1/sessions", "x.y"));
            tx.setRollbackOnly();
        });
        assertThat(notifications(withMail)).isZero();
        assertThat(jdbc.sql("select count(*) from mail_outbox where username = :u")
                        .param("u", withMail)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void outside_a_transaction_nothing_is_written() {
        Notice notice = Notice.of(NotificationKind.SESSION_LOGGED, List.of(withMail), "/agreements/1", "x.y");
        assertThatThrownBy(() -> notifier.notify(notice)).isInstanceOf(IllegalTransactionStateException.class);
        assertThat(notifications(withMail)).isZero();
    }

    @Test
    void a_link_leads_into_the_app_only() {
        assertThatThrownBy(() -> Notice.of(NotificationKind.SESSION_LOGGED, List.of(), "https://evil.example", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Notice.of(NotificationKind.SESSION_LOGGED, List.of(), "//evil.example", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private int notifications(String username) {
        return jdbc.sql("select count(*) from notification where username = :u")
                .param("u", username)
                .query(Integer.class)
                .single();
    }

    private String user(String username, String email, String language) {
        users.create(new Users.NewUser(
                username,
                "irrelevant-" + username,
                "Test " + username,
                dk.botilbudslaege.security.Role.NATIONAL,
                null,
                null,
                null,
                null));
        jdbc.sql("update app_user set email = :e, language = :l where username = :u")
                .param("e", email)
                .param("l", language)
                .param("u", username)
                .update();
        return username;
    }
}
