package org.accord.app.board;

import static org.assertj.core.api.Assertions.assertThat;

import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/** Reviews that act on the board's pages, in a real browser: what is due, and each standard's reviews. */
class ReviewPagesBrowserTest extends AccordHttpTest {

    private static Browser browser;

    @BeforeEach
    void openBrowser() throws Exception {
        if (browser == null) {
            browser = Browser.open(port);
        }
        browser.driver().manage().window().setSize(new Dimension(1280, 1000));
    }

    @AfterAll
    static void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void theStandardsPageListsWhatIsDueForReviewWithTheOverdueMarked() {
        browser.signIn("board");
        browser.openAndTime("/board/standards.html");
        browser.waitFor("the due list", () -> browser.first(By.id("due-standards")));
        String passport = "#due-standards li[data-standard='demo-standard-send-passport']";
        assertThat(browser.first(By.cssSelector(passport)).getAttribute("data-overdue")).isEqualTo("true");
        assertThat(browser.text(By.cssSelector(passport))).contains("Pupil passports for pupils with SEND")
                .contains("OVERDUE").contains("was due");
        assertThat(browser.first(By.cssSelector("#due-standards li[data-standard='demo-standard-safeguarding-log']")))
                .as("reaffirmed for another year: not due").isNull();
        assertThat(browser.text(By.id("peer-review-summary"))).contains("between schools").contains("actions agreed");
        browser.screenshot("theStandardsPageListsWhatIsDueForReview");
    }

    @Test
    void aStandardsPageShowsItsReviewsAndNextReviewDate() {
        browser.signIn("board");
        browser.openAndTime("/board/standard.html?id=demo-standard-safeguarding-log");
        browser.waitFor("the reviews", () -> browser.first(By.cssSelector("#review-list li")));
        assertThat(browser.text(By.cssSelector("#review-list li"))).containsIgnoringCase("reaffirmed")
                .contains("autumn safeguarding audit");
        assertThat(browser.text(By.id("next-review"))).isNotBlank();
    }
}
