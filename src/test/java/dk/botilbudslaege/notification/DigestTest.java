package dk.botilbudslaege.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.IntegrationTest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The daily digest: one mail per user with something new of a digest kind, once across concurrent runs. */
@IntegrationTest
class DigestTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Digests digests;

    NotificationFixtures fixtures;
    String user;

    @BeforeEach
    void setUp() {
        fixtures = NotificationFixtures.from(context);
        user = fixtures.user("digest-lis", "lis@example.dk", "da");
        prefer(user, NotificationKind.FORM_FILED, "DIGEST");
        prefer(user, NotificationKind.NOTICE_GIVEN, "DIGEST");
        prefer(user, NotificationKind.SESSION_LOGGED, "APP_ONLY");
    }

    @Test
    void two_concurrent_runs_write_one_digest_listing_the_digest_kinds_only() throws Exception {
        fixtures.notify(user, NotificationKind.FORM_FILED, "/agreements/11");
        fixtures.notify(user, NotificationKind.NOTICE_GIVEN, "/agreements/12");
        fixtures.notify(user, NotificationKind.SESSION_LOGGED, "/agreements/13/sessions");
        assertThat(fixtures.outbox(user)).as("nothing at once").isZero();

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> runs = List.of(
                CompletableFuture.supplyAsync(() -> await(start)), CompletableFuture.supplyAsync(() -> await(start)));
        start.countDown();
        runs.forEach(CompletableFuture::join);

        List<String> bodies = digestBodies(user);
        assertThat(bodies).hasSize(1);
        assertThat(bodies.get(0))
                .contains("Hej Test " + user, "Informationsskema indsendt", "Aftale opsagt")
                .contains("/agreements/11", "/agreements/12", "/profile")
                .doesNotContain("Rådgivningssession registreret", "/agreements/13");
        assertThat(jdbc.sql("select subject from mail_outbox where username = :u")
                        .param("u", user)
                        .query(String.class)
                        .single())
                .isEqualTo("Dagligt sammendrag fra Botilbudslæge: 2 nye beskeder");

        // the next run finds nothing new for this user
        digests.run();
        assertThat(digestBodies(user)).hasSize(1);

        // something new: a second digest with that only
        fixtures.notify(user, NotificationKind.FORM_FILED, "/agreements/14");
        digests.run();
        assertThat(digestBodies(user)).hasSize(2);
        assertThat(digestBodies(user).get(1)).contains("/agreements/14").doesNotContain("/agreements/11");
    }

    @Test
    void a_user_with_nothing_new_or_only_app_only_kinds_gets_none() {
        String quiet = fixtures.user("digest-quiet", "quiet@example.dk", "da");
        prefer(quiet, NotificationKind.FORM_FILED, "DIGEST");
        prefer(quiet, NotificationKind.SESSION_LOGGED, "APP_ONLY");
        fixtures.notify(quiet, NotificationKind.SESSION_LOGGED, "/agreements/1/sessions");
        digests.run();
        assertThat(fixtures.outbox(quiet)).isZero();
    }

    @Test
    void read_and_already_mailed_notifications_are_not_listed_again() {
        String mailed = fixtures.user("digest-mailed", "mailed@example.dk", "en");
        // told at once by mail while the kind was IMMEDIATE, then switched to the digest
        fixtures.notify(mailed, NotificationKind.FORM_FILED, "/agreements/21");
        assertThat(fixtures.outbox(mailed)).isEqualTo(1);
        prefer(mailed, NotificationKind.FORM_FILED, "DIGEST");
        long read = fixtures.notify(mailed, NotificationKind.FORM_FILED, "/agreements/22");
        jdbc.sql("update notification set read_at = now() where id = :id")
                .param("id", read)
                .update();
        digests.run();
        assertThat(fixtures.outbox(mailed)).as("nothing unread and unmailed").isEqualTo(1);

        fixtures.notify(mailed, NotificationKind.FORM_FILED, "/agreements/23");
        digests.run();
        List<String> bodies = digestBodies(mailed);
        assertThat(bodies).hasSize(1);
        assertThat(bodies.get(0))
                .contains("Hello Test", "Information form filed", "/agreements/23")
                .doesNotContain("/agreements/21", "/agreements/22");
    }

    private int await(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return digests.run();
    }

    private List<String> digestBodies(String username) {
        return jdbc.sql("select body from mail_outbox where username = :u and kind = 'DIGEST' order by id")
                .param("u", username)
                .query(String.class)
                .list();
    }

    private void prefer(String username, NotificationKind kind, String delivery) {
        jdbc.sql("""
                        insert into notification_preference (username, kind, delivery) values (:u, :k, :d)
                        on conflict (username, kind) do update set delivery = excluded.delivery
                        """)
                .param("u", username)
                .param("k", kind.name())
                .param("d", delivery)
                .update();
    }
}
