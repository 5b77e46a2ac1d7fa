package dk.botilbudslaege.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.botilbudslaege.BotilbudslaegeApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Issue 15 item 1: OpenID Connect login against a real OIDC server started inside the test (NAV's
 * mock-oauth2-server on 127.0.0.1), in production mode (an external database, no demo data) with the password
 * form switched off and logout at the identity provider (RP-initiated) switched on: one extra application for
 * all of it. Role and scope come from {@code app_user} only.
 */
class OidcLoginTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    static MockOAuth2Server idp;
    static EmbeddedPostgres postgres;
    static ConfigurableApplicationContext app;
    static JdbcClient jdbc;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        // the identity provider first: Spring Boot reads its discovery document at start-up
        idp = new MockOAuth2Server();
        idp.start(InetAddress.getByName("127.0.0.1"), 0);
        postgres = EmbeddedPostgres.builder().start();
        app = new SpringApplicationBuilder(BotilbudslaegeApplication.class)
                .run(
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--spring.security.oauth2.client.provider.idp.issuer-uri="
                                + idp.issuerUrl("idp").toString(),
                        "--spring.security.oauth2.client.registration.idp.client-id=botilbud",
                        "--spring.security.oauth2.client.registration.idp.client-secret=test-secret",
                        "--spring.security.oauth2.client.registration.idp.scope=openid,email,profile",
                        "--botilbud.login.password-enabled=false",
                        "--botilbud.oidc.rp-logout=true",
                        "--botilbud.oidc.display-name=Test-IdP");
        jdbc = JdbcClient.create(postgres.getPostgresDatabase());
        base = "http://127.0.0.1" + ":" + app.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        postgres.close();
        idp.shutdown();
    }

    @Test
    void a_known_subject_signs_in_with_the_role_and_scope_of_app_user_whatever_the_token_claims() {
        user("oidc-region", "REGION", "anna.region@example.dk", "sub-known", true);

        Browser anna = Browser.signIn("sub-known", Map.of("email", "other@example.dk", "role", "ADMIN"));

        assertThat(anna.last.statusCode()).isEqualTo(200);
        assertThat(anna.last.uri().getPath()).isEqualTo("/");
        assertThat(anna.last.body()).contains("Display oidc-region");
        assertThat(anna.get("/admin").statusCode())
                .as("the token's role claim gives nothing: a REGION user may not see /admin")
                .isEqualTo(403);
        assertThat(jdbc.sql("select last_login_at is not null from app_user where username = 'oidc-region'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void the_first_sign_in_links_the_one_unlinked_user_with_that_e_mail_and_the_subject_finds_it_after() {
        user("oidc-bind", "REGION", "Bind.Me@example.dk", null, true);

        Browser first = Browser.signIn("sub-bind", Map.of("email", "bind.me@EXAMPLE.dk"));

        assertThat(first.last.statusCode()).isEqualTo(200);
        assertThat(first.last.body()).contains("Display oidc-bind");
        assertThat(subjectOf("oidc-bind")).isEqualTo("sub-bind");
        assertThat(jdbc.sql(
                                "select count(*) from audit_event where entity_type = 'app_user' and entity_id = 'oidc-bind'"
                                        + " and action = 'USER_LINKED' and actor = 'oidc-bind'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        Browser again = Browser.signIn("sub-bind", Map.of("email", "changed@example.dk"));
        assertThat(again.last.body()).contains("Display oidc-bind");
    }

    @Test
    void one_address_is_one_users_so_e_mail_matching_never_finds_two() {
        user("oidc-twin-a", "REGION", "twin@example.dk", null, true);
        // issue 15 (V36): a second user with the address in another case is refused by the database, so nobody can
        // block another user's first sign-in by giving a new user that user's address
        assertThatThrownBy(() -> user("oidc-twin-b", "REGION", "TWIN@example.dk", null, true))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);

        Browser twin = Browser.signIn("sub-twin", Map.of("email", "twin@example.dk"));

        assertThat(twin.last.statusCode()).isEqualTo(200);
        assertThat(subjectOf("oidc-twin-a")).isEqualTo("sub-twin");
    }

    @Test
    void a_person_the_application_does_not_know_sees_a_clear_403_page_in_danish_or_english() {
        Browser stranger = Browser.signIn("sub-stranger", Map.of("email", "nobody@example.dk"));

        assertThat(stranger.last.statusCode()).isEqualTo(403);
        assertThat(stranger.last.uri().getPath()).isEqualTo("/login/refused");
        assertThat(stranger.last.body())
                .contains("id=\"login-refused-unknown\"")
                .contains("Du er ikke oprettet som bruger i Botilbudslæge");
        assertThat(stranger.get("/").headers().firstValue("Location").orElse(""))
                .endsWith("/login");

        HttpResponse<String> english = stranger.get("/login/refused?reason=unknown&lang=en");
        assertThat(english.statusCode()).isEqualTo(403);
        assertThat(english.body()).contains("You are not registered as a user");
    }

    @Test
    void a_disabled_user_sees_the_403_page_that_says_so() {
        user("oidc-disabled", "REGION", "disabled@example.dk", "sub-disabled", false);

        Browser disabled = Browser.signIn("sub-disabled", Map.of("email", "disabled@example.dk"));

        assertThat(disabled.last.statusCode()).isEqualTo(403);
        assertThat(disabled.last.body())
                .contains("id=\"login-refused-disabled\"")
                .contains("deaktiveret");
        assertThat(disabled.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void logout_ends_the_session_here_and_at_the_identity_provider_and_a_protected_page_then_asks_to_sign_in() {
        user("oidc-logout", "REGION", "logout@example.dk", "sub-logout", true);
        Browser person = Browser.signIn("sub-logout", Map.of());
        assertThat(person.last.statusCode()).isEqualTo(200);

        HttpResponse<String> logout = person.post("/logout", csrf(person.last.body()), Map.of());

        assertThat(logout.statusCode()).isEqualTo(302);
        String location = logout.headers().firstValue("Location").orElseThrow();
        assertThat(location)
                .startsWith(idp.issuerUrl("idp").toString())
                .contains("id_token_hint=")
                .contains("post_logout_redirect_uri=");
        HttpResponse<String> protectedPage = person.get("/facilities");
        assertThat(protectedPage.statusCode()).isEqualTo(302);
        assertThat(protectedPage.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void with_the_password_form_switched_off_the_login_page_offers_the_identity_provider_and_a_password_is_refused() {
        jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, role, region_code)
                        values ('oidc-password', :hash, 'Display oidc-password', 'REGION', '1082')
                        """)
                .param("hash", new BCryptPasswordEncoder().encode("correct-horse-42"))
                .update();
        Browser anonymous = new Browser();
        HttpResponse<String> page = anonymous.get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"login-idp\"")
                .contains("/oauth2/authorization/idp")
                .contains("Log ind med Test-IdP")
                .doesNotContain("name=\"password\"");

        // even with a valid CSRF token (from a signed-in session's page) the form login does not exist
        user("oidc-csrf", "REGION", "csrf@example.dk", "sub-csrf", true);
        Browser someone = Browser.signIn("sub-csrf", Map.of());
        HttpResponse<String> refused = someone.post(
                "/login",
                csrf(someone.last.body()),
                Map.of("username", "oidc-password", "password", "correct-horse-42"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("id=\"login-password-off\"");
        assertThat(someone.get("/").body()).contains("Display oidc-csrf").doesNotContain("Display oidc-password");
        assertThat(jdbc.sql("select last_login_at is null from app_user where username = 'oidc-password'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    private static void user(String username, String role, String email, String subject, boolean enabled) {
        jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, role, region_code, email,
                                              oidc_subject, enabled)
                        values (:username, null, :display, :role, '1082', :email, :subject, :enabled)
                        """)
                .param("username", username)
                .param("display", "Display " + username)
                .param("role", role)
                .param("email", email)
                .param("subject", subject)
                .param("enabled", enabled)
                .update();
    }

    private static String subjectOf(String username) {
        return jdbc.sql("select coalesce(oidc_subject, 'none') from app_user where username = :u")
                .param("u", username)
                .query(String.class)
                .single();
    }

    private static String csrf(String body) {
        Matcher m = CSRF.matcher(body);
        assertThat(m.find()).as("a form with a CSRF token").isTrue();
        return m.group(1);
    }

    /** A browser: one cookie jar, redirects followed for the sign-in, not for the checks. */
    static final class Browser {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient following = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.ALWAYS)
                .build();
        private final HttpClient plain =
                HttpClient.newBuilder().cookieHandler(cookies).build();
        HttpResponse<String> last;

        /** Through the identity provider, which answers with a token for this subject and these claims. */
        static Browser signIn(String subject, Map<String, Object> claims) {
            idp.enqueueCallback(new DefaultOAuth2TokenCallback("idp", subject, "JWT", List.of(), claims, 3600));
            Browser browser = new Browser();
            try {
                browser.last = browser.following.send(
                        HttpRequest.newBuilder(URI.create(base + "/oauth2/authorization/idp"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return browser;
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        HttpResponse<String> post(String path, String csrf, Map<String, String> fields) {
            StringBuilder body = new StringBuilder("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
            fields.forEach((k, v) ->
                    body.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        }

        HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return plain.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
