package org.accord.app.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Delegated votes in the pages (headless Chromium), as the demo accounts: on a proposal's page, a member delegates
 * their vote and takes it back with the keyboard alone at 390 px, a chain refused by the API beside the control; on
 * the home page, a delegation for a period made, refused when its dates are in the wrong order, and taken back.
 * Each proposal is the test's own (drafted and opened through the API), and the period lies a year ahead and is
 * taken back, so that the demo's open proposal and other tests' proposals carry nothing of this test.
 */
class DelegationBrowserTest extends BrowserTest {

    private static final String ENGLISH = "demo-team-english";

    @Test
    void aMemberDelegatesTheirVoteAndTakesItBackWithTheKeyboardAloneOnAPhone() {
        String id = openProposal("A class reader for every Year 9 group");
        // member2 has delegated to the chair: delegating to member2 would make a chain, which the API refuses
        as("member2").document("mutation($input: DelegateVoteInput!) { delegateVote(input: $input) { delegation { status } } }")
                .variable("input", Map.of("proposalId", id, "delegateId", "demo-person-chair")).execute()
                .path("delegateVote.delegation.status").entity(String.class).isEqualTo("IN_FORCE");

        phoneSized();
        browser.signIn("member1");
        browser.openAndTime("/board/proposal.html?id=" + id);
        browser.waitFor("the delegation control", () -> browser.first(By.id("delegate-form")));
        assertThat(fitsTheWidth()).as("no sideways scrolling at 390 px").isTrue();
        assertThat(browser.accessibilityProblems()).isEmpty();

        fromTheTop();
        tabTo("delegate-to");
        // the first choice is the chair; one down is member2 (the voters other than the reader, in their order)
        press(Keys.ARROW_DOWN);
        assertThat(selected("delegate-to")).isEqualTo("James Whitfield");
        tabTo("delegate-button");
        press(Keys.ENTER);
        WebElement refusal = refusal("delegate-problem");
        assertThat(refusal.getText()).contains("a delegation chain");
        assertThat(active().getAttribute("id")).as("the focus moves to the refusal").isEqualTo("delegate-problem");
        assertThat(delegationsOf(id)).doesNotContain("demo-person-member1");

        fromTheTop();
        tabTo("delegate-to");
        press(Keys.ARROW_UP);
        assertThat(selected("delegate-to")).isEqualTo("Daniel Okafor");
        tabTo("delegate-button");
        press(Keys.SPACE);
        assertThat(confirmation()).isEqualTo("Your vote is delegated to Daniel Okafor.");
        assertThat(active().getAttribute("id")).isEqualTo("action-done");
        assertThat(browser.text(By.id("delegation-standing"))).isEqualTo("Daniel Okafor");
        assertThat(browser.text(By.id("proposal-delegations"))).contains("Sophie Lindqvist delegated their vote to Daniel Okafor");
        assertThat(delegationsOf(id)).contains("demo-person-member1>demo-person-chair:IN_FORCE");
        assertThat(fitsTheWidth()).isTrue();

        fromTheTop();
        tabTo("revoke-delegation-button");
        press(Keys.ENTER);
        assertThat(confirmation("Your delegation was taken back")).startsWith("Your delegation was taken back");
        assertThat(browser.first(By.id("delegate-form"))).as("free to delegate again").isNotNull();
        assertThat(delegationsOf(id)).contains("demo-person-member1>demo-person-chair:REVOKED");
        assertThat(browser.accessibilityProblems()).isEmpty();

        // the chair, to whom member2 delegated, reads it on the page
        browser.signIn("chair");
        browser.openAndTime("/board/proposal.html?id=" + id);
        assertThat(browser.text(By.id("delegated-to-you"))).contains("James Whitfield has delegated their vote to you");
    }

