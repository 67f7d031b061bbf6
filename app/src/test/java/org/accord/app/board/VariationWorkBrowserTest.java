package org.accord.app.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A person's home page and a school's variation work, done entirely in the pages as the demo accounts: the head
 * records an implementation and re-affirms it after an amendment, requests an exception; the executive finds it on
 * their home page and declines or approves it; each refusal of the API shows beside its control. Standards made for
 * a test take effect in 2099, so that the demo's rules in force today stay as other tests expect them.
 */
class VariationWorkBrowserTest extends BrowserTest {

    private static final String SAFEGUARDING = "demo-standard-safeguarding-log";

    @Test
    void theRootAddressSignsAPersonInToTheirHomePageWhichListsTheirVotesLive() {
        String id = proposal("A Year 7 reading journal", "GUIDANCE", null, null);
        as("chair").documentName("openVoting").variable("input", Map.of("proposalId", id)).execute()
                .path("openVoting.proposal.status").entity(String.class).isEqualTo("VOTING");

        browser.go("/board/index.html");
        browser.js("sessionStorage.clear()");
        browser.driver().manage().deleteAllCookies();
        browser.go("/");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/board/home.html");
        browser.waitFor("the sign-in form", () -> browser.first(By.id("sign-in")));
        assertThat(browser.first(By.id("token"))).as("the embedded mode asks for no token").isNull();
        type("username", "member2");
        type("password", "demo");
        click("sign-in-button");
        browser.waitFor("the home page", () -> browser.first(By.id("my-work")));
        assertThat(browser.text(By.tagName("h1"))).startsWith("Your work,");
        WebElement votes = browser.waitFor("the votes to cast", () -> browser.first(By.id("work-votes")));
        assertThat(votes.getText()).contains("A Year 7 reading journal", "Heads of English");
        assertThat(browser.driver().findElements(By.cssSelector("#recent-decisions > li"))).hasSize(10);
        assertThat(browser.text(By.id("recent-decisions"))).contains("Voting opened");
        browser.openAndTime("/board/home.html");
        browser.waitFor("the live feed", () -> browser.first(By.id("work-votes")));

        // member2 votes elsewhere (another device): the vote leaves their home page by itself
        as("member2").documentName("castVote").variable("input", Map.of("proposalId", id, "choice", "APPROVE"))
                .execute().path("castVote.proposal.status").entity(String.class).isEqualTo("VOTING");
        browser.waitFor("the vote gone, live", () -> {
            WebElement work = browser.first(By.id("my-work"));
            return work != null && !work.getText().contains("A Year 7 reading journal");
        });
        assertThat(browser.text(By.id("live-status"))).startsWith("Just recorded:");
        assertThat(browser.lowestContrast()).isGreaterThanOrEqualTo(4.5);
    }

    @Test
    void aHeadRequestsAnExceptionAndTheExecutiveDeclinesItFromTheirHomePage() {
        browser.signIn("head");
        browser.openAndTime("/board/standard.html?id=" + SAFEGUARDING);
        browser.waitFor("the school's part", () -> browser.first(By.id("exception-form")));
        type("exception-description", "Concerns logged by the next morning");
        dateInto("exception-expires-on", LocalDate.now(ZoneOffset.UTC).plusMonths(2));
        click("exception-button");
        assertThat(refusal("exception-problem").getText()).contains("justification must not be blank");
        assertThat(active().getAttribute("id")).isEqualTo("exception-problem");
        assertThat(browser.driver().findElement(By.id("exception-description")).getAttribute("value"))
                .as("the entries are kept").isEqualTo("Concerns logged by the next morning");

        type("exception-justification", "Our safeguarding lead works mornings only this term");
        click("exception-button");
        assertThat(confirmation()).isEqualTo("Your request was recorded: the trust executive decides it.");
        assertThat(browser.driver().getCurrentUrl()).contains("variation.html?id=");
        assertThat(statusOf("variation-status")).isEqualTo("REQUESTED");
        assertThat(browser.text(By.id("variation-status"))).contains("requested, awaiting a decision")
                .doesNotContain("REQUESTED");

        browser.signIn("exec");
        browser.openAndTime("/board/home.html");
        WebElement exceptions = browser.waitFor("the exception to decide", () -> browser.first(By.id("work-exceptions")));
        assertThat(exceptions.getText()).contains("Oakwood Primary School", "Concerns logged by the next morning");
        exceptions.findElement(By.partialLinkText("Oakwood Primary School")).click();
        browser.waitFor("the variation", () -> browser.first(By.id("decline-form")));
        assertThat(browser.first(By.id("reaffirm-form"))).as("not the executive's to re-affirm").isNull();
        click("decline-button");
        assertThat(refusal("decline-problem").getText()).contains("reason must not be blank");
        type("decline-reason", "Another lead can log in the afternoons");
        click("decline-button");
        assertThat(confirmation()).isEqualTo("The exception was declined.");
        assertThat(statusOf("variation-status")).isEqualTo("DECLINED");
        assertThat(browser.first(By.id("actions"))).isNull();
        assertThat(browser.text(By.id("variation-history"))).contains("Another lead can log in the afternoons");
        assertThat(browser.lowestContrast()).isGreaterThanOrEqualTo(4.5);
    }

