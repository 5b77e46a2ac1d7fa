package dk.botilbudslaege.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Browser;
import dk.botilbudslaege.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The administrator registers an integration, sees its credentials once, and revokes it after the consequence. */
@IntegrationTest
class ApiClientBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void the_administrator_registers_a_client_sees_the_secret_once_and_revokes_it() {
        String name = "browser-epj-" + Long.toString(System.nanoTime(), 36);
        try (Browser admin = Browser.open(port)) {
            admin.login("admin");
            admin.go("/admin");
            admin.clickAndWait(By.id("api-clients-link"));
            admin.clickAndWait(By.id("api-client-new"));
            admin.type(By.id("name"), name);
            new Select(admin.find(By.id("role"))).selectByValue("REGION");
            new Select(admin.find(By.id("regionCode"))).selectByVisibleText("Region Midtjylland");
            new Select(admin.find(By.id("rights"))).selectByValue("READ");
            admin.find(By.id("apiKey1")).click();
            admin.clickAndWait(By.cssSelector("#api-client-form button[type=submit]"));

            assertThat(admin.text()).contains("Integrationen " + name + " er registreret", "vises kun denne ene gang");
            String secret = admin.find(By.id("client-secret")).getText();
            String key = admin.find(By.id("api-key")).getText();
            assertThat(secret).hasSizeGreaterThan(40);
            assertThat(key).startsWith("bl_");
            admin.screenshot("api-client-shown-once");

            // at 390 px the key wraps inside the page (and has a Kopiér button); a reload shows nothing again
            ((HasCdp) admin.driver())
                    .executeCdpCommand(
                            "Emulation.setDeviceMetricsOverride",
                            Map.of("width", 390, "height", 844, "deviceScaleFactor", 3, "mobile", true));
            assertThat(((Number) ((JavascriptExecutor) admin.driver())
                                    .executeScript("return document.documentElement.scrollWidth"))
                            .longValue())
                    .isLessThanOrEqualTo(390);
            assertThat(admin.find(By.cssSelector("button[data-copy=api-key]")).getText())
                    .isEqualTo("Kopiér");
            ((HasCdp) admin.driver()).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            admin.driver().navigate().refresh();
            assertThat(admin.text()).contains("Oplysningerne er allerede vist").doesNotContain(secret, key);

            admin.go("/admin/api-clients");
            String list = admin.text();
            assertThat(list).contains(name, "Aktiv", "Region Midtjylland").doesNotContain(secret, key);

            // a new secret: first a page stating the consequence, then shown once
            admin.clickAndWait(By.xpath("//tr[contains(., '" + name + "')]//a[contains(., 'Ny hemmelighed')]"));
            assertThat(admin.find(By.id("rotate-consequence")).getText())
                    .contains("holder op med at virke med det samme");
            admin.clickAndWait(By.cssSelector("#api-client-rotate button[type=submit]"));
            String rotated = admin.find(By.id("client-secret")).getText();
            assertThat(rotated).hasSizeGreaterThan(40).isNotEqualTo(secret);
            admin.driver().navigate().refresh();
            assertThat(admin.text()).contains("Oplysningerne er allerede vist").doesNotContain(rotated);
            admin.go("/admin/api-clients");

            admin.clickAndWait(By.xpath("//tr[contains(., '" + name + "')]//a[contains(., 'Tilbagekald')]"));
            assertThat(admin.find(By.id("revoke-consequence")).getText()).contains("mister adgangen med det samme");
            admin.clickAndWait(By.cssSelector("#api-client-revoke button[type=submit]"));
            assertThat(admin.text()).contains("Integrationen " + name + " er tilbagekaldt.", "Tilbagekaldt");
        }
    }
}
