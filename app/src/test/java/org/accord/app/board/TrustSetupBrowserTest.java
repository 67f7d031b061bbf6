package org.accord.app.board;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The trust's setup in the "Schools, people and teams" page (headless Chromium): the trust executive registers a
 * school of the test's own and three people there (one with two roles), forms a team, adds and removes a member, and
 * erases the name of a person the test registered (after the confirm step); a duplicate school name and a person with
 * no role are refused beside their controls, nothing recorded. A board member and a team member read the same lists
 * without any control; another trust's executive sees none of it. Names are unique to the run, so that the other
 * tests sharing the application see the demo as it was.
 */
class TrustSetupBrowserTest extends BrowserTest {

    @Test
    void theExecutiveRegistersASchoolAndPeopleFormsATeamAndAddsAMember() {
        long run = System.nanoTime();
        String school = "Riverside Academy " + run;
        String chair = "Priya Chair " + run;
        String member = "Tom Member " + run;
        String head = "Ana Head " + run;
        String team = "Heads of science " + run;

        browser.signIn("exec");
        browser.openAndTime("/board/home.html");
        click("people-link");
        browser.waitFor("the setup controls", () -> browser.first(By.id("setup-work")));
        assertThat(list("people")).contains("trust executive").doesNotContain("TRUST_EXECUTIVE");
        assertThat(browser.accessibilityProblems()).isEmpty();

        type("register-school-name", school);
        browser.choose("register-school-phase", "all through");
        click("register-school-button");
        assertThat(confirmation()).isEqualTo("The school " + school + " was registered.");
        assertThat(row("schools", school)).contains("all through");

        // the same name again: the API's refusal beside the control, the focus on it, nothing recorded
        long before = storedEvents();
        type("register-school-name", school);
        click("register-school-button");
        assertThat(refusal("register-school-problem").getText()).contains("already has a school named");
        assertThat(active().getAttribute("id")).isEqualTo("register-school-problem");
        assertThat(storedEvents()).isEqualTo(before);

        // a change of phase far ahead (only this school's), refused first for the phase it has, in words
        browser.choose("change-phase-school", school);
        browser.choose("change-phase-phase", "all through");
        browser.js("document.getElementById('change-phase-from').value = '2099-01-01'");
        click("change-phase-button");
        assertThat(refusal("change-phase-problem").getText()).contains("already all through").doesNotContain("ALL_THROUGH");
        browser.choose("change-phase-phase", "secondary");
        click("change-phase-button");
        assertThat(confirmation(school)).isEqualTo(school + " is secondary from 1 Jan 2099.");

        // no role ticked: the API's refusal beside the control, nothing recorded
        long beforeNoRole = storedEvents();
        type("register-person-name", chair);
        click("register-person-role-STAFF");
        browser.choose("register-person-school", school);
        click("register-person-button");
        assertThat(refusal("register-person-problem").getText()).contains("roles must not be empty");
        assertThat(storedEvents()).isEqualTo(beforeNoRole);
        click("register-person-role-STAFF");

        for (String name : new String[] {chair, member}) {
            type("register-person-name", name);
            assertThat(browser.first(By.id("register-person-role-STAFF")).isSelected()).as("staff, ticked first")
                    .isTrue();
            browser.choose("register-person-school", school);
            click("register-person-button");
            assertThat(confirmation(name)).isEqualTo(name + " was registered.");
        }
        assertThat(row("people", chair)).contains("staff", school);

        // a person with two roles at once: a headteacher who also teaches
        type("register-person-name", head);
        click("register-person-role-HEADTEACHER");
        browser.choose("register-person-school", school);
        click("register-person-button");
        assertThat(confirmation(head)).isEqualTo(head + " was registered.");
        assertThat(row("people", head)).contains("headteacher", "staff", school);

        type("form-team-name", team);
        // an area no other test raises a request in: a request is sent to every team whose remit covers its area
        click("form-team-area-PUPIL_PREMIUM");
        browser.choose("form-team-chair", chair);
        click("form-team-button");
        assertThat(confirmation("The team")).isEqualTo("The team " + team + " was formed.");

        browser.choose("add-member-team", team);
        browser.choose("add-member-person", member);
        click("add-member-button");
        assertThat(confirmation(member)).isEqualTo(member + " joined " + team + ".");
        assertThat(row("teams", team)).contains("pupil premium", chair, member);
        assertThat(row("people", member)).contains("staff", school, team);

        // the chair cannot leave: refused beside the control, in the API's words
        browser.choose("remove-member-team", team);
        browser.choose("remove-member-person", chair);
        click("remove-member-button");
        assertThat(refusal("remove-member-problem").getText()).contains("chair cannot be removed");

        // erasure asks first, then takes the name and keeps the person (and their team) under an id
        long beforeErasure = storedEvents();
        browser.choose("erase-person", member);
        click("erase-button");
        assertThat(refusal("erase-problem").getText()).contains("confirm the erasure");
        assertThat(storedEvents()).as("nothing sent before the confirm step").isEqualTo(beforeErasure);
        browser.choose("erase-person", member);
        click("erase-confirm");
        click("erase-button");
        assertThat(confirmation("The name of")).isEqualTo("The name of " + member + " was erased; their records stay.");
        assertThat(storedEvents()).isGreaterThan(beforeErasure);
        assertThat(browser.waitFor("the erased name gone from the people", () -> {
            String people = list("people");
            return !people.contains(member) && people.contains("(name erased)");
        })).isTrue();
        assertThat(browser.accessibilityProblems()).isEmpty();

        phoneSized();
        browser.openAndTime("/board/people.html");
        browser.waitFor("the setup controls", () -> browser.first(By.id("setup-work")));
        assertThat(fitsTheWidth()).as("no sideways scrolling at 390 px").isTrue();
    }

