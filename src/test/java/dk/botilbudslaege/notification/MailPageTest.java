package dk.botilbudslaege.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The page "Sendte e-mails" (/mails): each user their own mails, the administrator all, and "Send igen" for them only. */
@IntegrationTest
class MailPageTest {

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    String tag;
    long norddjursSent;
    long aarhusFailed;

    @BeforeEach
    void mails() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        aarhusFailed = mail("kommune-aarhus", "Aarhus opgivet " + tag, "FAILED");
        norddjursSent = mail("kommune-norddjurs", "Norddjurs sendt " + tag, "SENT");
    }

    @Test
    void a_user_sees_the_mails_of_their_own_account_only() {
        HttpResponse<String> page = WebSession.signIn(port, "kommune-norddjurs").get("/mails");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Sendte e-mails", "Norddjurs sendt " + tag, "Brødtekst " + tag)
                .doesNotContain("Aarhus opgivet " + tag)
                .doesNotContain("/retry");
        assertThat(page.body()).as("local mode").contains("fanges af den indbyggede mailserver");
        assertThat(WebSession.signIn(port, "laege-norddjurs").get("/mails").body())
                .doesNotContain("Norddjurs sendt " + tag)
                .doesNotContain("Aarhus opgivet " + tag);
    }

    @Test
    void the_administrator_sees_all_with_the_failed_first_and_the_menu_links_the_page() {
        HttpResponse<String> page = WebSession.signIn(port, "admin").get("/mails");

        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body)
                .contains("mail-" + aarhusFailed, "mail-" + norddjursSent, "kommune-aarhus@example.dk")
                .contains("Send igen", "id=\"mail-failed\"", "MailConnectException");
        assertThat(body)
                .as("local mode (issue 15): nothing is sent out, so the administrator reads every mail's content,"
                        + " e.g. an invitee's one-time link, and the page says so")
                .contains("Aarhus opgivet " + tag, "Brødtekst " + tag, "id=\"mail-local-admin\"")
                .contains("I drift ser kun modtageren indholdet")
                .doesNotContain("(indholdet ses kun af modtageren)")
                .doesNotContain(">SESSION_LOGGED<");
        assertThat(body.indexOf("\"mail-" + aarhusFailed + "\""))
                .as("the failed one first, though older")
                .isLessThan(body.indexOf("\"mail-" + norddjursSent + "\""));
        assertThat(body).contains("href=\"/mails\"");
    }

    @Test
    void only_the_local_mode_opens_other_accounts_mails_to_the_administrator() {
        assertThat(MailPageController.adminReadsAll(true, true)).isTrue();
        assertThat(MailPageController.adminReadsAll(false, true))
                .as("production (an external database)")
                .isFalse();
        assertThat(MailPageController.adminReadsAll(true, false))
                .as("a real mail server: mails leave the machine")
                .isFalse();
        assertThat(WebSession.signIn(port, "kommune-norddjurs").get("/mails").body())
                .as("a user still sees their own only")
                .doesNotContain("Aarhus opgivet " + tag, "mail-local-admin");
    }

    @Test
    void send_igen_is_for_the_administrator_only_and_puts_the_mail_back_in_line() {
        WebSession municipality = WebSession.signIn(port, "kommune-aarhus");
        assertThat(municipality
                        .post("/mails/" + aarhusFailed + "/retry", "/mails", Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(status(aarhusFailed)).isEqualTo("FAILED");

        WebSession admin = WebSession.signIn(port, "admin");
        HttpResponse<String> retried = admin.post("/mails/" + aarhusFailed + "/retry", "/mails", Map.of());
        assertThat(retried.statusCode()).isEqualTo(302);
        assertThat(retried.headers().firstValue("Location").orElse("")).endsWith("/mails");
        assertThat(jdbc.sql("select status, attempts, next_attempt_at <= now() as due from mail_outbox where id = :id")
                        .param("id", aarhusFailed)
                        .query()
                        .singleRow())
                .containsEntry("status", "PENDING")
                .containsEntry("attempts", 0)
                .containsEntry("due", true);
        assertThat(admin.get("/mails").body()).contains("sendes igen");

        // a mail that is not given up is not sent again
        admin.post("/mails/" + norddjursSent + "/retry", "/mails", Map.of());
        assertThat(status(norddjursSent)).isEqualTo("SENT");
        assertThat(admin.get("/mails").body()).contains("er ikke opgivet");
    }

    @Test
    void bad_and_unknown_ids_are_answered_without_a_500() {
        WebSession admin = WebSession.signIn(port, "admin");
        // a page's path that names no mail is not found (the app's rule for pages)
        assertThat(admin.post("/mails/abc/retry", "/mails", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(admin.post("/mails/999999999/retry", "/mails", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(admin.post("/mails/99999999999999999999999/retry", "/mails", Map.of())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void signed_out_the_page_asks_for_a_login() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var response = client.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/mails"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).contains("/login");
    }

    private long mail(String username, String subject, String status) {
        return jdbc.sql("""
                        insert into mail_outbox (username, recipient, kind, subject, body, status, attempts, sent_at,
                                                 last_error, created_at)
                        values (:u, :r, 'SESSION_LOGGED', :s, :b, :st, :a,
                                case when :st = 'SENT' then now() end,
                                case when :st = 'FAILED' then 'MailConnectException: Couldn''t connect' end,
                                now() - case when :st = 'FAILED' then interval '1 day' else interval '0' end)
                        returning id
                        """)
                .param("u", username)
                .param("r", username + "@example.dk")
                .param("s", subject)
                .param("b", "Brødtekst " + tag)
                .param("st", status)
                .param("a", status.equals("FAILED") ? 8 : 1)
                .query(Long.class)
                .single();
    }

    private String status(long id) {
        return jdbc.sql("select status from mail_outbox where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }
}
