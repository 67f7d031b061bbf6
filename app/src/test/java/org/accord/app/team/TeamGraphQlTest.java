package org.accord.app.team;

import static org.accord.app.support.GraphQlErrors.expectError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.Test;

class TeamGraphQlTest extends AccordHttpTest {

    private static final Map<String, Object> RULE = Map.of("mode", "CONSENT", "quorum", 0.6, "threshold", 0.75,
            "votingWindowHours", 48);

    @Test
    void theExecutiveFormsATeamWithItsDecisionRule() {
        String teamId = as("exec").documentName("formTeam")
                .variable("input", Map.of("clientMutationId", "team-1", "trustId", "demo-trust",
                        "name", "Heads of Maths", "remit", List.of("CURRICULUM", "ASSESSMENT"),
                        "chairId", "demo-person-member1",
                        "memberIds", List.of("demo-person-member2", "demo-person-member3"),
                        "decisionRule", RULE))
                .execute()
                .path("formTeam.clientMutationId").entity(String.class).isEqualTo("team-1")
                .path("formTeam.team.name").entity(String.class).isEqualTo("Heads of Maths")
                .path("formTeam.team.remit").entityList(String.class).containsExactly("CURRICULUM", "ASSESSMENT")
                .path("formTeam.team.chair.id").entity(String.class).isEqualTo("demo-person-member1")
                .path("formTeam.team.decisionRule.mode").entity(String.class).isEqualTo("CONSENT")
                .path("formTeam.team.decisionRule.quorum").entity(Double.class).isEqualTo(0.6)
                .path("formTeam.team.decisionRule.threshold").entity(Double.class).isEqualTo(0.75)
                .path("formTeam.team.decisionRule.votingWindowHours").entity(Integer.class).isEqualTo(48)
                .path("formTeam.team.id").entity(String.class).get();

        // the chair is a member without being listed twice
        List<String> members = as("board").documentName("team").variable("id", teamId).execute()
                .path("team.members[*].id").entityList(String.class).get();
        assertThat(members).containsExactlyInAnyOrder("demo-person-member1", "demo-person-member2",
                "demo-person-member3");
        as("member2").documentName("me").execute()
                .path("me.teams[*].name").entityList(String.class).contains("Heads of Maths");
    }

    @Test
    void theDemoTeamShowsItsChairMembersAndRule() {
        as("member1").documentName("team").variable("id", "demo-team-english").execute()
                .path("team.name").entity(String.class).isEqualTo("Heads of English")
                .path("team.chair.displayName").entity(String.class).isEqualTo("Daniel Okafor")
                .path("team.members[*].id").entityList(String.class).hasSize(4)
                .path("team.decisionRule.mode").entity(String.class).isEqualTo("MAJORITY");
    }

