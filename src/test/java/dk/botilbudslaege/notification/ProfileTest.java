package dk.botilbudslaege.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code /profile}: the e-mail address, the language and the delivery per kind, which the Notifier then follows. */
@IntegrationTest
class ProfileTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    NotificationFixtures fixtures;
    String user;
    WebSession session;

    @BeforeEach
    void setUp() {
        fixtures = NotificationFixtures.from(context);
        // a region's user (Hovedstaden: the other tests' changes are in other regions; disabled after each test)
        user = fixtures.user("profile-karen", null, "da", Role.REGION, "1084", null);
        session = WebSession.signIn(port, user);
    }

    @AfterEach
    void tearDown() {
        fixtures.disable(user);
    }

    @Test
    void the_page_shows_the_kinds_of_the_role_with_their_danish_label_and_the_default() {
        HttpResponse<String> page = session.get("/profile");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("E-mailadresse", "Straks på e-mail", "Dagligt sammendrag", "Kun i programmet")
                .contains("Informationsskema indsendt")
                .as("a region is not told of surveys sent to it, sick visits or rounds")
                .doesNotContain("Påmindelse om statusundersøgelse", "Anmodning om sygebesøg");
        for (NotificationKind kind : NotificationKind.values()) {
            if (kind.tells(Role.REGION)) {
                assertThat(page.body()).contains("id=\"" + kind + "-IMMEDIATE\"");
            } else {
                assertThat(page.body()).doesNotContain("id=\"" + kind + "-IMMEDIATE\"");
            }
        }
        assertThat(page.body()).containsPattern("id=\"FORM_FILED-IMMEDIATE\"[^>]*checked");
        // each radio is named by its row and its column: "Informationsskema indsendt Dagligt sammendrag"
        assertThat(page.body())
                .contains("id=\"col-DIGEST\"", "id=\"kind-FORM_FILED\"")
                .containsPattern("aria-labelledby=\"kind-FORM_FILED col-DIGEST\"[^>]*id=\"FORM_FILED-DIGEST\""
                        + "|id=\"FORM_FILED-DIGEST\"[^>]*aria-labelledby=\"kind-FORM_FILED col-DIGEST\"");

        String municipality = fixtures.user("profile-kommune", null, "da", Role.MUNICIPALITY, null, "101");
        try {
            String body = WebSession.signIn(port, municipality).get("/profile").body();
            assertThat(body)
                    .contains("id=\"SURVEY_SENT-IMMEDIATE\"", "id=\"SESSION_LOGGED-IMMEDIATE\"")
                    .doesNotContain("id=\"FORM_FILED-IMMEDIATE\"", "id=\"ROUND_OPENED-IMMEDIATE\"");
        } finally {
            fixtures.disable(municipality);
        }
        // the national viewer is told of nothing: no choices, only the address and the language
        String national = fixtures.user("profile-national", null, "da");
        HttpResponse<String> nothing = WebSession.signIn(port, national).get("/profile");
        assertThat(nothing.body()).contains("id=\"no-kinds\"", "id=\"email\"").doesNotContain("id=\"deliveries\"");
    }

    @Test
    void a_kind_the_role_is_not_told_of_is_ignored_when_posted() {
        Map<String, String> form = new HashMap<>(Map.of("email", "", "language", "da"));
        form.put("SICK_VISIT_REQUESTED", "APP_ONLY");
        form.put("FORM_FILED", "DIGEST");
        assertThat(session.post("/profile", "/profile", form).statusCode()).isEqualTo(302);
        assertThat(preferences()).isEqualTo(1);
    }

    @Test
    void a_form_without_the_address_or_the_language_is_refused_and_nothing_is_saved() {
        jdbc.sql("update app_user set email = 'karen@region.dk', language = 'en' where username = :u")
                .param("u", user)
                .update();
        Map<String, String> noAddress = new HashMap<>(Map.of("language", "da", "FORM_FILED", "DIGEST"));
        HttpResponse<String> answer = session.post("/profile", "/profile", noAddress);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("id=\"email-error\"", "E-mailadresse: feltet mangler i formularen.");
        assertThat(email()).as("the address is kept").isEqualTo("karen@region.dk");
        assertThat(preferences()).isZero();

        HttpResponse<String> noLanguage =
                session.post("/profile", "/profile", Map.of("email", "karen@region.dk", "FORM_FILED", "DIGEST"));
        assertThat(noLanguage.statusCode()).isEqualTo(400);
        assertThat(noLanguage.body()).contains("Sprog: feltet mangler i formularen.");
        assertThat(language()).as("not reset to Danish").isEqualTo("en");
        assertThat(preferences()).isZero();

        // an empty address is still how it is cleared
        assertThat(session.post("/profile", "/profile", Map.of("email", "", "language", "en"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(email()).isNull();
    }

    @Test
    void an_address_with_an_invisible_character_is_an_invalid_address_on_its_field_with_the_input_kept() {
        String address = "karen\u202e@region.dk";
        HttpResponse<String> answer = session.post(
                "/profile", "/profile", Map.of("email", address, "language", "en", "FORM_FILED", "DIGEST"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("id=\"email-error\"", "E-mailadresse: skriv en gyldig e-mailadresse");
        assertThat(answer.body()).as("the input kept").contains("value=\"" + address + "\"");
        assertThat(email()).isNull();
        assertThat(language()).isEqualTo("da");
        assertThat(preferences()).isZero();
    }

    @Test
    void a_bad_address_is_shown_by_its_field_with_the_input_kept_and_nothing_is_saved() {
        Map<String, String> form = new HashMap<>(Map.of("email", "karen@kommune", "language", "en"));
        form.put("FORM_FILED", "APP_ONLY");
        HttpResponse<String> answer = session.post("/profile", "/profile", form);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("id=\"email-error\"", "E-mailadresse: skriv en gyldig e-mailadresse");
        assertThat(answer.body()).contains("value=\"karen@kommune\"");
        assertThat(email()).isNull();
        assertThat(jdbc.sql("select language from app_user where username = :u")
                        .param("u", user)
                        .query(String.class)
                        .single())
                .isEqualTo("da");
        assertThat(preferences()).isZero();

        HttpResponse<String> badDelivery =
                session.post("/profile", "/profile", Map.of("email", "", "language", "da", "FORM_FILED", "SOMETIMES"));
        assertThat(badDelivery.statusCode()).isEqualTo(200);
        assertThat(badDelivery.body()).contains("Informationsskema indsendt: vælg straks på e-mail");
        HttpResponse<String> badLanguage = session.post("/profile", "/profile", Map.of("email", "", "language", "fr"));
        assertThat(badLanguage.body()).contains("Sprog: vælg dansk eller engelsk.");
    }

    @Test
    void an_address_with_a_line_break_is_an_invalid_address_on_its_field_not_the_error_page() {
        String injected = "a@b.dk\r\nBcc: x@y.dk";
        HttpResponse<String> answer = session.post("/profile", "/profile", Map.of("email", injected, "language", "da"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("id=\"email-error\"", "E-mailadresse: skriv en gyldig e-mailadresse");
        assertThat(answer.body()).as("the input kept").contains("Bcc: x@y.dk");
        assertThat(email()).isNull();

        // another field stays one line: a line break in the language is refused before the handler
        HttpResponse<String> language =
                session.post("/profile", "/profile", Map.of("email", "", "language", "da\r\nx"));
        assertThat(language.statusCode()).isEqualTo(400);
    }

    @Test
    void saved_choices_are_followed_by_the_notifier() {
        Map<String, String> form = new HashMap<>();
        form.put("email", "  karen@norddjurs.dk ");
        form.put("language", "en");
        form.put("DISPENSATION_APPLIED", "APP_ONLY");
        form.put("FORM_FILED", "DIGEST");
        form.put("NOTICE_GIVEN", "IMMEDIATE");
        HttpResponse<String> saved = session.post("/profile", "/profile", form);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(session.get("/profile").body())
                .as("the pages follow the language saved")
                .contains("Your profile is saved.", "value=\"karen@norddjurs.dk\"")
                .containsPattern("id=\"DISPENSATION_APPLIED-APP_ONLY\"[^>]*checked");
        assertThat(email()).isEqualTo("karen@norddjurs.dk");
        assertThat(preferences()).isEqualTo(2); // the default is no row

        fixtures.notify(user, NotificationKind.DISPENSATION_APPLIED, "/dispensation-applications/999999991");
        assertThat(fixtures.outbox(user)).as("in the app only: no mail").isZero();
        fixtures.notify(user, NotificationKind.FORM_FILED, "/agreements/999999991");
        assertThat(fixtures.outbox(user)).as("daily digest: no mail at once").isZero();
        fixtures.notify(user, NotificationKind.NOTICE_GIVEN, "/agreements/999999991");
        assertThat(fixtures.outbox(user)).isEqualTo(1);
        assertThat(jdbc.sql("select subject from mail_outbox where username = :u")
                        .param("u", user)
                        .query(String.class)
                        .single())
                .as("in the language chosen")
                .isEqualTo("Notice given on an agreement");

        // the address can be cleared: then no mail at all
        assertThat(session.post("/profile", "/profile", Map.of("email", "", "language", "da"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(email()).isNull();
        fixtures.notify(user, NotificationKind.NOTICE_GIVEN, "/agreements/999999991");
        assertThat(fixtures.outbox(user)).isEqualTo(1);
        assertThat(preferences()).as("kinds left out keep their choice").isEqualTo(2);
    }

    @Test
    void the_demo_users_have_demo_addresses() {
        assertThat(jdbc.sql("select email from app_user where username = 'laege-norddjurs'")
                        .query(String.class)
                        .single())
                .isEqualTo("laege-norddjurs@demo.botilbudslaege.dk");
    }

    @Test
    void an_address_another_user_has_is_a_field_error_not_a_500_and_nothing_is_saved() {
        HttpResponse<String> answer = session.post(
                "/profile",
                "/profile",
                Map.of("email", "Kommune-Aarhus@DEMO.botilbudslaege.dk", "language", "en", "FORM_FILED", "DIGEST"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body())
                .contains("E-mailadressen bruges allerede af en anden bruger")
                .doesNotContain("kommune-aarhus\"", "Aarhus Kommune");
        assertThat(email()).isNull();
        assertThat(preferences()).as("nothing saved").isZero();
    }

    private String email() {
        return jdbc.sql("select email from app_user where username = :u")
                .param("u", user)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private String language() {
        return jdbc.sql("select language from app_user where username = :u")
                .param("u", user)
                .query(String.class)
                .single();
    }

    private int preferences() {
        return jdbc.sql("select count(*) from notification_preference where username = :u")
                .param("u", user)
                .query(Integer.class)
                .single();
    }
}
