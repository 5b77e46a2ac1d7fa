package dk.botilbudslaege.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Browser;
import dk.botilbudslaege.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Review 16 (i16-fixc), finding 10: on a phone (390 × 844) the main menu folds behind "Menu", so the page's heading
 * is on the first screen; the button opens the menu (aria-expanded); the footer's API link is a touch target; the
 * bell is an icon that needs no emoji font. On a desktop the menu shows as before and there is no "Menu" button.
 */
@IntegrationTest
class PhoneMenuBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void on_a_phone_the_menu_folds_and_the_heading_is_on_the_first_screen() {
        try (Browser browser = Browser.open(port)) {
            ((HasCdp) browser.driver())
                    .executeCdpCommand(
                            "Emulation.setDeviceMetricsOverride",
                            Map.of("width", 390, "height", 844, "deviceScaleFactor", 3, "mobile", true));
            browser.login("region-midt");
            browser.go("/");
            WebElement toggle = browser.find(By.id("menu-toggle"));
            WebElement menu = browser.find(By.id("mainnav"));
            assertThat(toggle.isDisplayed()).isTrue();
            assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
            assertThat(toggle.getRect().getHeight()).isGreaterThanOrEqualTo(44);
            assertThat(menu.isDisplayed()).as("the menu is folded").isFalse();
            WebElement heading = browser.find(By.cssSelector("main h1"));
            assertThat(heading.getRect().getY() + heading.getRect().getHeight())
                    .as("the heading is on the first screen")
                    .isLessThanOrEqualTo(844);

            toggle.click();
            browser.waitFor(d -> menu.isDisplayed());
            assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
            assertThat(menu.findElement(By.cssSelector("a[href$='/facilities']"))
                            .isDisplayed())
                    .isTrue();
            toggle.click();
            browser.waitFor(d -> !menu.isDisplayed());

            WebElement api = browser.find(By.cssSelector(".footer a[href*='/api/v1/docs']"));
            assertThat(api.getRect().getHeight()).as("the footer's API link").isGreaterThanOrEqualTo(44);
            WebElement bell = browser.find(By.id("bell"));
            assertThat(bell.findElements(By.cssSelector("svg[aria-hidden='true']")))
                    .hasSize(1);
            assertThat(bell.getText()).doesNotContain("\uD83D\uDD14");
            assertThat(bell.getAttribute("aria-label")).startsWith("Beskeder");
        }
    }

    @Test
    void on_a_desktop_the_menu_shows_and_there_is_no_menu_button() {
        try (Browser browser = Browser.open(port)) {
            browser.driver().manage().window().setSize(new Dimension(1280, 1000));
            browser.login("region-midt");
            browser.go("/");
            assertThat(browser.find(By.id("mainnav")).isDisplayed()).isTrue();
            assertThat(browser.find(By.id("menu-toggle")).isDisplayed()).isFalse();
        }
    }
}
