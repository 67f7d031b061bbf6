package org.accord.app.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A deliberation done entirely in the proposal page (headless Chromium), as the demo accounts: the chair opens
 * voting, members vote, change a vote and recuse, a refusal of the API shows beside the control, the chair closes,
 * the executive adopts or declines. Each test drafts its own proposal in the heads of English (through the API, as
 * member1), so that the demo's proposal open for voting stays as other tests expect it.
 */
class ProposalActionsBrowserTest extends BrowserTest {

    @Test
    void aProposalGoesFromDraftToAdoptionInThePages() {
        String id = draft("Reading aloud in every Year 7 English lesson");

        // the chair opens voting; members see no such control
        open("member1", id);
        assertThat(browser.first(By.id("open-form"))).isNull();
        assertThat(browser.first(By.id("withdraw-form"))).as("the proposer may withdraw").isNotNull();
        open("chair", id);
        // a closing moment three days ahead, entered in the reader's time zone (as the browser's picker would set it)
        String closesAt = (String) browser.js("""
                const d = new Date(Date.now() + 3 * 86400000); d.setSeconds(0, 0);
                const pad = n => String(n).padStart(2, '0');
                document.getElementById('open-closes-at').value = d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-'
                  + pad(d.getDate()) + 'T' + pad(d.getHours()) + ':' + pad(d.getMinutes());
                return d.toISOString();""");
        click("open-button");
        assertThat(confirmation()).isEqualTo("Voting is open.");
        assertThat(browser.text(By.id("proposal-status"))).contains("voting open", "closes");
        String recorded = as("chair").documentName("proposal").variable("id", id).execute()
                .path("proposal.closesAt").entity(String.class).get();
        assertThat(java.time.Instant.parse(recorded)).isEqualTo(java.time.Instant.parse(closesAt));
        assertThat(browser.first(By.id("close-form"))).isNotNull();

        // member1: an objection without a rationale is refused by the API, in its words, beside the control
        open("member1", id);
        click("vote-object");
        WebElement refusal = browser.waitFor("the refusal", () -> shown("vote-problem"));
        assertThat(refusal.getText()).contains("an objection needs a rationale");
        assertThat(refusal.getAttribute("role")).isEqualTo("alert");
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("vote-problem");
        assertThat(browser.first(By.id("proposal-votes"))).as("nothing was recorded").isNull();

        browser.driver().findElement(By.id("vote-rationale")).sendKeys("Our pupils read too little aloud");
        click("vote-approve");
        assertThat(confirmation()).isEqualTo("Your vote (approve) was recorded.");
        assertThat(browser.text(By.id("proposal-votes"))).contains("approve", "Our pupils read too little aloud");
        assertThat(browser.text(By.id("vote-standing"))).isEqualTo("approve");

        // and changes the vote, with a rationale; both votes stay in the record
        WebElement rationale = browser.driver().findElement(By.id("vote-rationale"));
        rationale.clear();
        rationale.sendKeys("On reflection, five minutes a lesson is too rigid for Year 7");
        click("vote-object");
        assertThat(confirmation("Your vote (object)")).isEqualTo("Your vote (object) was recorded.");
        assertThat(browser.text(By.id("proposal-votes"))).contains("object", "too rigid", "1 earlier vote changed");

        // member3 declares an interest; a blank one is refused first
        open("member3", id);
        click("recuse-button");
        assertThat(browser.waitFor("the refusal", () -> shown("recuse-problem")).getText())
                .contains("interest must not be blank");
        browser.driver().findElement(By.id("recuse-interest")).sendKeys("My partner wrote the Year 7 scheme");
        click("recuse-button");
        assertThat(confirmation()).isEqualTo("Your recusal was recorded.");
        assertThat(browser.text(By.id("main"))).contains("declared an interest", "wrote the Year 7 scheme");
        assertThat(browser.first(By.id("vote-form"))).as("a recused member votes no more").isNull();

        // someone outside the team sees the vote but no controls to cast one
        open("board", id);
        assertThat(browser.first(By.id("actions"))).isNull();

        vote("member2", id, "vote-approve", null);
        vote("chair", id, "vote-approve", "Worth trying for a year");
        click("close-button");
        assertThat(confirmation("Voting is closed")).isEqualTo("Voting is closed.");
        assertThat(browser.text(By.id("proposal-status"))).contains("ratified");
        assertThat(browser.first(By.id("vote-form"))).isNull();

        // the executive finds it on their home page, waiting for adoption
        browser.signIn("exec");
        browser.openAndTime("/board/home.html");
        browser.waitFor("the proposals to adopt", () -> browser.first(By.id("work-adopt")))
                .findElement(By.linkText("Reading aloud in every Year 7 English lesson")).click();
        browser.waitFor("the proposal", () -> browser.first(By.id("proposal-status")));
        assertThat(browser.first(By.id("decline-form"))).isNotNull();
        browser.js("document.activeElement.blur(); window.scrollTo(0, 0)");
        tabTo("adopt-button");
        press(Keys.ENTER);
        assertThat(confirmation()).startsWith("Adopted");
        assertThat(active().getAttribute("id")).isEqualTo("action-done");
        assertThat(browser.text(By.id("proposal-status"))).contains("adopted");
        assertThat(browser.first(By.id("actions"))).isNull();
        assertThat(browser.lowestContrast()).isGreaterThanOrEqualTo(4.5);
    }

