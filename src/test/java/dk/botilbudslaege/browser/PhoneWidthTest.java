package dk.botilbudslaege.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.notification.Notice;
import dk.botilbudslaege.notification.NotificationKind;
import dk.botilbudslaege.notification.Notifier;
import dk.botilbudslaege.support.Browser;
import dk.botilbudslaege.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pages of issue 14 on a phone (390 px wide, as a mobile device): the page never scrolls sideways (a wide table
 * scrolls inside itself), the header wraps so "Log ud" is on the screen, and its links and buttons are at least
 * 44 px high; on the answer page every radio and checkbox sits just before its label, a multiple choice one option
 * a line (also at the desktop width, review 14b).
 */
@IntegrationTest
class PhoneWidthTest {

    static final int PHONE = 390;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Notifier notifier;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void the_notification_survey_and_profile_pages_fit_a_phone() {
        // a row for the doctor's notification list and mail page, with a long subject
        transactions.executeWithoutResult(tx -> notifier.notify(new Notice(
                NotificationKind.SICK_VISIT_REQUESTED,
                List.of("laege-norddjurs"),
                "notification.kind.SICK_VISIT_REQUESTED",
                List.of(),
                "/sick-visits")));
        long survey = demoSurvey();
        Map<String, List<String>> pages = Map.of(
                "region-midt", List.of("/", "/notifications", "/mails", "/profile", "/surveys/" + survey + "/results"),
                "kommune-norddjurs",
                        List.of("/notifications", "/mails", "/profile", "/surveys", "/surveys/" + survey + "/answer"),
                "laege-norddjurs", List.of("/notifications", "/mails", "/profile"));
        // i16-a11y: every touch target of the page's main content at least 44 × 44 px (TouchTargets' rule)
        Map<String, List<String>> small = new java.util.LinkedHashMap<>();
        pages.forEach((user, paths) -> {
            try (Browser browser = Browser.open(port)) {
                phone(browser);
                browser.login(user);
                for (String path : paths) {
                    browser.go(path);
                    String where = user + " " + path;
                    // a mobile viewport zooms out to fit what is too wide, so the width is held to the phone's too
                    assertThat(number(browser, "return document.documentElement.scrollWidth"))
                            .as("%s scrolls sideways; too wide: %s", where, tooWide(browser))
                            .isLessThanOrEqualTo(number(browser, "return window.innerWidth"))
                            .isLessThanOrEqualTo(PHONE);
                    WebElement logout = browser.find(By.xpath("//form[contains(@action,'/logout')]/button"));
                    Rectangle box = logout.getRect();
                    assertThat(box.getX() + box.getWidth())
                            .as("%s: Log ud on the screen", where)
                            .isLessThanOrEqualTo(PHONE);
                    assertThat(box.getHeight())
                            .as("%s: Log ud is a touch target", where)
                            .isGreaterThanOrEqualTo(44);
                    for (WebElement link :
                            browser.driver().findElements(By.cssSelector(".topbar nav a, .usermenu a"))) {
                        if (!link.isDisplayed()) {
                            continue; // review 16 (i16-fixc): the main menu is folded behind "Menu" on a phone
                        }
                        assertThat(link.getRect().getHeight())
                                .as("%s: header link %s is a touch target", where, link.getText())
                                .isGreaterThanOrEqualTo(44);
                    }
                    List<String> tiny = TouchTargets.tooSmall(browser);
                    if (!tiny.isEmpty()) {
                        small.put(where, tiny);
                    }
                    browser.screenshot("phone-" + user + path.replace('/', '-'));
                }
            }
        });
        assertThat(small).as("touch targets below 44 × 44 px").isEmpty();
    }

    @Test
    void every_radio_and_checkbox_of_the_answer_page_sits_before_its_label_one_option_a_line() {
        long survey = demoSurvey();
        for (boolean phone : new boolean[] {false, true}) {
            try (Browser browser = Browser.open(port)) {
                if (phone) {
                    phone(browser);
                }
                browser.login("kommune-norddjurs");
                browser.go("/surveys/" + survey + "/answer");
                List<WebElement> labels = browser.driver().findElements(By.cssSelector("label.check"));
                assertThat(labels).isNotEmpty();
                boolean multi = false;
                for (WebElement label : labels) {
                    WebElement input = label.findElement(By.tagName("input"));
                    WebElement text = label.findElement(By.tagName("span"));
                    Rectangle box = input.getRect();
                    Rectangle words = text.getRect();
                    String what = (phone ? "phone " : "desktop ") + input.getAttribute("id");
                    assertThat(words.getX() - (box.getX() + box.getWidth()))
                            .as("%s: the box just before its label", what)
                            .isBetween(0, 16);
                    int middle = box.getY() + box.getHeight() / 2;
                    assertThat(middle)
                            .as("%s: on the label's (first) line", what)
                            .isBetween(words.getY(), words.getY() + Math.max(words.getHeight(), 24));
                    multi |= "checkbox".equals(input.getAttribute("type"));
                }
                assertThat(multi).as("the demo survey has a multiple choice").isTrue();
                // one option a line: no two options of a question share a line
                List<WebElement> fieldsets = browser.driver().findElements(By.cssSelector("fieldset fieldset"));
                for (WebElement fieldset : fieldsets) {
                    List<WebElement> options = fieldset.findElements(By.cssSelector("label.check"));
                    for (int i = 1; i < options.size(); i++) {
                        assertThat(options.get(i).getRect().getY())
                                .as("option %d of a question on a line below the one before", i)
                                .isGreaterThanOrEqualTo(
                                        options.get(i - 1).getRect().getY()
                                                + options.get(i - 1).getRect().getHeight());
                    }
                }
                browser.screenshot(phone ? "phone-answer-options" : "desktop-answer-options");
            }
        }
    }

    private long demoSurvey() {
        return jdbc.sql("select min(id) from survey where region_code = '1082'")
                .query(Long.class)
                .single();
    }

    /** A phone, as Chromium's device emulation draws it: 390 × 844 CSS px, mobile. */
    private static void phone(Browser browser) {
        ((HasCdp) browser.driver())
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", PHONE, "height", 844, "deviceScaleFactor", 3, "mobile", true));
    }

    /** The innermost elements that reach past the phone's right edge, for the failure's message. */
    private static Object tooWide(Browser browser) {
        return ((JavascriptExecutor) browser.driver())
                .executeScript("return [...document.querySelectorAll('body *')]"
                        + ".filter(e => e.getBoundingClientRect().right > " + PHONE + ")"
                        + ".filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > " + PHONE + "))"
                        + ".slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ' '"
                        + " + Math.round(e.getBoundingClientRect().right))");
    }

    private static long number(Browser browser, String script) {
        return ((Number) ((JavascriptExecutor) browser.driver()).executeScript(script)).longValue();
    }
}
