package org.accord.app.board;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Reviews that act on the board's pages, in a real browser: what is due, and each standard's reviews. */
class ReviewPagesBrowserTest extends BrowserTest {

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