    @Test
    void aMemberVotesWithTheKeyboardAloneOnAPhoneSizedScreen() {
        String id = draft("A shared Year 8 poetry anthology");
        openVotingAsChair(id);
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        open("member2", id);
        assertThat((Long) browser.js("return document.documentElement.scrollWidth"))
                .as("no sideways scrolling at 390 px").isLessThanOrEqualTo(390L + 1);
        browser.js("document.activeElement.blur(); window.scrollTo(0, 0)");

        tabTo("vote-rationale");
        press("An anthology gives every school the same poems to moderate");
        tabTo("vote-approve");
        press(Keys.ENTER);
        assertThat(confirmation()).isEqualTo("Your vote (approve) was recorded.");
        assertThat(active().getAttribute("id")).as("the focus moves to the confirmation").isEqualTo("action-done");

        // a change of mind, with the space bar this time; the rationale given stays unless rewritten
        tabTo("vote-abstain");
        press(Keys.SPACE);
        assertThat(confirmation("Your vote (abstain)")).isEqualTo("Your vote (abstain) was recorded.");
        assertThat(browser.text(By.id("proposal-votes"))).contains("abstain", "same poems to moderate",
                "1 earlier vote changed");
    }

    @Test
    void theChairWithdrawsLiveVotesArriveAndTheExecutiveDeclinesWithAReason() {
        String withdrawn = draft("Spelling tests every Friday");
        open("chair", withdrawn);
        click("withdraw-button");
        assertThat(browser.waitFor("the refusal", () -> shown("withdraw-problem")).getText())
                .contains("reason must not be blank");
        browser.driver().findElement(By.id("withdraw-reason")).sendKeys("Superseded by the spelling review");
        click("withdraw-button");
        assertThat(confirmation()).isEqualTo("The proposal was withdrawn.");
        assertThat(browser.text(By.id("proposal-status"))).contains("withdrawn");
        assertThat(browser.first(By.id("actions"))).isNull();

        String declined = draft("A trust-wide Year 7 reading age test");
        openVotingAsChair(declined);
        vote("member1", declined, "vote-approve", null);
        // a vote cast elsewhere reaches the open page over the live subscription
        as("member2").documentName("castVote").variable("input", Map.of("proposalId", declined, "choice", "APPROVE"))
                .execute().path("castVote.proposal.status").entity(String.class).isEqualTo("VOTING");
        browser.waitFor("member2's vote, live", () -> browser.text(By.cssSelector(".tally")).contains("2 approve"));
        assertThat(browser.text(By.id("live-status"))).startsWith("Just recorded:");

        // member3 is writing when the chair closes voting elsewhere: the entries stay, and the API's refusal shows
        open("member3", declined);
        browser.driver().findElement(By.id("vote-rationale")).sendKeys("Late, but in favour");
        as("chair").documentName("closeVoting").variable("input", Map.of("proposalId", declined)).execute()
                .path("closeVoting.proposal.status").entity(String.class).isEqualTo("RATIFIED");
        browser.waitFor("the news of the close", () -> browser.text(By.id("live-status")).contains("entries are kept"));
        click("vote-approve");
        WebElement refusal = browser.waitFor("the refusal", () -> shown("vote-problem"));
        assertThat(refusal.getText()).contains("voting is over");
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("vote-problem");

        // the executive declines, with the keyboard alone
        open("exec", declined);
        browser.js("document.activeElement.blur(); window.scrollTo(0, 0)");
        tabTo("decline-button");
        press(Keys.ENTER);
        assertThat(browser.waitFor("the refusal", () -> shown("decline-problem")).getText())
                .contains("reason must not be blank");
        tabTo("decline-reason");
        press("The trust has bought a reading test already");
        tabTo("decline-button");
        press(Keys.SPACE);
        assertThat(confirmation()).isEqualTo("Adoption was declined.");
        assertThat(browser.text(By.id("proposal-status"))).contains("declined");
    }

    private String draft(String title) {
        Map<String, Object> input = Map.of("teamId", "demo-team-english", "kind", "NEW_STANDARD", "title", title,
                "area", "CURRICULUM", "alignment", "GUIDANCE", "statement", title + ", in every secondary school.",
                "rationale", "Drafted by a browser test", "effectiveFrom", "2027-09-01", "reviewBy", "2029-07-31");
        return as("member1").documentName("draftProposal").variable("input", input).execute()
                .path("draftProposal.proposal.id").entity(String.class).get();
    }

    private void openVotingAsChair(String id) {
        open("chair", id);
        click("open-button");
        assertThat(confirmation()).isEqualTo("Voting is open.");
    }

    private void vote(String account, String id, String button, String rationale) {
        open(account, id);
        if (rationale != null) {
            browser.driver().findElement(By.id("vote-rationale")).sendKeys(rationale);
        }
        click(button);
        assertThat(confirmation()).contains("was recorded");
    }

    private void open(String account, String id) {
        browser.signIn(account);
        browser.openAndTime("/board/proposal.html?id=" + id);
        browser.waitFor("the proposal", () -> browser.first(By.id("proposal-status")));
    }
}
