package dk.botilbudslaege.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.notification.Notice;
import dk.botilbudslaege.notification.NotificationKind;
import dk.botilbudslaege.notification.Notifier;
import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.security.Users;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.Browser;
import dk.botilbudslaege.support.IntegrationTest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 14 in the browser: the bell, the list and following a notification, the mail page of local mode, the
 * profile (address, language, delivery per kind) and the administrator's view of every mail with "Send igen".
 */
@IntegrationTest
class NotificationBrowserTest {

    static final String DOCTOR = "laege-norddjurs";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    @Autowired
    Notifier notifier;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void the_doctor_sees_the_bell_follows_the_notification_and_finds_the_mail() {
        long facility = jdbc.sql("select facility_id from app_user where username = 'botilbud-skovstjernen'")
                .query(Long.class)
                .single();
        LocalDateTime from = LocalDateTime.now(ZoneId.of("Europe/Copenhagen"))
                .plusDays(3)
                .withHour(9)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
        Map<String, Object> visit = new LinkedHashMap<>();
        visit.put("wantedFrom", from.toString());
        visit.put("wantedTo", from.plusHours(2).toString());
        visit.put("residents", 1);
        visit.put("references", List.of("værelse 7"));
        assertThat(Api.on(port)
                        .as("botilbud-skovstjernen")
                        .post("/api/v1/facilities/" + facility + "/sick-visits", visit)
                        .status())
                .isEqualTo(201);
        long notification = jdbc.sql(
                        "select max(id) from notification where username = :u" + " and kind = 'SICK_VISIT_REQUESTED'")
                .param("u", DOCTOR)
                .query(Long.class)
                .single();

        try (Browser browser = Browser.open(port)) {
            browser.login(DOCTOR);
            int unread = unread();
            assertThat(unread).isPositive();
            assertThat(browser.find(By.id("unread-count")).getText()).isEqualTo(String.valueOf(unread));
            assertThat(browser.find(By.id("bell")).getAttribute("aria-label"))
                    .isEqualTo("Beskeder, " + unread + (unread == 1 ? " ulæst" : " ulæste"));

            browser.clickAndWait(By.id("bell"));
            assertThat(browser.url()).endsWith("/notifications");
            String row = browser.find(By.id("notification-" + notification)).getText();
            assertThat(row).contains("Ulæst", "Anmodning om sygebesøg: Skovstjernen");
            browser.screenshot("notifications-list");

            browser.clickAndWait(By.id("open-" + notification));
            assertThat(browser.url()).endsWith("/sick-visits");
            assertThat(jdbc.sql("select read_at is not null from notification where id = :id")
                            .param("id", notification)
                            .query(Boolean.class)
                            .single())
                    .isTrue();
            if (unread == 1) {
                assertThat(browser.driver().findElements(By.id("unread-count"))).isEmpty();
            } else {
                assertThat(browser.find(By.id("unread-count")).getText()).isEqualTo(String.valueOf(unread - 1));
            }

            browser.clickAndWait(By.linkText("E-mails"));
            assertThat(browser.text()).contains("Sendte e-mails");
            long mail = jdbc.sql(
                            "select max(id) from mail_outbox where username = :u and kind = 'SICK_VISIT_REQUESTED'")
                    .param("u", DOCTOR)
                    .query(Long.class)
                    .single();
            var mailRow = browser.find(By.id("mail-" + mail));
            assertThat(mailRow.getText()).contains("laege-norddjurs@demo.botilbudslaege.dk", "Anmodning om sygebesøg");
            mailRow.findElement(By.tagName("summary")).click();
            String body = mailRow.findElement(By.cssSelector(".prewrap")).getText();
            assertThat(body)
                    .contains("Skovstjernen")
                    .containsPattern("http://[^\\s]+/sick-visits")
                    .containsPattern("http://[^\\s]+/profile")
                    .doesNotContain("værelse 7");
            browser.screenshot("mails-own");
        }
    }

