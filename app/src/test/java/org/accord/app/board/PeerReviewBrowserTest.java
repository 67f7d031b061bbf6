package org.accord.app.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Peer reviews in the pages (headless Chromium), as the demo accounts: Oakwood's head records a review of Meadowbank
 * (refused first without areas), adds a finding (refused first without text), agrees an action and follows it up to
 * completion, raises the finding as a request and notes it against a standard, and sees the executive's finding
 * arrive live; a member of another school finds neither the review nor its page ("not found"), nor does another
 * trust's executive; the board reads the demo's review without controls.
 */
class PeerReviewBrowserTest extends BrowserTest {

    private static final String DEMO_REVIEW = "demo-peer-review-willowbrook";

    @Test
    void aHeadRecordsAReviewItsFindingsAndActionsInThePages() {
        browser.signIn("head");
        browser.openAndTime("/board/home.html");
        browser.waitFor("the link to peer reviews", () -> browser.first(By.id("peer-reviews-link"))).click();
        browser.waitFor("the list", () -> browser.first(By.id("peer-review-table")));
        assertThat(browser.text(By.id("peer-review-table"))).contains("Willowbrook Primary School by Oakwood Primary School",
                "SEND, curriculum", "1 strength, 1 area for development", "1 agreed, 0 completed");
        assertThat(browser.accessibilityProblems()).isEmpty();

        // no areas: refused beside the control, nothing recorded
        browser.choose("record-reviewed", "Meadowbank Primary Academy");
        long before = storedEvents();
        click("record-button");
        assertThat(refusal("record-problem").getText()).containsIgnoringCase("area");
        assertThat(storedEvents()).isEqualTo(before);

        click("record-area-CURRICULUM");
        click("record-button");
        assertThat(confirmation()).startsWith("The review was recorded");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Peer review of Meadowbank Primary Academy");
        assertThat(browser.text(By.id("review-facts"))).contains("Oakwood Primary School", "curriculum", "Eleanor Marsh");

        click("finding-button");
        assertThat(refusal("finding-problem").getText()).containsIgnoringCase("text");
        browser.choose("finding-kind", "area for development");
        type("finding-text", "Reading records are not passed on when pupils move class.");
        click("finding-button");
        assertThat(confirmation("The finding was added")).isEqualTo("The finding was added.");
        WebElement finding = browser.waitFor("the finding", () -> browser.first(By.cssSelector("#findings > li")));
        assertThat(finding.getText()).contains("area for development", "curriculum", "Reading records are not passed on");
        String key = finding.getAttribute("id").substring("finding-".length());

        browser.choose("agree-finding", "Reading records are not passed on when pupils move class.");
        type("agree-action", "Each class teacher hands over the reading record in July.");
        browser.js("document.getElementById('agree-due').value = arguments[0]",
                LocalDate.now(ZoneOffset.UTC).plusMonths(1).toString());
        click("agree-button");
        assertThat(confirmation("The action was agreed")).isEqualTo("The action was agreed.");
        WebElement action = browser.waitFor("the action", () -> browser.first(By.cssSelector("#review-actions > li")));
        assertThat(action.getText()).contains("hands over the reading record", "not started");
        String actionKey = action.getAttribute("id").substring("action-".length());

        browser.choose("follow-up-progress-" + actionKey, "completed");
        type("follow-up-note-" + actionKey, "Handed over in every class.");
        click("follow-up-button-" + actionKey);
        assertThat(confirmation("The follow-up")).isEqualTo("The follow-up (completed) was recorded.");
        assertThat(browser.text(By.id("action-" + actionKey))).contains("completed", "Handed over in every class.");
        assertThat(browser.first(By.id("follow-up-form-" + actionKey))).as("nothing follows a completed action").isNull();

        type("raise-title-" + key, "Reading records that follow the pupil");
        click("raise-button-" + key);
        assertThat(confirmation("The finding was raised")).contains("Reading records that follow the pupil");
        WebElement request = browser.waitFor("the link to the request",
                () -> browser.first(By.cssSelector("#finding-request-" + key + " a")));
        assertThat(request.getText()).isEqualTo("Reading records that follow the pupil");
        assertThat(request.getAttribute("href")).contains("request.html?id=");

        String standard = (String) browser.js("return document.getElementById(arguments[0]).selectedOptions[0].textContent",
                "note-standard-" + key);
        click("note-button-" + key);
        assertThat(confirmation("The finding was noted")).isEqualTo("The finding was noted against " + standard + ".");
        assertThat(browser.text(By.id("finding-standards-" + key))).contains("Noted against " + standard);
        assertThat(browser.accessibilityProblems()).isEmpty();

        // what the executive records on the review elsewhere arrives over the live subscription
        String address = browser.driver().getCurrentUrl();
        String reviewId = java.net.URLDecoder.decode(address.replaceAll(".*[?&]id=([^&]+).*", "$1"),
                java.nio.charset.StandardCharsets.UTF_8);
        as("exec").document("mutation($input: AddPeerReviewFindingInput!) { addPeerReviewFinding(input: $input) {"
                        + " peerReview { id } } }")
                .variable("input", java.util.Map.of("peerReviewId", reviewId, "area", "CURRICULUM", "kind", "STRENGTH",
                        "text", "Pupils talk about the books they read at home."))
                .execute().path("addPeerReviewFinding.peerReview.id").entity(String.class).isEqualTo(reviewId);
        browser.waitFor("the executive's finding, live",
                () -> browser.text(By.id("findings")).contains("Pupils talk about the books they read at home."));
        assertThat(browser.text(By.id("live-status"))).startsWith("Just recorded:").doesNotContain("STRENGTH");

        // a member of another school: the review does not exist for them, in the list or at its address
        browser.signIn("member1");
        browser.go(address.substring(address.indexOf("/board/")).replaceAll("&done=.*", ""));
        browser.waitFor("not found", () -> browser.first(By.id("not-found")));
        browser.openAndTime("/board/peer-review.html?id=" + DEMO_REVIEW);
        browser.waitFor("not found", () -> browser.first(By.id("not-found")));
        browser.openAndTime("/board/peer-reviews.html");
        browser.waitFor("the list", () -> browser.first(By.id("school-filter")));
        assertThat(browser.text(By.id("main"))).doesNotContain("Meadowbank Primary Academy by", "Willowbrook Primary School by");
    }

