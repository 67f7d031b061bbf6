package org.accord.app.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Every page of the demo in plain words (headless Chromium): no raw enum value (an upper-case word joined to another
 * by an underscore, such as NEEDS_REJUSTIFICATION or AREA_FOR_DEVELOPMENT) in the text a reader sees, as the board,
 * a head and the executive, on the fixed pages and on every standard, proposal and variation page of the trust; and
 * the proposal page's statuses and votes as words ("voting open", "approve"), not as the API spells them.
 */
class PlainWordsBrowserTest extends BrowserTest {

    private static final Pattern RAW_ENUM = Pattern.compile("\\b[A-Z]{2,}_[A-Z_]+\\b");
    private static final List<String> PAGES = List.of("/board/home.html", "/board/index.html",
            "/board/standards.html", "/board/variations.html", "/board/compliance.html", "/board/rights.html",
            "/board/inbox.html", "/board/draft.html", "/board/peer-reviews.html", "/board/people.html",
            "/board/peer-review.html?id=demo-peer-review-willowbrook");

    @Test
    void noPageOfTheDemoShowsARawEnumValue() {
        List<String> pages = new ArrayList<>(PAGES);
        @SuppressWarnings("unchecked")
        Map<String, Object> trust = as("board").document("""
                { trust(id: "demo-trust") { standards { id variations { id } } } }""")
                .execute().path("trust").entity(Map.class).get();
        for (Object s : (List<?>) trust.get("standards")) {
            Map<?, ?> standard = (Map<?, ?>) s;
            pages.add("/board/standard.html?id=" + standard.get("id"));
            for (Object v : (List<?>) standard.get("variations")) {
                pages.add("/board/variation.html?id=" + ((Map<?, ?>) v).get("id"));
            }
        }
        as("board").document("{ proposals(trustId: \"demo-trust\", first: 100) { edges { node { id } } } }").execute()
                .path("proposals.edges[*].node.id").entityList(String.class).get()
                .forEach(id -> pages.add("/board/proposal.html?id=" + id));
        pages.add("/board/requests.html");
        as("board").document("{ requests(trustId: \"demo-trust\", first: 100) { edges { node { id } } } }").execute()
                .path("requests.edges[*].node.id").entityList(String.class).get()
                .forEach(id -> pages.add("/board/request.html?id=" + id));

        List<String> found = new ArrayList<>();
        for (String account : List.of("board", "head", "exec")) {
            browser.signIn(account);
            for (String page : pages) {
                browser.openAndTime(page);
                String text = (String) browser.js("return document.body.innerText");
                Matcher raw = RAW_ENUM.matcher(text);
                while (raw.find()) {
                    found.add(account + " on " + page + ": " + raw.group());
                }
            }
        }
        assertThat(found).as("raw enum values in the visible text").isEmpty();
    }

    @Test
    void theProposalPageSaysItsStatusAndTheVotesInWords() {
        browser.signIn("member1");
        browser.openAndTime("/board/proposal.html?id=demo-proposal-library-lesson");
        assertThat(browser.text(By.id("proposal-status"))).contains("voting open").doesNotContain("VOTING");
        assertThat(browser.text(By.id("proposal-votes"))).contains("approve").doesNotContain("APPROVE");
        browser.openAndTime("/board/standards.html");
        assertThat(browser.text(By.id("proposals"))).contains("voting open", "adopted", "rejected", "lapsed (no quorum)")
                .doesNotContain("VOTING", "ADOPTED", "REJECTED");
    }
}
