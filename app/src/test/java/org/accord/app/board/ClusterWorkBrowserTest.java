package org.accord.app.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Clusters and the decision-rights map changed in the "Who decides" page (headless Chromium): the trust executive
 * forms clusters of the test's own, adds a school of its own, moves it, takes it out, names a new lead, is refused a
 * school already in a cluster, and sets a version of the map far ahead (2099, as the GraphQL tests do, so that today's
 * map stays as other tests read it), refused first without a rationale; a team member reads the page with no controls.
 */
class ClusterWorkBrowserTest extends BrowserTest {

    @Test
    void theExecutiveFormsAClusterAddsASchoolAndIsRefusedASchoolInTwoClusters() {
        String cluster = "Coast schools " + System.nanoTime();
        String school = "Harbourside Alternative Provision " + System.nanoTime();
        as("exec").documentName("registerSchool").variable("input", Map.of("trustId", "demo-trust", "name", school,
                "phase", "ALTERNATIVE")).execute().path("registerSchool.school.id").entity(String.class).get();

        browser.signIn("exec");
        browser.openAndTime("/board/rights.html");
        browser.waitFor("the cluster controls", () -> browser.first(By.id("cluster-work")));
        assertThat(browser.accessibilityProblems()).isEmpty();

        // Oakwood is in the town's primaries: adding it to the valley is refused beside the control, nothing recorded
        long before = storedEvents();
        browser.choose("add-school-school", "Oakwood Primary School");
        browser.choose("add-school-cluster", "Valley schools");
        click("add-school-button");
        assertThat(refusal("add-school-problem").getText()).contains("one cluster at a time");
        assertThat(active().getAttribute("id")).isEqualTo("add-school-problem");
        assertThat(storedEvents()).isEqualTo(before);

        type("form-cluster-name", cluster);
        browser.choose("form-cluster-lead", "Ingrid Holm");
        click("form-cluster-button");
        assertThat(confirmation()).isEqualTo("The cluster " + cluster + " was formed.");
        assertThat(browser.text(By.id("cluster-table"))).contains(cluster, "Ingrid Holm");

        browser.choose("add-school-school", school);
        browser.choose("add-school-cluster", cluster);
        click("add-school-button");
        assertThat(confirmation("The school was added")).isEqualTo("The school was added to the cluster.");
        assertThat(browser.text(By.id("cluster-table"))).contains(school);

        // a second cluster of the test's own: the school moves there, and the first cluster gets a new lead
        type("form-cluster-name", cluster + " north");
        browser.choose("form-cluster-lead", "Daniel Okafor");
        click("form-cluster-button");
        assertThat(confirmation("The cluster " + cluster + " north")).endsWith("was formed.");
        browser.choose("move-school-school", school);
        browser.choose("move-school-cluster", cluster + " north");
        click("move-school-button");
        assertThat(confirmation("The school was moved")).isEqualTo("The school was moved.");
        assertThat(browser.text(By.cssSelector("#cluster-table tbody tr:last-child"))).contains(cluster + " north", school);
        browser.choose("name-lead-cluster", cluster);
        browser.choose("name-lead-person", "Eleanor Marsh");
        click("name-lead-button");
        assertThat(confirmation("The new lead")).isEqualTo("The new lead was recorded.");
        assertThat(browser.text(By.cssSelector("#cluster-table tbody tr:nth-last-child(2)"))).contains(cluster, "Eleanor Marsh");

        browser.choose("remove-school-school", school);
        click("remove-school-button");
        assertThat(confirmation("The school left")).isEqualTo("The school left its cluster.");
        assertThat(browser.text(By.id("cluster-table"))).doesNotContain(school);
        assertThat(browser.accessibilityProblems()).isEmpty();
    }

    @Test
    void theExecutiveSetsTheNextVersionOfTheMapAndAMemberOnlyReadsIt() {
        browser.signIn("exec");
        browser.openAndTime("/board/rights.html");
        browser.waitFor("the map editor", () -> browser.first(By.id("map-form")));
        int lines = browser.driver().findElements(By.cssSelector("#map-lines tr")).size();
        assertThat(lines).as("the lines of the version in force").isGreaterThanOrEqualTo(10);

        click("map-button");
        assertThat(refusal("map-problem").getText()).contains("rationale must not be blank");

        click("map-add-line");
        String added = browser.driver().findElements(By.cssSelector("#map-lines tr")).get(lines).getAttribute("data-line");
        browser.choose("line-area-" + added, "estates");
        browser.choose("line-level-" + added, "each cluster");
        type("line-note-" + added, "Each cluster shares a site manager");
        browser.js("document.getElementById('map-from').value = '2099-01-01'");
        type("map-rationale", "The clusters share site managers from 2099");
        click("map-button");
        assertThat(confirmation()).matches("Version \\d+ of the map was recorded\\.");
        assertThat(browser.text(By.id("map-history"))).contains("The clusters share site managers from 2099");
        as("board").document("{ whoDecides(schoolId: \"demo-school-oakwood\", area: ESTATES, asOf: \"2099-01-02\") { level } }")
                .execute().path("whoDecides.level").entity(String.class).isEqualTo("CLUSTER");
        as("board").document("{ whoDecides(schoolId: \"demo-school-oakwood\", area: SEND) { level } }")
                .execute().path("whoDecides.level").entity(String.class).isEqualTo("CLUSTER");

        phoneSized();
        browser.openAndTime("/board/rights.html");
        browser.waitFor("the map editor", () -> browser.first(By.id("map-form")));
        assertThat(fitsTheWidth()).as("no sideways scrolling at 390 px").isTrue();

        browser.signIn("member1");
        browser.openAndTime("/board/rights.html");
        browser.waitFor("the map", () -> browser.first(By.id("map-table")));
        assertThat(browser.first(By.id("cluster-work"))).as("a member reads the clusters").isNull();
        assertThat(browser.first(By.id("map-form"))).as("and the map, without controls").isNull();
        assertThat(browser.accessibilityProblems()).isEmpty();
    }
}
