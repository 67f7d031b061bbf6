package org.accord.app.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.accord.app.support.AccordOnAFolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Finding "nobody is told" of issue 17, in a real browser: on an intact store no board page warns; after an insider
 * changed a vote beneath a stopped Accord, every page carries a red warning at its top that names the problem in
 * words and says what to do, and "Check the record" answers "NOT intact" in a red alert rather than the neutral box.
 */
class DecisionLogAlertBrowserTest {

    private static final List<String> PAGES = List.of("/board/index.html", "/board/standards.html",
            "/board/variations.html", "/board/standard.html?id=demo-standard-ks2-history",
            "/board/proposal.html?id=demo-proposal-y9-calendar");

    @TempDir
    Path folder;

    @BeforeEach
    void chromium() {
        Browser.assumeInstalled();
    }

    @Test
    void everyPageWarnsInRedOfATamperedRecordAndNoneWarnsOfAnIntactOne() throws Exception {
        try (ConfigurableApplicationContext intact = AccordOnAFolder.start(folder);
             Browser browser = Browser.open(AccordOnAFolder.port(intact))) {
            browser.signIn("board");
            for (String path : PAGES) {
                browser.openAndTime(path);
                awaitTheAlertQuery(browser);
                assertThat(browser.first(By.id("decision-log-alert"))).as("no warning on " + path).isNull();
            }
            browser.openAndTime("/board/index.html");
            WebElement status = check(browser);
            assertThat(status.getText()).startsWith("Intact");
            assertThat(status.getAttribute("class")).isEqualTo("status");
            assertThat(status.getAttribute("role")).isEqualTo("status");
        }

        AtomicLong position = new AtomicLong();
        AccordOnAFolder.editTheStore(folder, sql -> {
            String vote = sql.queryForObject("SELECT eventIdentifier FROM DomainEventEntry WHERE payloadType ="
                    + " 'org.accord.api.proposal.VoteCastEvent' AND CAST(payload AS TEXT) LIKE '%\"OBJECT\"%' LIMIT 1",
                    String.class);
            position.set(Long.parseLong(sql.queryForObject("SELECT json_extract(CAST(metaData AS TEXT),"
                    + " '$.chainPosition') FROM DomainEventEntry WHERE eventIdentifier = ?", String.class, vote)));
            sql.update("UPDATE DomainEventEntry SET payload = CAST(replace(CAST(payload AS TEXT), '\"OBJECT\"',"
                    + " '\"APPROVE\"') AS BLOB) WHERE eventIdentifier = ?", vote);
        });

        try (ConfigurableApplicationContext tampered = AccordOnAFolder.start(folder);
             Browser browser = Browser.open(AccordOnAFolder.port(tampered))) {
            browser.signIn("board");
            for (String path : PAGES) {
                browser.openAndTime(path);
                WebElement alert = browser.waitFor("the warning on " + path,
                        () -> browser.first(By.id("decision-log-alert")));
                assertThat(alert.getAttribute("role")).isEqualTo("alert");
                assertThat(alert.getText()).as(path).contains(
                        "Warning: the decision record of Northfield Learning Trust is not intact",
                        "Decision #" + position.get() + " was changed after Accord recorded it.",
                        "tell whoever runs Accord for the trust (its operator) now",
                        "Until the operator acknowledges the problem, Accord signs nothing new",
                        "It repairs and deletes nothing");
                assertThat(browser.js("return document.querySelector('header.site').nextElementSibling.id"))
                        .as("at the top of " + path).isEqualTo("decision-log-alert");
                assertThat(alert.getCssValue("background-color")).as("red").isEqualTo("rgba(143, 29, 29, 1)");
            }
            assertThat(browser.driver().findElement(By.tagName("main")).getText()).as("nothing printed as null")
                    .doesNotContainPattern("(?m)^null$");
            browser.screenshot("aTamperedRecordWarnsOnEveryPage");

            browser.openAndTime("/board/index.html");
            browser.waitFor("the warning", () -> browser.first(By.id("decision-log-alert")));
            assertThat(browser.lowestContrast()).isGreaterThanOrEqualTo(4.5);
            WebElement status = check(browser);
            assertThat(status.getText()).startsWith("NOT intact: ALTERED at decision " + position.get());
            assertThat(status.getAttribute("class")).isEqualTo("problem");
            assertThat(status.getAttribute("role")).isEqualTo("alert");
            browser.screenshot("checkTheRecordSaysNotIntactInRed");
        }
    }

    /** The page asks for the warning after it has drawn itself; wait until that answer has come. */
    private static void awaitTheAlertQuery(Browser browser) {
        browser.waitFor("the warning's query", () -> (Boolean) browser.js(
                "return performance.getEntriesByName('accord:alert-checked').length > 0"));
    }

    private static WebElement check(Browser browser) {
        browser.driver().findElement(By.id("verify")).click();
        return browser.waitFor("the verification", () -> {
            WebElement status = browser.first(By.id("verify-status"));
            return status != null && (status.getText().startsWith("Intact") || status.getText().startsWith("NOT"))
                    ? status : null;
        });
    }
}