    @Test
    void theExecutiveApprovesAnExceptionWithTheKeyboardAloneOnAPhoneAndLaterRevokesIt() {
        String id = as("head").documentName("requestException").variable("input", Map.of("schoolId",
                        "demo-school-oakwood", "standardId", SAFEGUARDING, "version", 1, "description",
                        "Concerns logged within 24 hours", "justification", "A new system this term",
                        "expiresOn", LocalDate.now(ZoneOffset.UTC).plusMonths(1).toString())).execute()
                .path("requestException.variation.id").entity(String.class).get();
        phoneSized();
        browser.signIn("exec");
        browser.openAndTime("/board/variation.html?id=" + id);
        browser.waitFor("the approval", () -> browser.first(By.id("approve-form")));
        assertThat(fitsTheWidth()).as("no sideways scrolling at 390 px").isTrue();
        fromTheTop();
        tabTo("approve-note");
        press("Until the new system is in");
        tabTo("approve-button");
        press(Keys.ENTER);
        assertThat(confirmation()).isEqualTo("The exception was approved.");
        assertThat(active().getAttribute("id")).as("the focus moves to the confirmation").isEqualTo("action-done");
        assertThat(statusOf("variation-status")).isEqualTo("APPROVED");

        // revoked, so that the demo's Oakwood follows the safeguarding standard again for the other tests
        tabTo("revoke-reason");
        press("The new system is in");
        tabTo("revoke-button");
        press(Keys.SPACE);
        assertThat(confirmation("It was revoked")).isEqualTo("It was revoked.");
        assertThat(statusOf("variation-status")).isEqualTo("REVOKED");
    }

    @Test
    void aHeadRecordsAnImplementationAndReaffirmsItFromTheirHomePageAfterAnAmendment() {
        String standard = adopt(proposal("Book talk in every Key Stage 2 class", "ADAPTABLE", null, null));

        browser.signIn("head");
        browser.openAndTime("/board/standard.html?id=" + standard);
        browser.waitFor("the school's part", () -> browser.first(By.id("record-form")));
        click("record-button");
        assertThat(refusal("record-problem").getText()).contains("description must not be blank");
        type("record-description", "Book talk on Friday afternoons, in mixed-age groups");
        type("record-justification", "Our classes are mixed-age; Friday is our reading afternoon");
        click("record-button");
        assertThat(confirmation()).isEqualTo("Your school's implementation was recorded.");
        assertThat(statusOf("variation-status")).isEqualTo("RECORDED");
        String variation = browser.driver().getCurrentUrl().replaceAll(".*[?&]id=([^&]+).*", "$1");

        // the team amends the standard: the head's implementation now needs re-justifying, and their home says so
        adopt(proposal("Book talk in every Key Stage 2 class, led by pupils", "ADAPTABLE", standard, 1));
        browser.openAndTime("/board/home.html");
        WebElement reaffirm = browser.waitFor("the variation to re-affirm", () -> browser.first(By.id("work-reaffirm")));
        assertThat(reaffirm.getText()).contains("Book talk in every Key Stage 2 class, led by pupils",
                "pinned to version 1", "now at version 2");
        reaffirm.findElement(By.tagName("a")).click();
        browser.waitFor("the re-affirmation", () -> browser.first(By.id("reaffirm-form")));
        assertThat(browser.text(By.id("variation-status"))).contains("needs re-justifying");
        type("reaffirm-justification", " ");
        click("reaffirm-button");
        assertThat(refusal("reaffirm-problem").getText()).contains("justification must not be blank");
        type("reaffirm-justification", "Pupils lead the Friday groups already");
        click("reaffirm-button");
        assertThat(confirmation()).isEqualTo("Re-affirmed against version 2.");
        assertThat(browser.text(By.id("variation-status"))).doesNotContain("needs re-justifying");
        assertThat(browser.first(By.id("reaffirm-form"))).isNull();

        browser.openAndTime("/board/home.html");
        browser.waitFor("the home page", () -> browser.first(By.id("my-work")));
        assertThat(browser.text(By.id("my-work"))).doesNotContain("led by pupils");
        as("head").documentName("withdrawVariation").variable("input", Map.of("variationId", variation, "reason",
                "End of the test")).execute();
    }

