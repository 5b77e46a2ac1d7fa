package dk.botilbudslaege.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
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
        user = fixtures.user("profile-karen", null, "da");
        session = WebSession.signIn(port, user);
    }

    @Test
    void the_page_shows_every_kind_with_its_danish_label_and_the_default() {
        HttpResponse<String> page = session.get("/profile");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("E-mailadresse", "Straks på e-mail", "Dagligt sammendrag", "Kun i programmet")
                .contains("Informationsskema indsendt", "Påmindelse om statusundersøgelse");
        for (NotificationKind kind : NotificationKind.values()) {
            assertThat(page.body()).contains("id=\"" + kind + "-IMMEDIATE\"");
        }
        assertThat(page.body()).containsPattern("id=\"FORM_FILED-IMMEDIATE\"[^>]*checked");
    }

    @Test
    void a_bad_address_is_shown_by_its_field_with_the_input_kept_and_nothing_is_saved() {
        Map<String, String> form = new HashMap<>(Map.of("email", "karen@kommune", "language", "en"));
        form.put("SESSION_LOGGED", "APP_ONLY");
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
        form.put("SESSION_LOGGED", "APP_ONLY");
        form.put("FORM_FILED", "DIGEST");
        form.put("NOTICE_GIVEN", "IMMEDIATE");
        HttpResponse<String> saved = session.post("/profile", "/profile", form);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(session.get("/profile").body())
                .as("the pages follow the language saved")
                .contains("Your profile is saved.", "value=\"karen@norddjurs.dk\"")
                .containsPattern("id=\"SESSION_LOGGED-APP_ONLY\"[^>]*checked");
        assertThat(email()).isEqualTo("karen@norddjurs.dk");
        assertThat(preferences()).isEqualTo(2); // the default is no row

        fixtures.notify(user, NotificationKind.SESSION_LOGGED, "/agreements/1/sessions");
        assertThat(fixtures.outbox(user)).as("in the app only: no mail").isZero();
        fixtures.notify(user, NotificationKind.FORM_FILED, "/agreements/1");
        assertThat(fixtures.outbox(user)).as("daily digest: no mail at once").isZero();
        fixtures.notify(user, NotificationKind.NOTICE_GIVEN, "/agreements/1");
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
        fixtures.notify(user, NotificationKind.NOTICE_GIVEN, "/agreements/1");
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

    private String email() {
        return jdbc.sql("select email from app_user where username = :u")
                .param("u", user)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private int preferences() {
        return jdbc.sql("select count(*) from notification_preference where username = :u")
                .param("u", user)
                .query(Integer.class)
                .single();
    }
}