    /** The text of a list (schools, people, teams), read again if a live update redrew it meanwhile. */
    private String list(String list) {
        return browser.waitFor("the list of " + list, () -> browser.text(By.id(list + "-table")));
    }

    /** The text of the row of a list (schools, people, teams) whose first cell starts with the name given. */
    private String row(String list, String name) {
        return browser.waitFor("the row of " + name + " in " + list, () -> browser.driver()
                .findElements(By.cssSelector("#" + list + "-table tbody tr")).stream()
                .filter(tr -> tr.findElement(By.tagName("td")).getText().startsWith(name))
                .map(tr -> tr.getText()).findFirst().orElse(null));
    }

    @Test
    void aBoardMemberAndATeamMemberReadTheSetupWithoutControls() {
        for (String account : new String[] {"board", "member1"}) {
            browser.signIn(account);
            browser.openAndTime("/board/people.html");
            browser.waitFor("the lists", () -> browser.first(By.id("teams-table")));
            assertThat(list("schools")).contains("Oakwood Primary School");
            assertThat(list("people")).contains("Ingrid Holm");
            assertThat(browser.first(By.id("setup-work"))).as(account + " has no controls").isNull();
            assertThat(browser.accessibilityProblems()).isEmpty();
        }
        phoneSized();
        browser.openAndTime("/board/people.html");
        browser.waitFor("the lists", () -> browser.first(By.id("teams-table")));
        assertThat(fitsTheWidth()).as("no sideways scrolling at 390 px").isTrue();
        // another trust's executive: the demo trust's people are not theirs to see, in the page or the API
        browser.signIn("outsider");
        browser.openAndTime("/board/people.html?trust=demo-trust");
        browser.waitFor("not found", () -> browser.first(By.id("not-found")));
        assertThat(browser.first(By.id("people-table"))).isNull();
        assertThat(browser.first(By.id("setup-work"))).isNull();
        as("outsider").document("{ trust(id: \"demo-trust\") { people { id } } }").execute()
                .path("trust").valueIsNull();
        as("board").document("{ trust(id: \"demo-trust\") { people { id roles } } }").execute()
                .path("trust.people[*].id").entityList(String.class).contains("demo-person-exec");
    }
}