    @Test
    void aTeamWithoutMembersIsABadRequest() {
        long before = storedEvents();
        expectError(as("exec").documentName("formTeam")
                .variable("input", Map.of("trustId", "demo-trust", "name", "Empty", "remit", List.of("SEND"),
                        "chairId", "demo-person-member1", "memberIds", List.of(), "decisionRule", RULE))
                .execute(), "BAD_REQUEST", "memberIds must not be empty");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aMemberFromAnotherTrustIsABadRequest() {
        expectError(as("exec").documentName("formTeam")
                .variable("input", Map.of("trustId", "demo-trust", "name", "Mixed", "remit", List.of("SEND"),
                        "chairId", "demo-person-member1", "memberIds", List.of("demo-person-outsider"),
                        "decisionRule", RULE))
                .execute(), "BAD_REQUEST", "'demo-person-outsider' is not a person of this trust");
    }

    @Test
    void aQuorumAboveOneIsABadRequest() {
        expectError(as("exec").documentName("formTeam")
                .variable("input", Map.of("trustId", "demo-trust", "name", "Odd", "remit", List.of("SEND"),
                        "chairId", "demo-person-member1", "memberIds", List.of("demo-person-member2"),
                        "decisionRule", Map.of("mode", "MAJORITY", "quorum", 1.5, "threshold", 0.5,
                                "votingWindowHours", 24)))
                .execute(), "BAD_REQUEST", "decisionRule.quorum must be a fraction from 0 to 1");
    }

    @Test
    void onlyATrustExecutiveMayFormATeam() {
        expectError(as("chair").documentName("formTeam")
                .variable("input", Map.of("trustId", "demo-trust", "name", "Self-made", "remit", List.of("SEND"),
                        "chairId", "demo-person-chair", "memberIds", List.of("demo-person-member2"),
                        "decisionRule", RULE))
                .execute(), "FORBIDDEN", "only a trust executive may form a team");
        expectError(as("outsider").documentName("formTeam")
                .variable("input", Map.of("trustId", "demo-trust", "name", "Intruders", "remit", List.of("SEND"),
                        "chairId", "demo-person-chair", "memberIds", List.of("demo-person-member2"),
                        "decisionRule", RULE))
                .execute(), "NOT_FOUND", "unknown trust 'demo-trust'");
    }

    @Test
    void membersJoinAndLeaveATeam() {
        String teamId = curriculumTeam("Heads of Science");

        as("exec").documentName("addTeamMember")
                .variable("input", Map.of("teamId", teamId, "personId", "demo-person-member3"))
                .execute()
                .path("addTeamMember.team.members[*].id").entityList(String.class).contains("demo-person-member3");
        as("exec").documentName("removeTeamMember")
                .variable("input", Map.of("teamId", teamId, "personId", "demo-person-member2"))
                .execute()
                .path("removeTeamMember.team.members[*].id").entityList(String.class)
                .doesNotContain("demo-person-member2");
        expectError(as("exec").documentName("removeTeamMember")
                .variable("input", Map.of("teamId", teamId, "personId", "demo-person-member1"))
                .execute(), "BAD_REQUEST", "the chair cannot be removed");
        expectError(as("exec").documentName("addTeamMember")
                .variable("input", Map.of("teamId", "no-such-team", "personId", "demo-person-member3"))
                .execute(), "NOT_FOUND", "unknown team 'no-such-team'");
    }

    @Test
    void aPersonRegisteredAMomentAgoCanJoinATeamAtOnce() {
        // the team's commands check people against the trust's roster, which the trust keeps between commands
        String teamId = curriculumTeam("Heads of Geography");
        String newcomer = as("exec").documentName("registerPerson")
                .variable("input", Map.of("trustId", "demo-trust", "displayName", "Nia Newcomer",
                        "roles", List.of("STAFF"), "schoolId", "demo-school-riverside"))
                .execute().path("registerPerson.person.id").entity(String.class).get();

        as("exec").documentName("addTeamMember")
                .variable("input", Map.of("teamId", teamId, "personId", newcomer))
                .execute()
                .path("addTeamMember.team.members[*].id").entityList(String.class).contains(newcomer);
    }

    @Test
    void anOutsiderSeesNoTeamOfTheDemoTrust() {
        as("outsider").documentName("team").variable("id", "demo-team-english").execute()
                .path("team").valueIsNull();
    }

    @Test
    void anOutsiderCannotTellARealTeamFromOneThatDoesNotExist() {
        expectError(as("outsider").documentName("addTeamMember")
                .variable("input", Map.of("teamId", "demo-team-english", "personId", "demo-person-outsider"))
                .execute(), "NOT_FOUND", "unknown team 'demo-team-english'");
        expectError(as("outsider").documentName("addTeamMember")
                .variable("input", Map.of("teamId", "demo-team-nonexistent", "personId", "demo-person-outsider"))
                .execute(), "NOT_FOUND", "unknown team 'demo-team-nonexistent'");
    }

    /** A curriculum team the executive forms: member1 its chair, member2 its one member; its id. */
    private String curriculumTeam(String name) {
        return as("exec").documentName("formTeam")
                .variable("input", Map.of("trustId", "demo-trust", "name", name,
                        "remit", List.of("CURRICULUM"), "chairId", "demo-person-member1",
                        "memberIds", List.of("demo-person-member2"), "decisionRule", RULE))
                .execute().path("formTeam.team.id").entity(String.class).get();
    }
}
