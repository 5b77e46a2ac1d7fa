package dk.botilbudslaege.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code /notifications}: a user sees a notification, follows it to its page, and it is read. */
@IntegrationTest
class NotificationPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    NotificationFixtures fixtures;
    String user;

    @BeforeEach
    void setUp() {
        fixtures = NotificationFixtures.from(context);
        user = fixtures.user("page-anne", null, "da");
    }

    @Test
    void a_user_sees_a_notification_follows_it_and_it_is_read() {
        long older = fixtures.notify(user, NotificationKind.FORM_FILED, "/agreements/1");
        long newer = fixtures.notify(user, NotificationKind.NOTICE_GIVEN, "/agreements/2");
        WebSession session = WebSession.signIn(port, user);

        HttpResponse<String> page = session.get("/notifications");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Informationsskema indsendt", "Aftale opsagt", "Markér som læst", "Markér alle som læst")
                .contains("id=\"unread-count\">2<", "aria-label=\"Beskeder, 2 ulæste\"");
        assertThat(page.body().indexOf("notification-" + newer))
                .isLessThan(page.body().indexOf("notification-" + older));

        HttpResponse<String> open = session.get("/notifications/" + older + "/open");
        assertThat(open.statusCode()).isEqualTo(302);
        assertThat(open.headers().firstValue("Location").orElse("")).endsWith("/agreements/1");
        assertThat(readAt(older)).isTrue();

        // unread first: the read one now comes after, and the bell counts one
        page = session.get("/notifications");
        assertThat(page.body().indexOf("notification-" + newer))
                .isLessThan(page.body().indexOf("notification-" + older));
        assertThat(page.body()).contains("id=\"unread-count\">1<", "aria-label=\"Beskeder, 1 ulæst\"");
        // every page of a signed-in user has the bell
        assertThat(session.get("/profile").body()).contains("id=\"unread-count\">1<");

        HttpResponse<String> read = session.post("/notifications/" + newer + "/read", "/notifications", Map.of());
        assertThat(read.statusCode()).isEqualTo(302);
        assertThat(readAt(newer)).isTrue();
        assertThat(session.get("/notifications").body()).doesNotContain("id=\"unread-count\"");
    }

    @Test
    void mark_all_read_marks_the_users_own_only() {
        long mine = fixtures.notify(user, NotificationKind.FORM_FILED, "/agreements/1");
        String other = fixtures.user("page-bo", null, "da");
        long theirs = fixtures.notify(other, NotificationKind.FORM_FILED, "/agreements/1");
        WebSession session = WebSession.signIn(port, user);

        HttpResponse<String> all = session.post("/notifications/read-all", "/notifications", Map.of());
        assertThat(all.statusCode()).isEqualTo(302);
        assertThat(session.get("/notifications").body())
                .as("one in the singular")
                .contains("Alle beskeder er markeret som læst (1 var ulæst).");
        assertThat(readAt(mine)).isTrue();
        assertThat(readAt(theirs)).isFalse();

        // another user's notification can be neither followed nor marked
        assertThat(session.get("/notifications/" + theirs + "/open").statusCode())
                .isEqualTo(404);
        session.post("/notifications/" + theirs + "/read", "/notifications", Map.of());
        assertThat(readAt(theirs)).isFalse();
        // a page of an id that cannot be one is "not found", as every page answers it
        assertThat(session.get("/notifications/abc/open").statusCode()).isEqualTo(404);
    }

    @Test
    void a_link_leads_only_to_a_path_of_this_app() {
        assertThat(NotificationList.safePath("/agreements/1?tab=x")).isEqualTo("/agreements/1?tab=x");
        assertThat(NotificationList.safePath("//evil.example/")).isEqualTo("/notifications");
        assertThat(NotificationList.safePath("/\\evil.example/")).isEqualTo("/notifications");
        assertThat(NotificationList.safePath("https://evil.example/")).isEqualTo("/notifications");
        assertThat(NotificationList.safePath("/a\r\nSet-Cookie: x")).isEqualTo("/notifications");
    }

    @Test
    void signed_out_the_pages_lead_to_the_login() {
        HttpResponse<String> page = WebSessionAnonymous.get(port, "/notifications");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).contains("/login");
    }

    @Test
    void the_list_shows_fifty_a_page_with_the_next_page_linked() {
        String many = fixtures.user("page-many", null, "da");
        for (int i = 0; i < 51; i++) {
            fixtures.notify(many, NotificationKind.FORM_FILED, "/agreements/" + i);
        }
        WebSession session = WebSession.signIn(port, many);
        HttpResponse<String> first = session.get("/notifications");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body().split("id=\"notification-", -1)).hasSize(51);
        // i16 lists: page numbers instead of "Side 1 af 2"; the link keeps the sort
        assertThat(first.body()).contains("Viser 1–50 af 51", "aria-label=\"Side 2\"", "&amp;page=1\"");
        HttpResponse<String> second = session.get("/notifications?page=1");
        assertThat(second.body().split("id=\"notification-", -1)).hasSize(2);
        assertThat(second.body()).contains("Viser 51–51 af 51", "aria-current=\"page\"");
        assertThat(session.get("/notifications?page=-3").statusCode()).isEqualTo(200);
    }

    private boolean readAt(long id) {
        return jdbc.sql("select read_at is not null from notification where id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    /** A request without a session. */
    static final class WebSessionAnonymous {
        static HttpResponse<String> get(int port, String path) {
            try {
                return java.net.http.HttpClient.newHttpClient()
                        .send(
                                java.net.http.HttpRequest.newBuilder(
                                                java.net.URI.create("http://127.0.0.1:" + port + path))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
