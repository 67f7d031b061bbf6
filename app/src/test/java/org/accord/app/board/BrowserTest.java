package org.accord.app.board;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The one fixture of the browser tests against the shared application (the demo trust, as {@link AccordHttpTest}
 * starts it): one headless Chromium per test class, opened at the first test, at desktop size before each test, a
 * screenshot of each test under target/screenshots/, closed after the class; and the moves every journey makes
 * (click a control, fill a date, read a status, a confirmation or a refusal, go by keyboard alone), and the
 * adoption of a standard made for a test.
 */
abstract class BrowserTest extends AccordHttpTest {

    protected static Browser browser;
    private String screenshot;

    // the browser is looked for before each test (not once for the class), so that surefire lists each test as
    // skipped, with the reason, where chromium or chromedriver is missing
    @BeforeEach
    void openBrowser(TestInfo test) throws Exception {
        if (browser == null) {
            browser = Browser.open(port);
        }
        browser.driver().manage().window().setSize(new Dimension(1280, 1000));
        screenshot = getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void saveScreenshot() {
        if (browser != null) {
            System.out.println("screenshot: " + browser.screenshot(screenshot).toAbsolutePath());
        }
    }

    @AfterAll
    static void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** Clicks a button, again if a live redraw replaced it meanwhile. */
    protected void click(String id) {
        browser.waitFor(id, () -> {
            WebElement button = browser.first(By.id(id));
            if (button == null || !button.isEnabled()) {
                return false;
            }
            button.click();
            return true;
        });
    }

    /**
     * Types into a field by id, after emptying it (by script: WebDriver's clear is refused while a select's list,
     * just chosen from, still has the focus).
     */
    protected void type(String id, String text) {
        WebElement field = browser.waitFor(id, () -> browser.first(By.id(id)));
        browser.js("arguments[0].value = ''", field);
        field.sendKeys(text);
    }

    /** Sets a date field by script, once it is there: a browser's date picker takes no typed text in every locale. */
    protected void dateInto(String id, LocalDate date) {
        browser.waitFor(id, () -> browser.first(By.id(id)));
        browser.js("document.getElementById(arguments[0]).value = arguments[1];", id, date.toString());
    }

    /** The value of the status badge inside the element (a request's, a variation's), once drawn. */
    protected String statusOf(String id) {
        return browser.waitFor("the status of #" + id, () -> {
            WebElement badge = browser.first(By.cssSelector("#" + id + " .badge"));
            return badge == null ? null : badge.getAttribute("data-value");
        });
    }

    /** The whole team approves, the chair closes, the executive adopts: the standard's id. */
    protected String adopt(String proposal) {
        as("chair").documentName("openVoting").variable("input", Map.of("proposalId", proposal)).execute()
                .path("openVoting.proposal.status").entity(String.class).isEqualTo("VOTING");
        for (String member : List.of("chair", "member1", "member2", "member3")) {
            as(member).documentName("castVote").variable("input", Map.of("proposalId", proposal, "choice", "APPROVE"))
                    .execute().path("castVote.proposal.status").entity(String.class).isEqualTo("VOTING");
        }
        as("chair").documentName("closeVoting").variable("input", Map.of("proposalId", proposal)).execute()
                .path("closeVoting.proposal.status").entity(String.class).isEqualTo("RATIFIED");
        return as("exec").documentName("adoptProposal").variable("input", Map.of("proposalId", proposal)).execute()
                .path("adoptProposal.standard.id").entity(String.class).get();
    }

    protected String confirmation() {
        return confirmation("");
    }

    /** The confirmation of the reader's last action (#action-done), once it starts with the words given. */
    protected String confirmation(String startingWith) {
        return browser.waitFor("the confirmation \"" + startingWith + "…\"", () -> {
            WebElement done = browser.first(By.id("action-done"));
            String text = done == null ? "" : done.getText();
            return !text.isBlank() && text.startsWith(startingWith) ? text : null;
        });
    }

    /** The element, once shown with some text (a refusal beside its control); null until then. */
    protected WebElement shown(String id) {
        WebElement element = browser.first(By.id(id));
        return element != null && element.isDisplayed() && !element.getText().isBlank() ? element : null;
    }

    /** The refusal shown beside a control, once there. */
    protected WebElement refusal(String id) {
        return browser.waitFor("the refusal #" + id, () -> shown(id));
    }

    protected void press(CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    protected WebElement active() {
        return browser.driver().switchTo().activeElement();
    }

    /** Presses Tab, and only Tab, until the element is focused (at most 100 times). */
    protected void tabTo(String id) {
        for (int i = 0; i < 100; i++) {
            if (id.equals(active().getAttribute("id"))) {
                return;
            }
            press(Keys.TAB);
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    /** Starts a keyboard journey from the top of the page, with nothing focused. */
    protected void fromTheTop() {
        browser.js("document.activeElement.blur(); window.scrollTo(0, 0)");
    }

    protected void phoneSized() {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
    }

    /** True when the page needs no sideways scrolling at the window's width. */
    protected boolean fitsTheWidth() {
        long scroll = (Long) browser.js("return document.documentElement.scrollWidth");
        long width = (Long) browser.js("return window.innerWidth");
        return scroll <= width + 1;
    }
}