    @Test
    void aMemberDelegatesTheirVotesForAPeriodFromTheirHomePageAndTakesThemBack() {
        LocalDate from = LocalDate.now(ZoneOffset.UTC).plusDays(400);
        LocalDate to = from.plusDays(6);
        browser.signIn("member1");
        browser.openAndTime("/board/home.html");
        browser.waitFor("the delegations", () -> browser.first(By.id("delegations")));
        assertThat(browser.accessibilityProblems()).isEmpty();

        // the dates the wrong way round: refused by the API beside the control, nothing recorded
        browser.choose("period-delegate-" + ENGLISH, "James Whitfield");
        dates(to, from);
        click("period-button-" + ENGLISH);
        assertThat(refusal("period-" + ENGLISH + "-problem").getText()).contains("must not be before");
        assertThat(periodDelegations()).doesNotContain("demo-person-member1>");

        dates(from, to);
        click("period-button-" + ENGLISH);
        assertThat(confirmation()).startsWith("Your votes in Heads of English go to James Whitfield from");
        WebElement made = browser.waitFor("the delegation listed",
                () -> browser.first(By.cssSelector("#my-delegations-" + ENGLISH + " li[data-status='IN_FORCE']")));
        assertThat(made.getText()).contains("James Whitfield", "in force");
        assertThat(periodDelegations()).contains("demo-person-member1>demo-person-member2:IN_FORCE");

        String revoke = made.findElement(By.cssSelector("button")).getAttribute("id");
        click(revoke);
        assertThat(confirmation("Your delegation to James Whitfield was taken back")).isNotBlank();
        assertThat(browser.text(By.cssSelector("#my-delegations-" + ENGLISH))).contains("taken back");
        assertThat(periodDelegations()).contains("demo-person-member1>demo-person-member2:REVOKED")
                .doesNotContain("demo-person-member1>demo-person-member2:IN_FORCE");
        assertThat(browser.accessibilityProblems()).isEmpty();
    }

    private void dates(LocalDate from, LocalDate to) {
        browser.js("document.getElementById(arguments[0]).value = arguments[1];"
                + "document.getElementById(arguments[2]).value = arguments[3]",
                "period-from-" + ENGLISH, from.toString(), "period-to-" + ENGLISH, to.toString());
    }

    private String selected(String selectId) {
        return (String) browser.js("const s = document.getElementById(arguments[0]); return s.selectedOptions[0].textContent",
                selectId);
    }

    /** The proposal's delegations as "delegator>delegate:STATUS", read through the API. */
    private String delegationsOf(String id) {
        return String.join(" ", as("board").document("query($id: ID!) { proposal(id: $id) { delegations {"
                        + " delegator { id } delegate { id } status } } }").variable("id", id).execute()
                .path("proposal.delegations").entityList(Map.class).get().stream()
                .map(d -> ((Map<?, ?>) d.get("delegator")).get("id") + ">" + ((Map<?, ?>) d.get("delegate")).get("id")
                        + ":" + d.get("status")).toList());
    }

    private String periodDelegations() {
        return String.join(" ", as("board").document("query($id: ID!) { team(id: $id) { delegations {"
                        + " delegator { id } delegate { id } status } } }").variable("id", ENGLISH).execute()
                .path("team.delegations").entityList(Map.class).get().stream()
                .map(d -> ((Map<?, ?>) d.get("delegator")).get("id") + ">" + ((Map<?, ?>) d.get("delegate")).get("id")
                        + ":" + d.get("status")).toList());
    }

    private String openProposal(String title) {
        Map<String, Object> input = Map.of("teamId", ENGLISH, "kind", "NEW_STANDARD", "title", title,
                "area", "CURRICULUM", "alignment", "GUIDANCE", "statement", title + ", in every secondary school.",
                "rationale", "Drafted by a browser test", "effectiveFrom", "2027-09-01", "reviewBy", "2029-07-31");
        String id = as("member1").documentName("draftProposal").variable("input", input).execute()
                .path("draftProposal.proposal.id").entity(String.class).get();
        as("chair").documentName("openVoting").variable("input", Map.of("proposalId", id)).execute()
                .path("openVoting.proposal.status").entity(String.class).isEqualTo("VOTING");
        return id;
    }
}