    @Test
    void everyPageHasNoSeriousOrCriticalAccessibilityProblem() {
        for (String account : List.of("board", "head", "exec")) {
            browser.signIn(account);
            for (String path : List.of("/board/home.html", "/board/index.html", "/board/standards.html",
                    "/board/variations.html", "/board/rights.html", "/board/standard.html?id=" + SAFEGUARDING,
                    "/board/standard.html?id=demo-standard-ks2-history",
                    "/board/proposal.html?id=demo-proposal-y9-calendar",
                    "/board/variation.html?id=demo-variation-meadowbank-history")) {
                browser.openAndTime(path);
                assertThat(browser.accessibilityProblems()).as(account + " on " + path).isEmpty();
            }
        }
        browser.go("/board/home.html");
        browser.js("sessionStorage.clear()");
        browser.driver().manage().deleteAllCookies();
        browser.openAndTime("/board/home.html");
        browser.waitFor("the sign-in form", () -> browser.first(By.id("sign-in")));
        assertThat(browser.accessibilityProblems()).as("the sign-in form").isEmpty();

        // the scan finds what it should: a button with no name, and text too faint to read
        browser.js("document.getElementById('main').append(Object.assign(document.createElement('button'), { id: 'nameless' }),"
                + " Object.assign(document.createElement('p'), { textContent: 'faint', style: 'color:#ddd' }))");
        assertThat(browser.accessibilityProblems()).anySatisfy(p -> assertThat(p).startsWith("button-name"))
                .anySatisfy(p -> assertThat(p).startsWith("color-contrast"));
    }

    @Test
    void theNewPagesFitAPhoneAndAnOutsiderSeesNothingOfTheDemoTrustOnThem() {
        phoneSized();
        for (String account : List.of("head", "member1")) {
            browser.signIn(account);
            for (String path : List.of("/board/home.html", "/board/variation.html?id=demo-variation-oakwood-history",
                    "/board/standard.html?id=demo-standard-send-adaptive-teaching", "/board/draft.html")) {
                browser.openAndTime(path);
                assertThat(fitsTheWidth()).as(account + " on " + path + " at 390 px").isTrue();
            }
        }
        browser.signIn("outsider");
        browser.openAndTime("/board/variation.html?id=demo-variation-oakwood-history");
        assertThat(browser.text(By.id("not-found"))).contains("Not found, or not yours to see");
        assertThat(browser.first(By.id("actions"))).isNull();
        browser.openAndTime("/board/home.html");
        browser.waitFor("the outsider's home", () -> browser.first(By.id("my-work")));
        assertThat(browser.text(By.tagName("main"))).doesNotContain("Northfield", "Oakwood", "Heads of English");
    }

    /** Drafted by member1 in the heads of English, to take effect in 2099; an amendment with a standard and version. */
    private String proposal(String title, String alignment, String amends, Integer version) {
        Map<String, Object> input = new HashMap<>(Map.of("teamId", "demo-team-english", "title", title,
                "area", "CURRICULUM", "alignment", alignment, "statement", title + ", as each school decides.",
                "rationale", "Drafted by a browser test"));
        input.put("kind", amends == null ? "NEW_STANDARD" : "AMEND_STANDARD");
        input.put("effectiveFrom", amends == null ? "2099-09-01" : "2099-10-01");
        if (amends != null) {
            input.put("standardId", amends);
            input.put("amendsVersion", version);
        }
        return as("member1").documentName("draftProposal").variable("input", input).execute()
                .path("draftProposal.proposal.id").entity(String.class).get();
    }
}
