package dk.botilbudslaege.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;

/**
 * Issue 16 item 8: a deep link survives the login (a same-site path only, never an htmx fragment), the user name
 * stays in the field after a wrong password, and the demo logins are listed only in the local mode.
 */
@IntegrationTest
class LoginDeepLinkTest {

    @LocalServerPort
    int port;

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private HttpResponse<String> login(WebSession session, String username, String password) {
        return session.post("/login", "/login", Map.of("username", username, "password", password));
    }

    @Test
    void a_page_asked_for_before_the_login_is_where_the_login_lands() {
        WebSession session = WebSession.anonymous(port);
        HttpResponse<String> asked = session.get("/agreements?status=ACTIVE&page=2");
        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(location(asked)).endsWith("/login");

        HttpResponse<String> signedIn = login(session, "region-midt", Api.PASSWORD);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(location(signedIn)).isEqualTo("/agreements?status=ACTIVE&page=2");
        assertThat(session.get(location(signedIn)).statusCode()).isEqualTo(200);
    }

    @Test
    void without_a_page_asked_for_the_login_lands_on_the_start_page() {
        HttpResponse<String> signedIn = login(WebSession.anonymous(port), "region-midt", Api.PASSWORD);

        assertThat(location(signedIn)).isEqualTo("/");
    }

    @Test
    void an_htmx_fragment_asked_for_before_the_login_is_not_a_page_to_land_on() {
        WebSession session = WebSession.anonymous(port);
        session.request("GET", "/facilities?q=a", null, "HX-Request", "true");

        assertThat(location(login(session, "region-midt", Api.PASSWORD))).isEqualTo("/");
    }

    @Test
    void the_deep_link_survives_a_wrong_password_first() {
        WebSession session = WebSession.anonymous(port);
        session.get("/facilities?coverage=NONE");
        assertThat(location(login(session, "region-midt", "wrong"))).endsWith("/login?error");

        assertThat(location(login(session, "region-midt", Api.PASSWORD))).isEqualTo("/facilities?coverage=NONE");
    }

    @Test
    void only_a_path_of_this_site_is_a_target() {
        assertThat(DeepLinkSuccessHandler.safe("/agreements/5")).isTrue();
        assertThat(DeepLinkSuccessHandler.safe("/facilities?q=%C3%A6")).isTrue();
        assertThat(DeepLinkSuccessHandler.safe("//evil.example/x")).isFalse();
        assertThat(DeepLinkSuccessHandler.safe("/\\evil.example")).isFalse();
        assertThat(DeepLinkSuccessHandler.safe("https://evil.example/")).isFalse();
        assertThat(DeepLinkSuccessHandler.safe("/a\r\nSet-Cookie: x")).isFalse();
        assertThat(DeepLinkSuccessHandler.safe("/login?error")).isFalse();
        assertThat(DeepLinkSuccessHandler.safe("/logout")).isFalse();
    }

    @Test
    void after_a_wrong_password_the_user_name_stays_in_the_field_once_and_the_password_does_not() {
        WebSession session = WebSession.anonymous(port);
        assertThat(location(login(session, "kommune-aarhus", "not-the-password")))
                .endsWith("/login?error");

        String page = session.get("/login?error").body();

        assertThat(page)
                .contains("Forkert brugernavn eller adgangskode")
                .containsPattern("id=\"username\"[^>]*value=\"kommune-aarhus\"")
                .doesNotContain("not-the-password");
        assertThat(session.get("/login").body()).doesNotContain("value=\"kommune-aarhus\"");
    }

    @Test
    void a_user_name_with_markup_is_kept_escaped() {
        WebSession session = WebSession.anonymous(port);
        login(session, "<b>x\"y</b>", "guess");

        assertThat(session.get("/login?error").body())
                .contains("value=\"&lt;b&gt;x&quot;y&lt;/b&gt;\"")
                .doesNotContain("<b>x");
    }

    @Test
    void the_demo_logins_are_listed_in_the_local_mode_only() {
        MockEnvironment external =
                new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db.example/botilbud");
        LoginController controller =
                new LoginController(external, null, LoginSettings.from(external), new NoRegistrations());
        ExtendedModelMap model = new ExtendedModelMap();

        controller.login(model, new MockHttpServletRequest("GET", "/login"), new MockHttpServletResponse());

        assertThat(model).doesNotContainKey("demoUsers").containsEntry("passwordEnabled", true);
        assertThat(WebSession.anonymous(port).get("/login").body()).contains("Demo-logins", "<code>region-midt</code>");
    }

    /** No identity provider configured. */
    private static final class NoRegistrations
            implements org.springframework.beans.factory.ObjectProvider<
                    org.springframework.security.oauth2.client.registration.ClientRegistrationRepository> {
        @Override
        public org.springframework.security.oauth2.client.registration.ClientRegistrationRepository getObject(
                Object... args) {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.springframework.security.oauth2.client.registration.ClientRegistrationRepository getIfAvailable() {
            return null;
        }

        @Override
        public org.springframework.security.oauth2.client.registration.ClientRegistrationRepository getIfUnique() {
            return null;
        }

        @Override
        public org.springframework.security.oauth2.client.registration.ClientRegistrationRepository getObject() {
            throw new UnsupportedOperationException();
        }
    }
}
