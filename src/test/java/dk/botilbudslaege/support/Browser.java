package dk.botilbudslaege.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium, for the browser tests of the main flows. Without a
 * browser on the machine the tests are skipped, unless BOTILBUD_REQUIRE_BROWSER=true (CI), where
 * a missing browser fails them.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final String base;
    private final Path userDataDir;

    private Browser(WebDriver driver, String base, Path userDataDir) {
        this.driver = driver;
        this.base = base;
        this.userDataDir = userDataDir;
    }

    public static Browser open(int port) {
        boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!available && !"true".equals(System.getenv("BOTILBUD_REQUIRE_BROWSER"))) {
            Assumptions.abort("Debian chromium and chromium-driver are not installed");
        }
        try {
            Path userDataDir = Files.createTempDirectory("chromium-profile");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--window-size=1280,1000",
                    "--lang=da-DK",
                    "--user-data-dir=" + userDataDir);
            // the console log, where Chromium reports "Refused to ..." for a Content-Security-Policy violation
            org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
            logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            WebDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Browser(driver, "http://127.0.0.1:" + port, userDataDir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    public Browser login(String username) {
        go("/login");
        type(By.id("username"), username);
        type(By.id("password"), Api.PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(d -> !d.getCurrentUrl().contains("/login"));
        return this;
    }

    public Browser type(By by, String text) {
        WebElement element = driver.findElement(by);
        element.clear();
        element.sendKeys(text);
        return this;
    }

    /**
     * Issue 16 item 3 (i16-pickers): in the searchable picker whose search box has this id, types the text, waits
     * for a match whose name contains {@code name}, moves to it with the arrow keys and chooses it with Enter.
     */
    public Browser pick(String id, String text, String name) {
        WebElement input = find(By.id(id));
        input.clear();
        input.sendKeys(text);
        try {
            Thread.sleep(400); // past the picker's 250 ms debounce, so the last request is the one waited for
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        JavascriptExecutor js = (JavascriptExecutor) driver;
        String indexOf = "var input = document.getElementById(arguments[0]);"
                + " if (input.classList.contains('htmx-request')) { return -1; }"
                + " var list = document.getElementById(arguments[0] + '-listbox'); if (list.hidden) { return -1; }"
                + " var options = Array.from(list.querySelectorAll('[role=option][data-value]'));"
                + " return options.findIndex(o => o.textContent.includes(arguments[1]));";
        String active = "var input = document.getElementById(arguments[0]);"
                + " var a = input.getAttribute('aria-activedescendant');"
                + " return !!a && !!document.getElementById(a) && document.getElementById(a).textContent.includes(arguments[1]);";
        for (int attempt = 0; ; attempt++) {
            long index = waitFor(d -> {
                Object found = js.executeScript(indexOf, id, name);
                return found instanceof Number n && n.longValue() >= 0 ? n.longValue() : null;
            });
            for (long i = 0; i <= index; i++) {
                input.sendKeys(Keys.ARROW_DOWN);
            }
            if (Boolean.TRUE.equals(js.executeScript(active, id, name)) || attempt == 3) {
                break;
            }
            input.sendKeys(Keys.ARROW_UP, Keys.ARROW_UP); // a late answer replaced the list: start again
        }
        input.sendKeys(Keys.ENTER);
        waitFor(d -> !d.findElement(By.id(id + "-value")).getAttribute("value").isEmpty()
                && "false".equals(d.findElement(By.id(id)).getAttribute("aria-expanded")));
        return this;
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    /** The page's text, read again if the page was replaced while reading. */
    public String text() {
        for (int attempt = 0; ; attempt++) {
            try {
                return driver.findElement(By.tagName("body")).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** Clicks something that loads a new page (a submit button, a link) and waits until the new page is there. */
    public Browser clickAndWait(By by) {
        WebElement html = driver.findElement(By.tagName("html"));
        driver.findElement(by).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> gone(html));
        waitFor(d -> "complete"
                .equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    /**
     * Whether the old page's element is gone. Chromium sometimes answers a question about a node of a page
     * being replaced with "does not belong to the document" instead of a stale reference: that is gone too.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** The console messages since the last call (Chromium logs CSP violations there). */
    public java.util.List<String> consoleLog() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage())
                .toList();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public WebDriver driver() {
        return driver;
    }

    public <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition::apply);
    }

    /** Saves a screenshot under target/screenshots for a person to look at. */
    public void screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(dir.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(userDataDir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