    @Test
    void the_profile_sets_address_language_and_delivery_and_the_next_notification_follows_it() {
        // a municipality's user (København: the other tests' changes are elsewhere; disabled at the end)
        String user = "browser-profile-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new Users.NewUser(user, Api.PASSWORD, "Test " + user, Role.MUNICIPALITY, null, "101", null, null));

        try (Browser browser = Browser.open(port)) {
            browser.login(user);
            browser.clickAndWait(By.id("profile-link"));
            assertThat(browser.text()).contains("Profil", "E-mailadresse", "Straks på e-mail");

            // a bad address first: shown by its field, the input kept, nothing saved
            browser.type(By.id("email"), "karen@kommune");
            browser.clickAndWait(By.id("save-profile"));
            assertThat(browser.find(By.id("email-error")).getText())
                    .contains("E-mailadresse: skriv en gyldig e-mailadresse");
            assertThat(browser.find(By.id("email")).getAttribute("value")).isEqualTo("karen@kommune");

            browser.type(By.id("email"), user + "@kommune.dk");
            new org.openqa.selenium.support.ui.Select(browser.find(By.id("language"))).selectByValue("en");
            browser.find(By.id("PROPOSAL_WAITING-DIGEST")).click();
            browser.find(By.id("SESSION_LOGGED-APP_ONLY")).click();
            browser.clickAndWait(By.id("save-profile"));
            assertThat(browser.text())
                    .as("the page is English after saving English")
                    .contains("Your profile is saved.", "Profile")
                    .doesNotContain("Din profil er gemt.");
            assertThat(browser.find(By.id("PROPOSAL_WAITING-DIGEST")).isSelected())
                    .isTrue();
            assertThat(browser.find(By.id("SESSION_LOGGED-APP_ONLY")).isSelected())
                    .isTrue();
            assertThat(browser.find(By.id("email")).getAttribute("value")).isEqualTo(user + "@kommune.dk");
            browser.screenshot("profile-english");

            tell(user, NotificationKind.PROPOSAL_WAITING);
            tell(user, NotificationKind.SESSION_LOGGED);
            browser.clickAndWait(By.linkText("E-mails"));
            assertThat(browser.text())
                    .as("digest and in-app only: no mail at once")
                    .contains("There are no e-mails.");
            assertThat(browser.find(By.id("unread-count")).getText()).isEqualTo("2");

            tell(user, NotificationKind.NOTICE_GIVEN);
            browser.go("/mails");
            assertThat(browser.find(By.id("mails")).getText())
                    .contains(user + "@kommune.dk", "Notice given on an agreement")
                    .doesNotContain("Proposal");
        } finally {
            jdbc.sql("update app_user set enabled = false where username = :u")
                    .param("u", user)
                    .update();
        }
    }

    @Test
    void the_administrator_sees_every_mail_without_its_content_and_sends_a_failed_one_again() {
        String user = "browser-failed-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new Users.NewUser(user, Api.PASSWORD, "Test " + user, Role.NATIONAL, null, null, null, null));
        jdbc.sql("update app_user set email = :e where username = :u")
                .param("e", user + "@kommune.dk")
                .param("u", user)
                .update();
        tell(user, NotificationKind.NOTICE_GIVEN);
        long mail = jdbc.sql("select max(id) from mail_outbox where username = :u")
                .param("u", user)
                .query(Long.class)
                .single();
        jdbc.sql("update mail_outbox set status = 'FAILED', attempts = 8, last_error = '550 mailbox unavailable'"
                        + " where id = :id")
                .param("id", mail)
                .update();

        try (Browser browser = Browser.open(port)) {
            browser.login("admin");
            browser.clickAndWait(By.linkText("E-mails"));
            assertThat(browser.find(By.id("mail-failed")).getText()).contains("kunne ikke afleveres");
            var row = browser.find(By.id("mail-" + mail));
            assertThat(row.getAttribute("data-status")).isEqualTo("FAILED");
            assertThat(row.getText())
                    .contains(user + "@kommune.dk", "(" + user + ")")
                    .contains("Ikke afleveret", "550 mailbox unavailable")
                    .doesNotContain("NOTICE_GIVEN");
            assertThat(row.findElements(By.tagName("details")))
                    .as("local mode (issue 15): the administrator reads another account's mail, nothing is sent out")
                    .hasSize(1);
            assertThat(browser.find(By.id("mail-local-admin")).getText()).contains("I drift ser kun modtageren");
            browser.screenshot("mails-admin");

            browser.clickAndWait(By.xpath("//tr[@id='mail-" + mail + "']//button[normalize-space()='Send igen']"));
            assertThat(browser.text()).contains("E-mail " + mail + " sendes igen inden for få sekunder.");
            assertThat(jdbc.sql("select status from mail_outbox where id = :id")
                            .param("id", mail)
                            .query(String.class)
                            .single())
                    .isIn("PENDING", "SENT");
        }
    }

    private int unread() {
        return jdbc.sql("select count(*) from notification where username = :u and read_at is null")
                .param("u", DOCTOR)
                .query(Integer.class)
                .single();
    }

    private void tell(String user, NotificationKind kind) {
        transactions.executeWithoutResult(tx -> notifier.notify(
                new Notice(kind, List.of(user), "notification.kind." + kind.name(), List.of(), "/agreements")));
    }
}
