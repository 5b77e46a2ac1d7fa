package dk.botilbudslaege.notification;

import static dk.botilbudslaege.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/notifications}: every signed-in user, own notifications only, in the caller's language. */
@IntegrationTest
class NotificationsApiTest {

    @Autowired
    WebApplicationContext context;

    NotificationFixtures fixtures;

    Api api;
    String mette;
    String ole;

    @BeforeEach
    void setUp() {
        api = Api.through(context);
        fixtures = NotificationFixtures.from(context);
        mette = fixtures.user("api-mette", null, "da");
        ole = fixtures.user("api-ole", null, "da");
    }

    @Test
    void the_caller_reads_own_notifications_newest_first_and_marks_one_read() {
        long first = fixtures.notify(mette, NotificationKind.FORM_FILED, "/agreements/1");
        long second = fixtures.notify(mette, NotificationKind.NOTICE_GIVEN, "/agreements/2");
        fixtures.notify(ole, NotificationKind.FORM_FILED, "/agreements/3");

        Api.Response list = api.as(mette).get("/api/v1/notifications");
        assertThat(list.status()).isEqualTo(200);
        assertThat(ids(list.json())).containsExactly(second, first);
        JsonNode newest = list.json().get(0);
        assertThat(newest.path("kind").asString()).isEqualTo("NOTICE_GIVEN");
        assertThat(newest.path("subject").asString()).isEqualTo("Aftale opsagt");
        assertThat(newest.path("link").asString()).isEqualTo("/agreements/2");
        assertThat(newest.path("createdAt").asString()).isNotBlank();
        assertThat(newest.get("readAt").isNull()).isTrue();

        Api.Response read = api.as(mette).post("/api/v1/notifications/" + first + "/read", Map.of());
        assertThat(read.status()).isEqualTo(200);
        String readAt = read.json().path("readAt").asString();
        assertThat(readAt).isNotBlank();
        // idempotent: a repeat answers the first reading time
        Api.Response again = api.as(mette).post("/api/v1/notifications/" + first + "/read", Map.of());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("readAt").asString()).isEqualTo(readAt);

        assertThat(ids(api.as(mette).get("/api/v1/notifications?unread=true").json()))
                .containsExactly(second);
        assertThat(ids(api.as(mette).get("/api/v1/notifications?unread=false").json()))
                .containsExactly(first);
    }

    @Test
    void another_users_notification_is_not_found_and_stays_unread() {
        long oles = fixtures.notify(ole, NotificationKind.FORM_FILED, "/agreements/3");

        assertProblem(api.as(mette).post("/api/v1/notifications/" + oles + "/read", Map.of()), 404, "NOT_FOUND");
        assertProblem(api.as(mette).post("/api/v1/notifications/999999999/read", Map.of()), 404, "NOT_FOUND");
        assertThat(ids(api.as(mette).get("/api/v1/notifications").json())).doesNotContain(oles);
        assertThat(ids(api.as(ole).get("/api/v1/notifications?unread=true").json()))
                .containsExactly(oles);
        // a demo user sees none of these either
        assertThat(ids(api.as("region-midt").get("/api/v1/notifications").json()))
                .doesNotContain(oles);
    }

    @Test
    void the_subject_is_in_the_callers_language() {
        fixtures.notify(mette, NotificationKind.FORM_FILED, "/agreements/1");
        Api.Response english = api.as(mette).header("Accept-Language", "en").get("/api/v1/notifications");
        assertThat(english.json().get(0).path("subject").asString()).isEqualTo("Information form filed");
        Api.Response danish = api.as(mette).get("/api/v1/notifications");
        assertThat(danish.json().get(0).path("subject").asString()).isEqualTo("Informationsskema indsendt");
    }

    @Test
    void anonymous_callers_and_bad_input_are_refused() {
        long id = fixtures.notify(mette, NotificationKind.FORM_FILED, "/agreements/1");
        assertThat(api.anonymous().get("/api/v1/notifications").status()).isEqualTo(401);
        assertThat(api.anonymous()
                        .post("/api/v1/notifications/" + id + "/read", Map.of())
                        .status())
                .isEqualTo(401);

        JsonNode bad = assertProblem(api.as(mette).get("/api/v1/notifications?unread=maybe"), 400, "VALIDATION_FAILED");
        assertThat(bad.path("errors").get(0).path("field").asString()).isEqualTo("unread");
        assertThat(api.as(mette)
                        .post("/api/v1/notifications/abc/read", Map.of())
                        .status())
                .isEqualTo(400);
    }

    @Test
    void the_list_pages_by_page_and_size_and_refuses_a_bad_one_in_danish() {
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(fixtures.notify(mette, NotificationKind.FORM_FILED, "/agreements/" + i));
        }
        List<Long> newestFirst = new ArrayList<>(made);
        java.util.Collections.reverse(newestFirst);

        assertThat(ids(api.as(mette).get("/api/v1/notifications").json()))
                .as("left out: one array, newest first")
                .containsExactlyElementsOf(newestFirst);
        assertThat(ids(api.as(mette).get("/api/v1/notifications?size=2").json()))
                .containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(ids(api.as(mette).get("/api/v1/notifications?page=1&size=2").json()))
                .containsExactlyElementsOf(newestFirst.subList(2, 4));
        assertThat(ids(api.as(mette).get("/api/v1/notifications?page=2&size=2").json()))
                .containsExactlyElementsOf(newestFirst.subList(4, 5));
        assertThat(api.as(mette).get("/api/v1/notifications?page=3&size=2").json())
                .isEmpty();
        assertThat(ids(api.as(mette)
                        .get("/api/v1/notifications?unread=true&page=0&size=2000")
                        .json()))
                .containsExactlyElementsOf(newestFirst);

        JsonNode negative = assertProblem(api.as(mette).get("/api/v1/notifications?page=-1"), 400, "VALIDATION_FAILED");
        assertThat(negative.path("errors").get(0).path("field").asString()).isEqualTo("page");
        assertThat(negative.path("errors").get(0).path("message").asString()).contains("Sidetallet");
        for (String size : List.of("0", "-5", "2001", "99999999999")) {
            JsonNode bad =
                    assertProblem(api.as(mette).get("/api/v1/notifications?size=" + size), 400, "VALIDATION_FAILED");
            assertThat(bad.path("errors").get(0).path("field").asString())
                    .as(size)
                    .isEqualTo("size");
        }
        JsonNode tooBig = assertProblem(api.as(mette).get("/api/v1/notifications?size=2001"), 400, "VALIDATION_FAILED");
        assertThat(tooBig.path("errors").get(0).path("message").asString())
                .isEqualTo("Sidestørrelsen skal være mellem 1 og 2.000.");
        for (String page : List.of("abc", "1.5", "99999999999")) {
            JsonNode bad =
                    assertProblem(api.as(mette).get("/api/v1/notifications?page=" + page), 400, "VALIDATION_FAILED");
            assertThat(bad.path("errors").get(0).path("field").asString())
                    .as(page)
                    .isEqualTo("page");
        }
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.path("id").asLong()));
        return ids;
    }
}
