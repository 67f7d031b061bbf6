package org.accord.app.board;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/** The board's "Who decides" page in a real browser (headless Chromium): clusters, the map, and who decides. */
class WhoDecidesBrowserTest extends BrowserTest {

    @Test
    void aBoardMemberSeesTheClustersTheMapAndWhoDecidesForASchool() {
        browser.signIn("board");
        browser.openAndTime("/board/rights.html");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Who decides: Northfield Learning Trust");
        browser.waitFor("the clusters", () -> browser.first(By.id("cluster-table")));
        assertThat(browser.text(By.id("cluster-table"))).contains("Town primaries", "Eleanor Marsh",
                "Oakwood Primary School", "Secondary partnership", "Castle Hill School");
        assertThat(browser.text(By.id("map-table"))).contains("safeguarding", "the trust", "Safeguarding leads",
                "send", "each cluster", "curriculum (sequencing)", "each school");
        assertThat(browser.text(By.id("map-history"))).contains("Version 1");

        browser.choose("ask-school", "Oakwood Primary School");
        browser.choose("ask-area", "SEND");
        browser.driver().findElement(By.id("ask-go")).click();
        browser.waitFor("the answer", () -> browser.first(By.id("who-decides")));
        assertThat(browser.text(By.id("who-decides"))).contains("Oakwood Primary School", "the lead of Town primaries",
                "Eleanor Marsh", "SENDCos");
        assertThat(browser.lowestContrast()).isGreaterThanOrEqualTo(4.5);
    }
}
