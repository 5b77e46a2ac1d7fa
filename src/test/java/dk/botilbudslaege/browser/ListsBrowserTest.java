package dk.botilbudslaege.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Browser;
import dk.botilbudslaege.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16 item 3, lists, as region-midt meets them on /facilities: a column header sorts (twice: descending), a page
 * size, page 2, a reload, and everything is still as chosen, in the URL; pager and header links are 44 px at 390 px.
 */
@IntegrationTest
class ListsBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void sort_size_and_page_survive_a_reload() {
        try (Browser browser = Browser.open(port)) {
            current = browser;
            browser.login("region-midt");
            browser.go("/facilities");
            assertThat(header("Beboere").getAttribute("aria-sort")).isNull();
            assertThat(header("Navn").getAttribute("aria-sort")).isEqualTo("ascending");

            browser.clickAndWait(By.cssSelector("th a.sort[href*='sort=residents']"));
            assertThat(header("Beboere").getAttribute("aria-sort")).isEqualTo("ascending");
            browser.clickAndWait(By.cssSelector("th[aria-sort] a.sort"));
            assertThat(header("Beboere").getAttribute("aria-sort")).isEqualTo("descending");
            assertThat(header("Navn").getAttribute("aria-sort")).isNull();
            assertThat(browser.url()).contains("sort=residents", "dir=desc");

            new Select(browser.find(By.id("size"))).selectByValue("50");
            browser.waitFor(d -> d.getCurrentUrl().contains("size=50"));
            browser.waitFor(d ->
                    d.findElement(By.cssSelector(".pager-showing")).getText().startsWith("Viser 1–50 af"));
            browser.go(browser.url().replace("http://127.0.0.1:" + port, ""));
            browser.clickAndWait(By.cssSelector("nav.pagination a[href*='page=1']"));
            assertThat(browser.url()).contains("sort=residents", "dir=desc", "size=50", "page=1");

            browser.driver().navigate().refresh();
            browser.waitFor(d ->
                    d.findElement(By.cssSelector(".pager-showing")).getText().startsWith("Viser 51–100 af"));
            assertThat(header("Beboere").getAttribute("aria-sort")).isEqualTo("descending");
            assertThat(new Select(browser.find(By.id("size")))
                            .getFirstSelectedOption()
                            .getText())
                    .isEqualTo("50");
            assertThat(browser.find(By.cssSelector("nav.pagination a[aria-current=page]"))
                            .getText())
                    .isEqualTo("2");
            browser.screenshot("lists-facilities-sorted-page-2");

            browser.driver().manage().window().setSize(new Dimension(390, 844));
            browser.driver().navigate().refresh();
            for (WebElement link : browser.driver().findElements(By.cssSelector("nav.pagination a, th a.sort"))) {
                if (link.isDisplayed()) {
                    assertThat(link.getSize().getHeight()).as(link.getText()).isGreaterThanOrEqualTo(44);
                }
            }
            for (WebElement link : browser.driver().findElements(By.cssSelector("nav.pagination a"))) {
                assertThat(link.getSize().getWidth()).as(link.getText()).isGreaterThanOrEqualTo(44);
            }
            browser.screenshot("lists-facilities-390");
        }
    }

    private static WebElement headerIn(Browser browser, String text) {
        return browser.driver().findElements(By.cssSelector("table.data th")).stream()
                .filter(th -> th.getText().startsWith(text))
                .findFirst()
                .orElseThrow();
    }

    private Browser current;

    private WebElement header(String text) {
        return headerIn(current, text);
    }
}
