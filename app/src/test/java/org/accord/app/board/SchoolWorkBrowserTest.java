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
 * Requests from schools, attestations and quality assurance, reviews that act and the e-mail address, done in the
 * pages as the demo accounts (issue 21, item 1): each action through its page's form, its result seen on the page,
 * and a refusal of the API shown beside the control. Whatever a test changes in the shared demo it leaves as other
 * tests expect it (Oakwood's safeguarding attestation confirmed; standards made here take effect in 2099).
 */
class SchoolWorkBrowserTest extends BrowserTest {

    private static final String SAFEGUARDING = "demo-standard-safeguarding-log";
    private static final String OAKWOOD_SAFEGUARDING = "td[data-school='demo-school-oakwood'][data-standard='"
            + SAFEGUARDING + "']";

    @Test
    void aHeadRaisesARequestAnotherSchoolSupportsItATeamMemberTakesItUpAndSupportingTwiceIsRefused() {
        String title = "One spelling scheme in every school " + System.nanoTime();
        browser.signIn("head");
        browser.openAndTime("/board/home.html");
        browser.waitFor("the home page", () -> browser.first(By.id("raise-link"))).click();
        browser.waitFor("the raise form", () -> browser.first(By.id("raise-form")));
        assertThat(browser.first(By.cssSelector("nav a[href='requests.html'][aria-current='page']"))).isNotNull();
        browser.choose("raise-area", "CURRICULUM");
        type("raise-reason", "Pupils who move between our schools relearn spelling rules");
        click("raise-button");
        assertThat(refusal("raise-problem").getText()).contains("title must not be blank");
        type("raise-request-title", title);
        click("raise-button");
        assertThat(confirmation()).isEqualTo("Your request was raised.");
        assertThat(statusOf("request-status")).isEqualTo("OPEN");
        shows("request-status", "open");
        shows("routed-to", "Heads of English");
        assertThat(browser.first(By.id("support-form"))).as("not for the raiser's own school").isNull();
        String request = browser.driver().getCurrentUrl().replaceAll(".*[?&]id=([^&]+).*", "$1");

        // member1 (Riverside) supports it: the support is shown, and the form goes
        browser.signIn("member1");
        browser.openAndTime("/board/request.html?id=" + request);
        type("support-reason", "Riverside's Year 7s arrive with three different schemes");
        click("support-button");
        assertThat(confirmation()).isEqualTo("Your support was recorded.");
        shows("supports", "Riverside High School", "three different schemes");
        browser.waitFor("the support form gone", () -> browser.first(By.id("support-form")) == null);

        // member2 writes their support while it is recorded from their other device: the second is refused
        browser.signIn("member2");
        browser.openAndTime("/board/request.html?id=" + request);
        type("support-reason", "Castle Hill would use it from Year 1");
        as("member2").documentName("supportRequest").variable("input", Map.of("requestId", request,
                "reason", "Castle Hill would use it")).execute().path("supportRequest.request.id").hasValue();
        click("support-button");
        assertThat(refusal("support-problem").getText()).contains("you already support this request");
        assertThat(active().getAttribute("id")).as("the focus moves to the refusal").isEqualTo("support-problem");

        // member2, of the Heads of English it was sent to, takes it up: the draft links back to the request
        type("take-up-statement", " ");
        click("take-up-button");
        assertThat(refusal("take-up-problem").getText()).contains("statement must not be blank");
        type("take-up-statement", "Every school teaches spelling from the trust's one scheme.");
        click("take-up-button");
        assertThat(confirmation()).isEqualTo("The request was taken up into a draft proposal.");
        WebElement back = browser.waitFor("the link back", () -> browser.first(By.cssSelector("#from-request a")));
        assertThat(browser.text(By.id("from-request"))).contains("Oakwood Primary School", title);
        back.click();
        assertThat(statusOf("request-status")).isEqualTo("TAKEN_UP");
        shows("request-status", "taken up into a proposal");
        shows("request-proposal", "James Whitfield", "Heads of English", title);
        assertThat(browser.first(By.id("actions"))).as("nothing left to do on it").isNull();

        browser.openAndTime("/board/requests.html?status=TAKEN_UP");
        assertThat(browser.text(By.id("requests"))).contains(title, "Oakwood Primary School");
        assertThat(browser.text(By.id("requests"))).doesNotContain("TAKEN_UP");
    }

    @Test
    void theBoardSeesSupportArriveLiveWithNoControlsAndTheChairDeclinesTheRequestWithAReason() {
        String title = "One homework timetable " + System.nanoTime();
        String request = as("head").documentName("raiseRequest").variable("input", Map.of("trustId", "demo-trust",
                        "area", "ASSESSMENT", "title", title, "reason", "Families with children in two schools")).execute()
                .path("raiseRequest.request.id").entity(String.class).get();
        browser.signIn("board");
        browser.openAndTime("/board/request.html?id=" + request);
        browser.waitFor("the request", () -> browser.first(By.id("request-status")));
        assertThat(browser.first(By.id("actions"))).as("the board reads, it does not act").isNull();
        // support given elsewhere shows by itself, over the live updates
        as("member1").documentName("supportRequest").variable("input", Map.of("requestId", request,
                "reason", "Riverside's families would welcome it")).execute().path("supportRequest.request.id").hasValue();
        shows("supports", "Riverside High School");
        assertThat(browser.text(By.id("live-status"))).startsWith("Just recorded:");

        browser.signIn("chair");
        browser.openAndTime("/board/request.html?id=" + request);
        click("decline-request-button");
        assertThat(refusal("decline-request-problem").getText()).contains("reason must not be blank");
        type("decline-request-reason", "Homework stays each school's choice");
        click("decline-request-button");
        assertThat(confirmation()).isEqualTo("The request was declined.");
        assertThat(statusOf("request-status")).isEqualTo("DECLINED");
        shows("request-declined", "Daniel Okafor", "Homework stays each school's choice");
        assertThat(browser.first(By.id("actions"))).isNull();
    }

    @Test
    void aHeadAttestsFromTheirHomePageWithTheKeyboardAloneOnAPhoneAndTheExecutiveConfirmsIt() {
        // a visit challenged Oakwood's safeguarding attestation: the head's home page says so
        String challenged = as("head").documentName("attest").variable("input", Map.of("schoolId",
                        "demo-school-oakwood", "standardId", SAFEGUARDING, "version", 1,
                        "statement", "Logged on the day, a browser test.")).execute()
                .path("attest.attestation.id").entity(String.class).get();
        as("exec").documentName("recordQaFinding").variable("input", Map.of("attestationId", challenged,
                "outcome", "CHALLENGED", "actions", List.of("Re-check the paper log"),
                "followUpBy", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString())).execute()
                .path("recordQaFinding.attestation.id").hasValue();

        phoneSized();
        browser.signIn("head");
        browser.openAndTime("/board/home.html");
        browser.waitFor("the attestation owed", () -> browser.first(By.id("attest-link-" + SAFEGUARDING)));
        assertThat(browser.text(By.id("work-attest"))).contains("challenged", "Re-check the paper log");
        fromTheTop();
        tabTo("attest-link-" + SAFEGUARDING);
        press(Keys.ENTER);
        browser.waitFor("the attestation form, focused", () -> "attest-standard".equals(active().getAttribute("id")));
        assertThat(browser.text(By.cssSelector("#attest-standard option:checked"))).contains("Safeguarding", "challenged");
        assertThat(fitsTheWidth()).as("no sideways scrolling at 390 px").isTrue();
        tabTo("attest-button");
        press(Keys.ENTER);
        assertThat(refusal("attest-problem").getText()).contains("statement must not be blank");
        fromTheTop();
        tabTo("attest-statement");
        press("The paper log was re-checked; every concern is now logged on the day.");
        tabTo("attest-evidence");
        press("Paper log re-check, signed by the DSL");
        tabTo("attest-button");
        press(Keys.ENTER);
        assertThat(confirmation()).isEqualTo("Your attestation was recorded.");
        assertThat(active().getAttribute("id")).as("the focus moves to the confirmation").isEqualTo("action-done");
        browser.waitFor("Oakwood attested", () -> "ATTESTED".equals(browser.js("const c = document.querySelector("
                + "arguments[0]); return c && c.dataset.state", OAKWOOD_SAFEGUARDING)));

        // the executive confirms the new attestation; a challenge without actions is refused first
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        browser.signIn("exec");
        browser.openAndTime("/board/compliance.html");
        assertThat(browser.text(By.id("legend"))).contains("exception in force", "does not apply")
                .doesNotContain("EXCEPTION_IN_FORCE", "NOT_APPLICABLE");
        WebElement cell = browser.waitFor("Oakwood's cell", () -> browser.first(By.cssSelector(OAKWOOD_SAFEGUARDING)));
        cell.findElement(By.tagName("summary")).click();
        WebElement recordFinding = browser.waitFor("the cell's words",
                () -> cell.findElements(By.cssSelector("button[data-attestation]")).stream().findFirst().orElse(null));
        assertThat(cell.getText()).contains("The paper log was re-checked", "Paper log re-check, signed by the DSL");
        recordFinding.click();
        browser.waitFor("the finding form", () -> "qa-outcome".equals(active().getAttribute("id")));
        browser.choose("qa-outcome", "CHALLENGED");
        click("qa-button");
        assertThat(refusal("qa-problem").getText()).contains("a CHALLENGED finding needs at least one agreed action");
        browser.choose("qa-outcome", "CONFIRMED");
        type("qa-notes", "Re-visited: the paper log is in the system.");
        click("qa-button");
        assertThat(confirmation()).isEqualTo("The finding was recorded.");
        WebElement after = browser.waitFor("Oakwood's cell", () -> browser.first(By.cssSelector(OAKWOOD_SAFEGUARDING)));
        assertThat(after.getAttribute("data-state")).isEqualTo("ATTESTED");
        assertThat(browser.first(By.id("qa-form"))).isNull();
        after.findElement(By.tagName("summary")).click();
        browser.waitFor("the cell's words", () -> after.findElements(By.cssSelector(".finding")).stream().findFirst()
                .orElse(null));
        assertThat(after.getText()).contains("confirmed", "Re-visited: the paper log is in the system.");
    }

    @Test
    void theExecutiveReaffirmsAStandardAndATeamMemberRaisesAnAmendmentFromItsReview() {
        String standard = adopt(proposal("Reading aloud in every class, each day"));
        browser.signIn("exec");
        browser.openAndTime("/board/standard.html?id=" + standard + "#review-actions");
        browser.waitFor("the reaffirmation", () -> browser.first(By.id("reaffirm-standard-form")));
        assertThat(browser.first(By.id("raise-review-form"))).as("the executive is in no team").isNull();
        click("reaffirm-standard-button");
        assertThat(refusal("reaffirm-standard-problem").getText())
                .isEqualTo("Give the date of the next review: a date in the future.");
        dateInto("reaffirm-standard-next", LocalDate.of(2100, 6, 1));
        click("reaffirm-standard-button");
        assertThat(refusal("reaffirm-standard-problem").getText()).contains("rationale must not be blank");
        type("reaffirm-standard-rationale", "Still what every class needs");
        click("reaffirm-standard-button");
        browser.waitFor("the confirmation", () -> "The standard was reaffirmed.".equals(browser.text(By.id("review-done"))));
        assertThat(browser.text(By.id("review-list"))).contains("reaffirmed", "Still what every class needs",
                "Morgan Hale").doesNotContain("[object");

        browser.signIn("board");
        browser.openAndTime("/board/standard.html?id=" + standard);
        browser.waitFor("the reviews", () -> browser.first(By.id("review-list")));
        assertThat(browser.first(By.id("review-actions"))).as("the board reviews nothing itself").isNull();

        // a cluster standard is its cluster lead's to reaffirm: Oakwood's head leads the town's primaries
        browser.signIn("head");
        browser.openAndTime("/board/standard.html?id=demo-standard-town-send-surgery");
        browser.waitFor("the lead's reaffirmation", () -> browser.first(By.id("reaffirm-standard-form")));
        assertThat(browser.text(By.id("reaffirm-standard-form"))).contains("As the lead of Town primaries");
        dateInto("reaffirm-standard-next", LocalDate.now(ZoneOffset.UTC).plusYears(1));
        click("reaffirm-standard-button");
        assertThat(refusal("reaffirm-standard-problem").getText()).contains("rationale must not be blank");

        browser.signIn("member1");
        browser.openAndTime("/board/standard.html?id=" + standard);
        browser.waitFor("the review's proposal", () -> browser.first(By.id("raise-review-form")));
        assertThat(browser.first(By.id("reaffirm-standard-form"))).as("not the team's to reaffirm").isNull();
        type("raise-review-statement", " ");
        click("raise-review-button");
        assertThat(refusal("raise-review-problem").getText()).contains("statement must not be blank");
        type("raise-review-statement", "Reading aloud in every class, each day, by pupils too.");
        click("raise-review-button");
        assertThat(confirmation()).isEqualTo("A draft proposal was raised from the review.");
        assertThat(browser.text(By.id("statement"))).contains("by pupils too");
        // the proposal's page says in words which review it came from, and links to that review
        shows("from-review", "the review of version 1 of Reading aloud in every class, each day",
                "(review due 1 Jun 2100)");
        String proposal = browser.driver().getCurrentUrl().replaceAll(".*[?&]id=([^&#]+).*", "$1");
        browser.first(By.cssSelector("#from-review a")).click();
        WebElement review = browser.waitFor("the review, in focus on the standard's page", () -> {
            WebElement focused = browser.driver().switchTo().activeElement();
            return ("review-" + proposal).equals(focused.getAttribute("id")) ? focused : null;
        });
        assertThat(browser.driver().getCurrentUrl()).contains("standard.html?id=" + standard);
        assertThat(review.getText()).contains("amendment proposed", "Reading aloud in every class, each day");
        assertThat(browser.text(By.id("review-list"))).contains("amendment proposed");
    }

    @Test
    void aPersonSetsAndRemovesTheirEmailAddressOnTheInboxPage() {
        browser.signIn("member2");
        browser.openAndTime("/board/inbox.html");
        browser.waitFor("the e-mail form", () -> browser.first(By.id("email-form")));
        assertThat(browser.text(By.id("email-current"))).contains("No e-mail address is set");
        type("email-address", "not-an-address");
        click("email-button");
        assertThat(refusal("email-problem").getText()).contains("not an e-mail address");
        type("email-address", "james.whitfield@castle-hill.example");
        click("email-button");
        assertThat(confirmation()).isEqualTo("Your e-mail address was saved.");
        assertThat(browser.text(By.id("email-current"))).contains("james.whitfield@castle-hill.example");
        browser.openAndTime("/board/inbox.html");
        assertThat(browser.waitFor("the address", () -> browser.first(By.id("email-address"))).getAttribute("value"))
                .isEqualTo("james.whitfield@castle-hill.example");
        assertThat(browser.text(By.id("email-current"))).contains("james.whitfield@castle-hill.example");

        // removed, and then set again on the same page without reading it anew
        type("email-address", " ");
        click("email-button");
        assertThat(confirmation("Your e-mail address was removed")).isEqualTo("Your e-mail address was removed.");
        assertThat(browser.text(By.id("email-current"))).contains("No e-mail address is set");
        type("email-address", "j.whitfield@castle-hill.example");
        click("email-button");
        assertThat(confirmation("Your e-mail address was saved")).isEqualTo("Your e-mail address was saved.");
        assertThat(browser.text(By.id("email-current"))).contains("j.whitfield@castle-hill.example");
        as("member2").documentName("setEmailAddress").variable("input", Map.of("personId", "demo-person-member2"))
                .execute().path("setEmailAddress.person.id").hasValue();
    }

    @Test
    void theNewPagesHaveNoSeriousOrCriticalAccessibilityProblemAndFitAPhone() {
        Map<String, List<String>> pages = Map.of(
                "head", List.of("/board/requests.html?raise", "/board/compliance.html?attest=" + SAFEGUARDING + "#attest",
                        "/board/request.html?id=demo-request-uniform-supplier"),
                "member1", List.of("/board/requests.html", "/board/request.html?id=demo-request-send-adaptive-teaching",
                        "/board/standard.html?id=demo-standard-ks2-history", "/board/inbox.html"),
                "exec", List.of("/board/compliance.html", "/board/standard.html?id=" + SAFEGUARDING, "/board/home.html"));
        for (boolean phone : List.of(false, true)) {
            for (var account : pages.entrySet()) {
                if (phone) {
                    phoneSized();
                } else {
                    browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
                }
                browser.signIn(account.getKey());
                for (String path : account.getValue()) {
                    browser.openAndTime(path);
                    browser.waitFor("the page drawn", () -> browser.first(By.cssSelector("main h1")));
                    if (phone) {
                        assertThat(fitsTheWidth()).as(account.getKey() + " on " + path + " at 390 px").isTrue();
                    } else {
                        assertThat(browser.accessibilityProblems()).as(account.getKey() + " on " + path).isEmpty();
                    }
                }
            }
        }
        // the executive's QA form, open
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        browser.signIn("exec");
        browser.openAndTime("/board/compliance.html");
        WebElement cell = browser.waitFor("Meadowbank's cell", () -> browser.first(By.cssSelector(
                "td[data-school='demo-school-meadowbank'][data-standard='" + SAFEGUARDING + "']")));
        cell.findElement(By.tagName("summary")).click();
        browser.waitFor("the cell's words",
                () -> cell.findElements(By.cssSelector("button[data-attestation]")).stream().findFirst().orElse(null))
                .click();
        browser.waitFor("the finding form", () -> browser.first(By.id("qa-form")));
        assertThat(browser.accessibilityProblems()).as("the QA form").isEmpty();
        assertThat(browser.lowestContrast()).isGreaterThanOrEqualTo(4.5);

        browser.signIn("outsider");
        browser.openAndTime("/board/request.html?id=demo-request-send-adaptive-teaching");
        assertThat(browser.text(By.id("not-found"))).contains("Not found, or not yours to see");
        browser.openAndTime("/board/requests.html");
        browser.waitFor("the outsider's requests", () -> browser.first(By.cssSelector("main h1")));
        assertThat(browser.text(By.tagName("main"))).doesNotContain("Oakwood", "uniform");
    }

    /**
     * Waits until the element's text holds every part: the pages draw again over the live updates as well as after
     * the reader's own action, so an element read once may be replaced before its text is.
     */
    private void shows(String id, String... parts) {
        browser.waitFor("#" + id + " showing " + String.join(", ", parts), () -> {
            String text = browser.text(By.id(id));
            return java.util.Arrays.stream(parts).allMatch(text::contains);
        });
    }

    /** A new ADAPTABLE curriculum standard drafted by member1 in the Heads of English, to take effect in 2099. */
    private String proposal(String title) {
        Map<String, Object> input = new HashMap<>(Map.of("teamId", "demo-team-english", "kind", "NEW_STANDARD",
                "title", title, "area", "CURRICULUM", "alignment", "ADAPTABLE", "statement", title + ".",
                "effectiveFrom", "2099-09-01"));
        return as("member1").documentName("draftProposal").variable("input", input).execute()
                .path("draftProposal.proposal.id").entity(String.class).get();
    }
}
