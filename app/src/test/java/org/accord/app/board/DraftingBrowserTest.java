package org.accord.app.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Drafting and revising a proposal in the pages (headless Chromium), as the demo's heads of English: a draft from
 * the home page, a revision by another member with the diff between revisions, and a revision made meanwhile by
 * someone else refused by the API beside the control, the reader's entries kept.
 */
class DraftingBrowserTest extends BrowserTest {

    @Test
    void aMemberDraftsFromTheirHomePageAndAnotherRevisesItWithTheDiffShown() {
        browser.signIn("member1");
        browser.openAndTime("/board/home.html");
        browser.waitFor("the way to draft", () -> browser.first(By.id("draft-link"))).click();
        browser.waitFor("the draft form", () -> browser.first(By.id("draft-form")));
        browser.openAndTime("/board/draft.html");
        pick("draft-team", "demo-team-english");
        pick("draft-kind", "NEW_STANDARD");
        type("draft-proposal-title", "A shared Year 9 class reader");
        pick("draft-alignment", "GUIDANCE");
        assertThat(browser.accessibilityProblems()).as("the draft page").isEmpty();
        click("draft-button");
        assertThat(refusal("draft-problem").getText()).contains("statement must not be blank");
        assertThat(active().getAttribute("id")).isEqualTo("draft-problem");
        type("draft-statement", "Every Year 9 class reads one novel from the trust's list each term.");
        type("draft-rationale", "Shared texts make moderation possible");
        click("draft-button");
        assertThat(confirmation()).isEqualTo("Your draft was saved.");
        assertThat(browser.text(By.id("proposal-status"))).contains("draft");
        String id = browser.driver().getCurrentUrl().replaceAll(".*[?&]id=([^&]+).*", "$1");
        as("board").documentName("proposal").variable("id", id).execute()
                .path("proposal.title").entity(String.class).isEqualTo("A shared Year 9 class reader")
                .path("proposal.proposer.id").entity(String.class).isEqualTo("demo-person-member1");

        browser.signIn("member2");
        browser.openAndTime("/board/proposal.html?id=" + id);
        browser.waitFor("the revision form", () -> browser.first(By.id("revise-form")));
        assertThat(browser.accessibilityProblems()).as("a draft's page with its revision form").isEmpty();
        type("revise-statement", "Every Year 9 class reads two novels from the trust's list each year.");
        type("revise-note", "Two a year is realistic");
        click("revise-button");
        assertThat(confirmation()).isEqualTo("Revision 2 was saved.");
        browser.waitFor("the diff", () -> browser.first(By.cssSelector("#proposal-rev-diff ins")));
        assertThat(browser.driver().findElements(By.cssSelector("#proposal-rev-diff ins")))
                .extracting(WebElement::getText).anySatisfy(t -> assertThat(t).contains("two novels"));
        assertThat(browser.driver().findElements(By.cssSelector("#proposal-rev-diff del")))
                .extracting(WebElement::getText).anySatisfy(t -> assertThat(t).contains("one novel"));
        assertThat(browser.text(By.id("statement"))).contains("two novels");

        // member3 revises elsewhere while member2 writes: member2's entries stay, and the API refuses the stale one
        type("revise-statement", "Every Year 9 class reads three novels a year.");
        as("member3").documentName("reviseProposal").variable("input", Map.of("proposalId", id, "rationale",
                "Shared texts make moderation and shared CPD possible", "expectedRevision", 2)).execute()
                .path("reviseProposal.proposal.status").entity(String.class).isEqualTo("DRAFT");
        browser.waitFor("the news of the revision", () -> browser.text(By.id("live-status")).contains("entries are kept"));
        click("revise-button");
        assertThat(refusal("revise-problem").getText()).contains("revised meanwhile", "revision 3");
        assertThat(browser.driver().findElement(By.id("revise-statement")).getAttribute("value"))
                .isEqualTo("Every Year 9 class reads three novels a year.");
        assertThat(browser.lowestContrast()).isGreaterThanOrEqualTo(4.5);
    }

    /** Picks an option as the keyboard would (headless Chromium's open list of a clicked select takes the keys). */
    private void pick(String id, String value) {
        browser.js("const s = document.getElementById(arguments[0]); s.focus(); s.value = arguments[1];"
                + " s.dispatchEvent(new Event('change', { bubbles: true }))", id, value);
        assertThat(browser.driver().findElement(By.id(id)).getAttribute("value")).isEqualTo(value);
    }

    @Test
    void someoneInNoTeamIsToldTheyCannotDraftAndSeesNoRevisionControl() {
        browser.signIn("board");
        browser.openAndTime("/board/draft.html");
        assertThat(browser.text(By.id("no-team"))).contains("you are in none");
        browser.openAndTime("/board/proposal.html?id=demo-proposal-y9-calendar");
        browser.waitFor("the proposal", () -> browser.first(By.id("proposal-status")));
        assertThat(browser.first(By.id("revise-form"))).isNull();
    }
}
