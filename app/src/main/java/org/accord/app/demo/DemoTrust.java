package org.accord.app.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.accord.api.standard.Area;
import org.accord.api.team.DecisionMode;
import org.accord.api.team.DecisionRule;
import org.accord.api.team.FormTeamCommand;
import org.accord.api.trust.PersonRole;
import org.accord.api.trust.RegisterPersonCommand;
import org.accord.api.trust.RegisterSchoolCommand;
import org.accord.api.trust.RegisterTrustCommand;
import org.accord.api.trust.SchoolPhase;

/**
 * The demo: a fictional multi-academy trust of six schools with three cross-cutting teams, and a second trust with
 * the {@code outsider} in it. Every name here is invented. The ids are fixed so that the demo accounts in
 * {@code application.yml} can name the people they sign in as.
 */
final class DemoTrust {

    static final String TRUST = "demo-trust";
    static final String OTHER_TRUST = "demo-other-trust";

    private DemoTrust() {
    }

    /** The commands that build the demo, in order, each sent as Accord itself. */
    static List<Object> commands() {
        List<Object> commands = new ArrayList<>();
        commands.add(new RegisterTrustCommand(TRUST, "Northfield Learning Trust"));
        school(commands, "northfield", "Northfield Academy", SchoolPhase.SECONDARY);
        school(commands, "riverside", "Riverside High School", SchoolPhase.SECONDARY);
        school(commands, "castle-hill", "Castle Hill School", SchoolPhase.ALL_THROUGH);
        school(commands, "oakwood", "Oakwood Primary School", SchoolPhase.PRIMARY);
        school(commands, "meadowbank", "Meadowbank Primary Academy", SchoolPhase.PRIMARY);
        school(commands, "willowbrook", "Willowbrook Primary School", SchoolPhase.PRIMARY);

        person(commands, "exec", "Morgan Hale", null, PersonRole.TRUST_EXECUTIVE);
        person(commands, "board", "Priya Raman", null, PersonRole.BOARD_MEMBER);
        person(commands, "chair", "Daniel Okafor", "northfield", PersonRole.STAFF);
        person(commands, "member1", "Sophie Lindqvist", "riverside", PersonRole.STAFF);
        person(commands, "member2", "James Whitfield", "castle-hill", PersonRole.STAFF);
        person(commands, "member3", "Aisha Rahman", "oakwood", PersonRole.STAFF);
        person(commands, "head", "Eleanor Marsh", "oakwood", PersonRole.HEADTEACHER);
        person(commands, "sendco-meadowbank", "Tom Bradley", "meadowbank", PersonRole.STAFF);
        person(commands, "sendco-willowbrook", "Nadia Osei", "willowbrook", PersonRole.STAFF);
        person(commands, "sendco-riverside", "Ruth Kowalski", "riverside", PersonRole.STAFF);
        person(commands, "dsl-riverside", "Grace Adeyemi", "riverside", PersonRole.STAFF);
        person(commands, "dsl-northfield", "Owen Pryce", "northfield", PersonRole.STAFF);
        person(commands, "dsl-willowbrook", "Hannah Lowe", "willowbrook", PersonRole.STAFF);

        commands.add(new FormTeamCommand("demo-team-english", TRUST, "Heads of English",
                List.of(Area.CURRICULUM, Area.ASSESSMENT), personId("chair"),
                List.of(personId("chair"), personId("member1"), personId("member2"), personId("member3")),
                new DecisionRule(DecisionMode.MAJORITY, 0.5, 0.5, 168)));
        commands.add(new FormTeamCommand("demo-team-send", TRUST, "SENDCos",
                List.of(Area.SEND), personId("sendco-meadowbank"),
                List.of(personId("sendco-meadowbank"), personId("sendco-willowbrook"), personId("sendco-riverside")),
                new DecisionRule(DecisionMode.CONSENT, 0.6, 0.5, 120)));
        commands.add(new FormTeamCommand("demo-team-safeguarding", TRUST, "Safeguarding leads",
                List.of(Area.SAFEGUARDING), personId("dsl-riverside"),
                List.of(personId("dsl-riverside"), personId("dsl-northfield"), personId("dsl-willowbrook")),
                new DecisionRule(DecisionMode.MAJORITY, 0.75, 0.66, 72)));

        commands.add(new RegisterTrustCommand(OTHER_TRUST, "Harbour Schools Trust"));
        commands.add(new RegisterSchoolCommand(OTHER_TRUST, "demo-school-harbour", "Harbour Primary School",
                SchoolPhase.PRIMARY));
        commands.add(new RegisterPersonCommand(OTHER_TRUST, personId("outsider"), "Sam Carter",
                Set.of(PersonRole.TRUST_EXECUTIVE), null));
        return commands;
    }

    static String personId(String key) {
        return "demo-person-" + key;
    }

    static String schoolId(String key) {
        return "demo-school-" + key;
    }

    private static void school(List<Object> commands, String key, String name, SchoolPhase phase) {
        commands.add(new RegisterSchoolCommand(TRUST, schoolId(key), name, phase));
    }

    private static void person(List<Object> commands, String key, String name, String schoolKey, PersonRole role) {
        commands.add(new RegisterPersonCommand(TRUST, personId(key), name, Set.of(role),
                schoolKey == null ? null : schoolId(schoolKey)));
    }
}
