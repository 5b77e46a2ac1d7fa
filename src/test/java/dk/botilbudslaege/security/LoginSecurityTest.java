package dk.botilbudslaege.security;

import static dk.botilbudslaege.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 10 item 8: failed logins are throttled by form and by Basic, logged as security events with
 * the 403s; a disabled account is refused at once; CSRF is skipped only for Basic without a session;
 * every answer carries the security headers; a forged Host header never becomes a redirect target.
 * Each test guesses from its own client address (X-Forwarded-For, believed from 127.0.0.1, a trusted
 * proxy), so that other tests signing in from 127.0.0.1 are never held.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LoginSecurityTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AppUserDetailsService userDetails;

    static String freshAddress() {
        return "203.0.113." + ADDRESSES.incrementAndGet();
    }

    String newUser() {
        String name = "login-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new Users.NewUser(name, Api.PASSWORD, "Login Test", Role.REGION, "1082", null, null, null));
        return name;
    }

    // review 17: a NUL in a username was asked of PostgreSQL, whose error was logged with its stack trace
    @Test
    void a_username_with_a_nul_is_a_wrong_username() {
        assertThat(Http.basic(
                                port,
                                "GET",
                                "/api/v1/regions",
                                "region\u0000midt",
                                "demo",
                                "X-Forwarded-For",
                                freshAddress())
                        .statusCode())
                .isEqualTo(401);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> userDetails.loadUserByUsername("adm\u0000in"))
                .isInstanceOf(org.springframework.security.core.userdetails.UsernameNotFoundException.class);
    }

    @Test
    void basic_failures_from_one_address_are_answered_429_with_retry_after_and_other_addresses_go_on() {
        String address = freshAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(Http.basic(port, "GET", "/api/v1/regions", "nobody-" + i, "guess", "X-Forwarded-For", address)
                            .statusCode())
                    .isEqualTo(401);
        }

        HttpResponse<String> held =
                Http.basic(port, "GET", "/api/v1/regions", "region-midt", "demo", "X-Forwarded-For", address);

        assertProblem(
                new Api.Response(
                        held.statusCode(),
                        held.body(),
                        held.headers().firstValue("Content-Type").orElse("")),
                429,
                "TOO_MANY_LOGIN_ATTEMPTS");
        assertThat(held.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 2));
        assertThat(held.body()).contains("For mange mislykkede login-forsøg");
        assertThat(Http.basic(port, "GET", "/api/v1/regions", "region-midt", "demo", "X-Forwarded-For", freshAddress())
                        .statusCode())
                .as("another address")
                .isEqualTo(200);
    }

    @Test
    void form_failures_show_the_login_page_with_429_and_a_danish_message() {
        String address = freshAddress();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> refused = Http.formLogin(port, "nobody-" + i, "guess", address);
            assertThat(refused.statusCode()).isEqualTo(302);
            assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/login?error");
        }

        HttpResponse<String> held = Http.formLogin(port, "region-midt", "demo", address);

        assertThat(held.statusCode()).isEqualTo(429);
        assertThat(held.headers().firstValue("Retry-After")).isPresent();
        assertThat(held.body()).contains("For mange mislykkede login-forsøg. Vent", "name=\"password\"");
    }

    @Test
    void an_account_guessed_from_many_addresses_is_held_for_at_most_a_minute_but_not_where_its_user_signs_in() {
        String user = newUser();
        String home = freshAddress();
        assertThat(Http.basic(port, "GET", "/api/v1/regions", user, "demo", "X-Forwarded-For", home)
                        .statusCode())
                .isEqualTo(200);
        for (int i = 0; i < 10; i++) {
            Http.basic(port, "GET", "/api/v1/regions", user, "guess-" + i, "X-Forwarded-For", freshAddress());
        }

        HttpResponse<String> elsewhere =
                Http.basic(port, "GET", "/api/v1/regions", user, "demo", "X-Forwarded-For", freshAddress());
        assertThat(elsewhere.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(
                        elsewhere.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1, 60);

        assertThat(Http.basic(port, "GET", "/api/v1/regions", user, "demo", "X-Forwarded-For", home)
                        .statusCode())
                .as("the address the user signed in from")
                .isEqualTo(200);
    }

    @Test
    void a_successful_login_resets_the_account_count() {
        String user = newUser();
        for (int i = 0; i < 9; i++) {
            Http.basic(port, "GET", "/api/v1/regions", user, "guess-" + i, "X-Forwarded-For", freshAddress());
        }
        assertThat(Http.basic(port, "GET", "/api/v1/regions", user, "demo", "X-Forwarded-For", freshAddress())
                        .statusCode())
                .isEqualTo(200);
        for (int i = 0; i < 9; i++) {
            Http.basic(port, "GET", "/api/v1/regions", user, "again-" + i, "X-Forwarded-For", freshAddress());
        }

        assertThat(Http.basic(port, "GET", "/api/v1/regions", user, "demo", "X-Forwarded-For", freshAddress())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void failed_logins_and_403s_are_logged_as_security_events_without_the_password(CapturedOutput output) {
        String address = freshAddress();
        Http.basic(port, "GET", "/api/v1/regions", "region-midt", "Hemmelig-Gæt-42", "X-Forwarded-For", address);
        Api.on(port).as("national").get("/api/v1/facilities");

        assertThat(output.getOut())
                .contains("event=LOGIN_FAILED user=\"region-midt\" address=" + address
                        + " path=/api/v1/regions reason=BAD_CREDENTIALS");
        assertThat(output.getOut())
                .containsPattern(
                        "event=FORBIDDEN user=\"national\" address=\\S+ " + "path=/api/v1/facilities method=GET");
        assertThat(output.getOut()).doesNotContain("Hemmelig-Gæt-42");
    }

    @Test
    void a_disabled_account_is_refused_at_once_on_the_api_despite_the_cache_and_in_its_open_session() {
        String user = newUser();
        Api api = Api.on(port).as(user);
        assertThat(api.get("/api/v1/regions").status()).isEqualTo(200);
        WebSession session = WebSession.signIn(port, user);
        assertThat(session.get("/facilities").statusCode()).isEqualTo(200);

        jdbc.sql("update app_user set enabled = false where username = :u")
                .param("u", user)
                .update();

        assertProblem(api.get("/api/v1/regions"), 401, "UNAUTHORIZED");
        HttpResponse<String> page = session.get("/facilities");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login?disabled");
        assertThat(session.get("/facilities").headers().firstValue("Location").orElse(""))
                .as("the session is over")
                .endsWith("/login");
    }

    @Test
    void a_change_of_role_or_scope_ends_the_open_session_and_the_next_basic_call_gets_the_new_scope() {
        String user = newUser();
        Api api = Api.on(port).as(user);
        assertThat(api.get("/api/v1/regions").status()).isEqualTo(200);
        WebSession session = WebSession.signIn(port, user);
        assertThat(session.get("/facilities").statusCode()).isEqualTo(200);

        jdbc.sql("update app_user set scope_version = scope_version + 1 where username = :u")
                .param("u", user)
                .update();

        assertThat(api.get("/api/v1/regions").status())
                .as("remembered credentials of a changed account are checked anew, with the new scope")
                .isEqualTo(200);
        HttpResponse<String> page = session.get("/facilities");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse(""))
                .as("issue 15: an enabled account whose rights changed is not told it is disabled")
                .endsWith("/login?changed");
        assertThat(session.get("/login?changed").body())
                .contains("Dine rettigheder er ændret. Log ind igen.")
                .doesNotContain("deaktiveret");
        assertThat(session.get("/facilities").headers().firstValue("Location").orElse(""))
                .as("the session is over")
                .endsWith("/login");
        assertThat(WebSession.signIn(port, user).get("/facilities").statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_disabled_account_is_told_so_on_the_form_only_with_its_right_password() {
        String user = newUser();
        jdbc.sql("update app_user set enabled = false where username = :u")
                .param("u", user)
                .update();

        HttpResponse<String> guess = Http.formLogin(port, user, "wrong-guess-123", freshAddress());
        assertThat(guess.headers().firstValue("Location").orElse(""))
                .as("a guesser cannot tell a disabled account from a wrong password")
                .endsWith("/login?error");
        HttpResponse<String> right = Http.formLogin(port, user, Api.PASSWORD, freshAddress());
        assertThat(right.headers().firstValue("Location").orElse("")).endsWith("/login?disabled");
        assertThat(Http.basic(port, "GET", "/api/v1/regions", user, Api.PASSWORD, "X-Forwarded-For", freshAddress())
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void the_local_login_page_lists_the_demo_accounts_only_never_an_invited_user() throws Exception {
        String invited = "login-inv-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into app_user (username, display_name, role, region_code) values (:u, 'Invited', 'REGION',"
                        + " '1082')")
                .param("u", invited)
                .update();
        String withPassword = newUser();

        String page = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();

        assertThat(page).contains("Demo-logins", "<code>region-midt</code>", "<code>admin</code>");
        assertThat(page).doesNotContain(invited, withPassword);
        assertThat(users.demoLogins()).isSubsetOf(Users.DEMO_LOGINS).contains("laege-norddjurs", "national");
    }

    @Test
    void a_browser_session_with_another_authorization_header_still_needs_the_csrf_token() {
        WebSession session = WebSession.signIn(port, "region-midt");

        HttpResponse<String> bearer = session.request(
                "POST",
                "/api/v1/facilities",
                "{}",
                "Content-Type",
                "application/json",
                "Authorization",
                "Bearer made-up");
        HttpResponse<String> bogusBasic = session.request(
                "POST",
                "/api/v1/facilities",
                "{}",
                "Content-Type",
                "application/json",
                "Authorization",
                "Basic cmVnaW9uLW1pZHQ6ZGVtbw==");

        assertThat(bearer.statusCode()).isEqualTo(403);
        assertThat(bogusBasic.statusCode()).isEqualTo(403);
        assertThat(Api.on(port)
                        .as("region-midt")
                        .post("/api/v1/facilities", Map.of())
                        .status())
                .as("Basic without a session needs no token")
                .isEqualTo(400);
    }

    @Test
    void an_anonymous_api_call_starts_no_session_and_basic_with_a_stale_cookie_is_told_the_token_is_missing()
            throws Exception {
        HttpResponse<String> anonymous = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/facilities"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));

        Api.Response stale = Api.on(port)
                .as("region-midt")
                .header("Cookie", "JSESSIONID=REVBREJFRUY") // a stale id (Spring Session reads it in Base64)
                .post("/api/v1/facilities", Map.of());
        assertThat(stale.status()).as(stale.body()).isEqualTo(403);
        assertThat(stale.body()).contains("FORBIDDEN");
    }

    @Test
    void pages_and_api_answers_carry_the_content_security_policy_and_the_other_security_headers() {
        for (String path : new String[] {"/login", "/api/v1/regions"}) {
            HttpResponse<String> answer = Http.basic(port, "GET", path, "region-midt", "demo");
            assertThat(answer.headers().firstValue("Content-Security-Policy"))
                    .hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
            assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
            assertThat(answer.headers().firstValue("Permissions-Policy").orElse(""))
                    .contains("camera=()", "microphone=()", "geolocation=()");
        }
    }

    @Test
    void a_forged_host_header_never_becomes_a_redirect_target() {
        String toLogin = Http.raw(port, """
                GET /facilities HTTP/1.1
                Host: evil.example
                X-Forwarded-Host: evil.example
                Connection: close

                """);

        assertThat(toLogin).startsWith("HTTP/1.1 302");
        assertThat(toLogin).containsIgnoringCase("Location: /login").doesNotContain("evil.example");
    }
}