    @Test
    void theBoardReadsAReviewWithoutControlsNarrowedToASchoolOnAPhone() {
        browser.signIn("board");
        phoneSized();
        browser.openAndTime("/board/peer-reviews.html?school=demo-school-willowbrook");
        browser.waitFor("the list", () -> browser.first(By.id("peer-review-table")));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Peer reviews: Willowbrook Primary School");
        assertThat(browser.first(By.id("record-form"))).as("the board records no review").isNull();
        assertThat(fitsTheWidth()).isTrue();
        browser.openAndTime("/board/peer-review.html?id=" + DEMO_REVIEW);
        browser.waitFor("the findings", () -> browser.first(By.id("findings")));
        assertThat(browser.text(By.id("findings"))).contains("strength", "area for development",
                "Pupil passports are written", "Noted against");
        assertThat(browser.text(By.id("review-actions"))).contains("cover supervisor", "in progress");
        assertThat(browser.first(By.id("finding-form"))).isNull();
        assertThat(fitsTheWidth()).isTrue();
        assertThat(browser.accessibilityProblems()).isEmpty();

        // the executive of another trust: neither the review nor any of the demo trust's in the list
        browser.signIn("outsider");
        browser.openAndTime("/board/peer-review.html?id=" + DEMO_REVIEW);
        browser.waitFor("not found", () -> browser.first(By.id("not-found")));
        assertThat(browser.text(By.id("main"))).doesNotContain("Willowbrook", "Pupil passports");
        browser.openAndTime("/board/peer-reviews.html");
        assertThat(browser.text(By.id("main"))).contains("No peer review you may read").doesNotContain("Willowbrook");
    }
}
