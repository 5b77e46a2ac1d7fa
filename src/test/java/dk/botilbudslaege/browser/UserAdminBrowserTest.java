package dk.botilbudslaege.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Browser;
import dk.botilbudslaege.support.IntegrationTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 15 item 2: the administrator invites a user from "Brugere", the invited user opens the one-time link from
 * the mail (the outbox: on /mails its content is the recipient's alone), chooses a password and signs in.
 */
@IntegrationTest
class UserAdminBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_administrator_invites_a_user_who_sets_a_password_and_signs_in() {
        String link;
        try (Browser admin = Browser.open(port)) {
            admin.login("admin");
            admin.clickAndWait(By.id("nav-users"));
            assertThat(admin.text()).contains("Brugere", "Seneste login", "Region Midtjylland");
            admin.clickAndWait(By.id("invite-link"));
            admin.type(By.id("username"), "browser-karen");
            admin.type(By.id("displayName"), "Karen Holm, Norddjurs Kommune");
            admin.type(By.id("email"), "karen.holm@example.dk");
            new Select(admin.find(By.id("role"))).selectByValue("MUNICIPALITY");
            // only the chosen role's scope field shows (app.js, issue 15 review)
            assertThat(admin.find(By.id("municipalityCode")).isDisplayed()).isTrue();
            assertThat(admin.find(By.id("regionCode")).isDisplayed()).isFalse();
            assertThat(admin.find(By.id("facilityId")).isDisplayed()).isFalse();
            assertThat(admin.find(By.id("doctorId")).isDisplayed()).isFalse();
            new Select(admin.find(By.id("municipalityCode"))).selectByVisibleText("Norddjurs");
            admin.screenshot("users-invite");
            admin.clickAndWait(By.cssSelector("#invite-form button[type=submit]"));
            assertThat(admin.text())
                    .contains("Invitationen er sendt til karen.holm@example.dk", "Norddjurs (kommune)", "Aldrig");

            admin.go("/mails");
            // local mode (the demo): nothing is sent out, so the administrator reads the mail and its one-time link
            assertThat(admin.text())
                    .contains("karen.holm@example.dk", "Invitation til Botilbudslæge", "Lokal tilstand (demo)");
            WebElement row = admin.find(By.xpath("//tr[td//text()[contains(., 'karen.holm@example.dk')]]"));
            row.findElement(By.tagName("summary")).click();
            Matcher m = Pattern.compile("/invitation/[A-Za-z0-9_-]{43}").matcher(row.getText());
            assertThat(m.find()).as("the link is read on the page").isTrue();
            link = m.group();
        }
        try (Browser karen = Browser.open(port)) {
            karen.go(link);
            assertThat(karen.text()).contains("Velkommen, Karen Holm", "browser-karen");
            karen.type(By.id("password"), "kort");
            karen.type(By.id("passwordRepeat"), "kort");
            // the browser's own minlength check would stop the form: the server's answer is what is tested
            ((org.openqa.selenium.JavascriptExecutor) karen.driver())
                    .executeScript("document.getElementById('password').removeAttribute('minlength')");
            karen.clickAndWait(By.cssSelector("#invitation-form button[type=submit]"));
            assertThat(karen.text()).contains("mindst 12 tegn");
            karen.type(By.id("password"), "Solsikke og havregryn 7");
            karen.type(By.id("passwordRepeat"), "Solsikke og havregryn 7");
            karen.clickAndWait(By.cssSelector("#invitation-form button[type=submit]"));
            assertThat(karen.text()).contains("Din adgangskode er gemt");
            karen.screenshot("users-invitation-done");
            karen.clickAndWait(By.linkText("Gå til log ind"));
            karen.type(By.id("username"), "browser-karen");
            karen.type(By.id("password"), "Solsikke og havregryn 7");
            karen.clickAndWait(By.cssSelector("form button[type=submit]"));
            assertThat(karen.url()).doesNotContain("/login");
            assertThat(karen.text()).contains("Karen Holm, Norddjurs Kommune");
            karen.go(link);
            assertThat(karen.text()).contains("Linket er allerede brugt");
        }
        assertThat(jdbc.sql("select password_hash is not null from app_user where username = 'browser-karen'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }
}
