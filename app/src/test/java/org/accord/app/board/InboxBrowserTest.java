package org.accord.app.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The inbox page in a real browser (headless Chromium): the caller's notifications, live arrivals, marking read. */
class InboxBrowserTest extends BrowserTest {

    @Test
    void aVoterSeesANewVoteArriveLiveAndMarksItRead() {
        browser.signIn("member2");
        browser.openAndTime("/board/inbox.html");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Inbox");
        browser.waitFor("the unread count", () -> browser.text(By.id("inbox-status")).contains("unread") ? true : null);

        String title = "Browser inbox " + System.nanoTime();
        String proposal = as("chair").document("mutation { draftProposal(input: {teamId: \"demo-team-english\","
                        + " kind: NEW_STANDARD, title: \"" + title + "\", area: CURRICULUM, alignment: GUIDANCE,"
                        + " statement: \"s\"}) { proposal { id } } }")
                .execute().path("draftProposal.proposal.id").entity(String.class).get();
        as("chair").documentName("openVoting").variable("input", Map.of("proposalId", proposal)).execute()
                .path("openVoting.proposal.status").entity(String.class).isEqualTo("VOTING");

        String id = "n-vote_opened:" + proposal + ":demo-person-member2";
        WebElement item = browser.waitFor("the live notification", () -> browser.first(By.id(id)));
        assertThat(item.getText()).contains("Vote opened", title);
        assertThat(item.getAttribute("class")).isEqualTo("unread");
        String before = browser.text(By.id("inbox-status"));

        item.findElement(By.tagName("button")).click();
        browser.waitFor("the mark", () -> "read".equals(browser.first(By.id(id)).getAttribute("class")) ? true : null);
        assertThat(browser.text(By.id("inbox-status"))).isNotEqualTo(before);
        assertThat(browser.first(By.id(id)).getAttribute("href")).isNull();
        assertThat(browser.first(By.id(id)).findElement(By.tagName("a")).getAttribute("href"))
                .endsWith("proposal.html?id=" + proposal);

        browser.driver().findElement(By.id("mark-all")).click();
        browser.waitFor("everything read", () -> browser.text(By.id("inbox-status"))
                .equals("No unread notifications.") ? true : null);
        assertThat(browser.driver().findElements(By.cssSelector("#inbox li.unread"))).isEmpty();
        assertThat(browser.lowestContrast()).isGreaterThanOrEqualTo(4.5);
    }
}
