package org.accord.app.board;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its chromedriver, both found at fixed paths so that Selenium never
 * downloads a browser or a driver. Without them the tests are skipped, saying why.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("accord.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("accord.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;

    private Browser(ChromeDriver driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    static void assumeInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String why = "browser tests skipped: " + CHROMIUM + " and " + CHROMEDRIVER
                + " are needed (Debian: apt-get install chromium chromium-driver)";
        if (!installed) {
            System.err.println(why);
        }
        Assumptions.assumeTrue(installed, why);
    }

    static Browser open(int port) throws IOException {
        assumeInstalled();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = Files.createTempDirectory("accord-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        Files.createDirectories(SCREENSHOTS);
        return new Browser(driver, profile, "http://localhost:" + port);
    }

    ChromeDriver driver() {
        return driver;
    }

    void go(String path) {
        driver.get(base + path);
    }

    /** Signs in through the page's own form; any earlier sign-in of this browser (its cookies) is forgotten first. */
    void signIn(String account, String password) {
        go("/board/index.html");
        js("sessionStorage.clear()");
        driver.manage().deleteAllCookies();
        driver.navigate().refresh();
        WebElement username = waitFor("the sign-in form", () -> first(By.id("username")));
        username.sendKeys(account);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("sign-in-button")).click();
    }

    void signIn(String account) {
        signIn(account, "demo");
        waitFor("signed in as " + account, () -> first(By.id("signed-in-as")));
    }

    /** Opens a page and waits for its first render; returns how long that took from navigation start, in ms. */
    double openAndTime(String path) {
        go(path);
        Number at = waitFor("the first render of " + path, () -> (Number) js(
                "const m = performance.getEntriesByName('accord:rendered')[0]; return m ? m.startTime : null"));
        double ms = at.doubleValue();
        System.out.printf("first render of %s: %.0f ms, transfer %s%n", path, ms, transfer());
        return ms;
    }

    /**
     * What the page brought over the network: the document and every resource, as transferred (0 for what the cache
     * served) and as encoded (the size of each file, cached or not).
     */
    String transfer() {
        @SuppressWarnings("unchecked")
        List<Number> sizes = (List<Number>) js("""
                const all = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
                return [all.reduce((n, e) => n + (e.transferSize || 0), 0),
                        all.reduce((n, e) => n + (e.encodedBodySize || 0), 0), all.length];""");
        return String.format("%.1f KB over the network (%.1f KB in %d files)", sizes.get(0).doubleValue() / 1024,
                sizes.get(1).doubleValue() / 1024, sizes.get(2).longValue());
    }

    private static String axeScript;

    /**
     * axe-core's scan of the page as it is now, against the WCAG 2.0, 2.1 and 2.2 A and AA rules: each violation of
     * serious or critical impact, as "rule: help (target, …)". axe-core comes from the test classpath (Deque's jar),
     * injected into the page, so nothing is fetched.
     */
    List<String> accessibilityProblems() {
        if (axeScript == null) {
            try (var in = Browser.class.getResourceAsStream("/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js is not on the test classpath");
                }
                axeScript = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!Boolean.TRUE.equals(js("return typeof window.axe === 'object'"))) {
            js(axeScript);
        }
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag',
                    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).join(', ') + ')')))
                  .catch(e => done(['axe failed: ' + e]));""");
        return found;
    }

    /** Picks the option of a select whose value or text is the one given, as a reader's click would. */
    void choose(String selectId, String valueOrText) {
        WebElement select = waitFor(selectId, () -> first(By.id(selectId)));
        select.click();
        WebElement option = select.findElements(By.tagName("option")).stream()
                .filter(o -> valueOrText.equals(o.getAttribute("value")) || valueOrText.equals(o.getText()))
                .findFirst().orElseThrow(() -> new AssertionError("no option " + valueOrText + " in " + selectId));
        option.click();
    }

    /**
     * Opens a page {@code times} times and returns each first render in ms; prints them with the breakdown of the
     * last load (page loaded, caller known, rendered).
     */
    double[] renderTimes(String path, int times) {
        double[] ms = new double[times];
        for (int i = 0; i < times; i++) {
            ms[i] = openAndTime(path);
        }
        System.out.printf("first render of %s: %s ms (the last: DOM ready at %.0f ms, signed in at %.0f ms)%n", path,
                java.util.Arrays.toString(java.util.Arrays.stream(ms).map(Math::round).toArray()),
                ((Number) js("return performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")).doubleValue(),
                ((Number) js("const m = performance.getEntriesByName('accord:signed-in')[0]; return m ? m.startTime : -1"))
                        .doubleValue());
        return ms;
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    WebElement first(By by) {
        List<WebElement> found = driver.findElements(by);
        return found.isEmpty() ? null : found.get(0);
    }

    String text(By by) {
        WebElement element = waitFor(by.toString(), () -> first(by));
        return element.getText();
    }

    <T> T waitFor(String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = probe.get();
                if (value != null && !Boolean.FALSE.equals(value)) {
                    return value;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("waited 15 s for " + what + " on " + driver.getCurrentUrl(), last);
    }

    /** The whole page (the window is stretched to its height, up to 5,000 px, then put back). */
    Path screenshot(String name) {
        try {
            Path file = SCREENSHOTS.resolve(name + ".png");
            org.openqa.selenium.Dimension size = driver.manage().window().getSize();
            long height = ((Number) js("return document.documentElement.scrollHeight")).longValue();
            long chrome = size.getHeight() - ((Number) js("return window.innerHeight")).longValue();
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(size.getWidth(),
                    (int) Math.min(5000, Math.max(size.getHeight(), height + chrome))));
            try {
                Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            } finally {
                driver.manage().window().setSize(size);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lowest contrast ratio of any visible text on the page against its effective background (WCAG formula). */
    double lowestContrast() {
        return ((Number) js("""
                const lum = c => { const [r, g, b] = c.map(v => { v /= 255;
                    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                  return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
                const rgba = s => (s.match(/[\\d.]+/g) || []).map(Number);
                const background = e => { for (; e; e = e.parentElement) { const c = rgba(getComputedStyle(e).backgroundColor);
                    if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3); } return [255, 255, 255]; };
                let worst = 21;
                for (const e of document.querySelectorAll('body *')) {
                  const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
                  if (!own || !e.getClientRects().length) continue;
                  const style = getComputedStyle(e);
                  if (style.visibility === 'hidden' || parseFloat(style.opacity) < 1) continue;
                  const a = lum(rgba(style.color).slice(0, 3)), b = lum(background(e));
                  worst = Math.min(worst, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05));
                }
                return worst;""")).doubleValue();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
