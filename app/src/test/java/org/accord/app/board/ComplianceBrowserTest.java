package org.accord.app.board;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The compliance page in a real browser (headless Chromium), as the board reads it from the demo trust. */
class ComplianceBrowserTest extends BrowserTest {

    @Test
    void theCompliancePageShowsEachSchoolAgainstEachStandardWithChallengesAndOverdueAttestations() {
        browser.signIn("board");
        browser.openAndTime("/board/compliance.html");
        WebElement table = browser.waitFor("the compliance table", () -> browser.first(By.id("compliance-table")));
        String meadowbankLog = "td[data-school='demo-school-meadowbank'][data-standard='demo-standard-safeguarding-log']";
        assertThat(table.findElement(By.cssSelector(meadowbankLog)).getAttribute("data-state"))
                .isEqualTo("CHALLENGED");
        assertThat(table.findElement(By.cssSelector("td[data-school='demo-school-willowbrook']"
                + "[data-standard='demo-standard-safeguarding-log']")).getAttribute("data-state"))
                .isEqualTo("EXCEPTION_IN_FORCE");
        assertThat(table.findElement(By.cssSelector("td[data-school='demo-school-meadowbank']"
                + "[data-standard='demo-standard-single-central-record']")).getAttribute("data-state"))
                .isEqualTo("OVERDUE");
        assertThat(Integer.parseInt(browser.text(By.id("count-overdue")))).isPositive();
        assertThat(Integer.parseInt(browser.text(By.id("count-challenged")))).isPositive();

        // the table carries states only; a cell's words come when it is opened, as the record stood then
        assertThat((String) browser.js("return document.getElementById('compliance-table').textContent"))
                .doesNotContain("Train the two new members of staff");
        table.findElement(By.cssSelector(meadowbankLog + " summary")).sendKeys(Keys.ENTER);
        browser.waitFor("the challenge's actions", () -> browser.first(By.cssSelector(meadowbankLog + " .actions")));
        assertThat(browser.text(By.cssSelector(meadowbankLog + " .actions")))
                .contains("Train the two new members of staff in same-day logging");
        browser.screenshot("theCompliancePageWithAChallengeOpen");
        assertThat(browser.lowestContrast()).isGreaterThanOrEqualTo(4.5);
        assertThat(browser.first(By.cssSelector("nav a[href='compliance.html'][aria-current='page']"))).isNotNull();

        browser.driver().findElement(By.id("as-of")).sendKeys("01012020");
        browser.driver().findElement(By.id("show")).click();
        browser.waitFor("an empty view in 2020", () -> browser.first(By.id("compliance-empty")));
    }
}
