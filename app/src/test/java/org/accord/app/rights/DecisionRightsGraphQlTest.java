package org.accord.app.rights;

import static org.accord.app.support.GraphQlErrors.expectError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.Test;

class DecisionRightsGraphQlTest extends AccordHttpTest {

    private static final String HEAD = "demo-person-head";
    private static String team;

    @Test
    void theDemoTrustsMapSaysWhoDecidesWhat() {
        as("board").documentName("trustDecisionRights").variable("id", "demo-trust").execute()
                .path("trust.decisionRights.version").entity(Integer.class).isEqualTo(1)
                .path("trust.decisionRights.changedBy.id").entity(String.class).isEqualTo("demo-person-exec")
                .path("trust.decisionRights.rights[?(@.area == 'SAFEGUARDING')].level").entityList(String.class)
                .containsExactly("TRUST")
                .path("trust.decisionRights.rights[?(@.area == 'FINANCE')].level").entityList(String.class)
                .containsExactly("TRUST")
                .path("trust.decisionRights.rights[?(@.area == 'SEND')].level").entityList(String.class)
                .containsExactly("CLUSTER")
                .path("trust.decisionRights.rights[?(@.topic == 'sequencing')].level").entityList(String.class)
                .containsExactly("SCHOOL");
    }

    @Test
    void whoDecidesAnAreaForASchoolFollowsTheMapAndTheSchoolsCluster() {
        who("demo-school-oakwood", "SEND", null)
                .path("whoDecides.level").entity(String.class).isEqualTo("CLUSTER")
                .path("whoDecides.cluster.name").entity(String.class).isEqualTo("Town primaries")
                .path("whoDecides.deciders[*].id").entityList(String.class).containsExactly(HEAD);
        who("demo-school-northfield", "SEND", null)
                .path("whoDecides.cluster.name").entity(String.class).isEqualTo("Secondary partnership")
                .path("whoDecides.deciders[*].id").entityList(String.class).containsExactly("demo-person-chair");
        who("demo-school-willowbrook", "CURRICULUM", "sequencing")
                .path("whoDecides.level").entity(String.class).isEqualTo("SCHOOL")
                .path("whoDecides.deciders[*].id").entityList(String.class)
                .containsExactly("demo-person-head-willowbrook");
        who("demo-school-willowbrook", "SAFEGUARDING", null)
                .path("whoDecides.level").entity(String.class).isEqualTo("TRUST")
                .path("whoDecides.right.team.id").entity(String.class).isEqualTo("demo-team-safeguarding")
                .path("whoDecides.deciders[*].id").entityList(String.class).contains("demo-person-exec");
        as("outsider").documentName("whoDecides").variable("schoolId", "demo-school-oakwood")
                .variable("area", "SEND").execute().path("whoDecides").valueIsNull();
    }

    @Test
    void theDemosTownPrimariesHaveAClusterStandardAdoptedByTheirLead() {
        as("board").documentName("standardCluster").variable("id", "demo-standard-town-send-surgery").execute()
                .path("standard.cluster.name").entity(String.class).isEqualTo("Town primaries");
        as("board").documentName("standardCluster").variable("id", "demo-standard-safeguarding-log").execute()
                .path("standard.cluster").valueIsNull();
        List<String> summaries = as("board").documentName("decisionLog").variable("trustId", "demo-trust")
                .variable("filter", Map.of("subjectId", "demo-standard-town-send-surgery")).execute()
                .path("decisionLog.edges[*].node.summary").entityList(String.class).get();
        assertThat(summaries).contains("Version 1 of standard 'A SEND surgery each half term in the town's primaries'"
                + " is a cluster standard of cluster 'Town primaries'");
    }

    @Test
    void aClusterStandardIsAdoptedByItsClustersLeadAndRefusedToTheLeadOfAnother() {
        String proposal = ratified("SEND", "A cluster SEND practice " + System.nanoTime());
        long before = storedEvents();
        // the refusal names every cluster the caller leads (other tests of the shared app may give chair another)
        expectError(adopt("chair", proposal, "demo-cluster-town"), "FORBIDDEN",
                "only the lead of cluster 'Town primaries' may adopt a proposal for it, not the lead of cluster");
        expectError(adopt("chair", proposal, "demo-cluster-town"), "FORBIDDEN", "'Secondary partnership'");
        expectError(adopt("exec", proposal, "demo-cluster-town"), "FORBIDDEN",
                "only the lead of cluster 'Town primaries' may adopt a proposal for it");
        expectError(adopt("exec", proposal, null), "BAD_REQUEST",
                "area SEND is decided at cluster level (decision-rights map version 1): its standards are cluster"
                        + " standards, adopted by a cluster's lead for that cluster; name the cluster (clusterId)");
        assertThat(storedEvents()).isEqualTo(before);

        String standard = adopt("head", proposal, "demo-cluster-town")
                .path("adoptProposal.proposal.status").entity(String.class).isEqualTo("ADOPTED")
                .path("adoptProposal.standard.versions[0].adoptedBy.id").entity(String.class).isEqualTo(HEAD)
                .path("adoptProposal.standard.id").entity(String.class).get();
        as("board").documentName("standardCluster").variable("id", standard).execute()
                .path("standard.cluster.id").entity(String.class).isEqualTo("demo-cluster-town");
    }

    @Test
    void noStandardIsAdoptedAboveTheSchoolInAnAreaEachSchoolDecides() {
        String proposal = ratified("BEHAVIOUR", "A trust behaviour policy " + System.nanoTime());
        long before = storedEvents();
        expectError(adopt("exec", proposal, null), "BAD_REQUEST", "area BEHAVIOUR is decided by each school"
                + " (decision-rights map version 1): no standard can be adopted above the school");
        expectError(adopt("head", proposal, "demo-cluster-town"), "BAD_REQUEST",
                "no standard can be adopted above the school");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aClusterLevelProposalIsDeclinedByTheLeadWhoCouldAdoptItAndByNobodyElse() {
        String proposal = ratified("SEND", "A cluster SEND practice to decline " + System.nanoTime());
        long before = storedEvents();
        expectError(decline("exec", proposal, null), "BAD_REQUEST",
                "its standards are cluster standards, adopted by a cluster's lead for that cluster; name the cluster");
        expectError(decline("exec", proposal, "demo-cluster-town"), "FORBIDDEN",
                "only the lead of cluster 'Town primaries' may decline a proposal's adoption for it");
        expectError(decline("chair", proposal, "demo-cluster-town"), "FORBIDDEN", "not the lead of cluster");
        expectError(decline("chair", proposal, "demo-cluster-town"), "FORBIDDEN", "'Secondary partnership'");
        assertThat(storedEvents()).isEqualTo(before);

        decline("head", proposal, "demo-cluster-town")
                .path("declineAdoption.proposal.status").entity(String.class).isEqualTo("DECLINED");
    }

    @Test
    void aProposalNobodyMayAdoptAboveTheSchoolIsClosedByTheExecutive() {
        String proposal = ratified("BEHAVIOUR", "A trust behaviour policy to decline " + System.nanoTime());
        long before = storedEvents();
        expectError(decline("head", proposal, null), "FORBIDDEN", "decline a proposal's adoption");
        assertThat(storedEvents()).isEqualTo(before);

        decline("exec", proposal, null)
                .path("declineAdoption.proposal.status").entity(String.class).isEqualTo("DECLINED");
    }

    @Test
    void onlyTheExecutiveChangesTheMapAndAlwaysWithARationale() {
        long before = storedEvents();
        for (String account : List.of("board", "head", "chair", "member1")) {
            expectError(change(account, "2099-01-01", "Because"), "FORBIDDEN",
                    "only a trust executive may change the decision-rights map");
        }
        expectError(change("outsider", "2099-01-01", "Because"), "NOT_FOUND", "unknown trust 'demo-trust'");
        expectError(change("exec", "2099-01-01", " "), "BAD_REQUEST",
                "rationale must not be blank: say why the decision-rights map changes");
        expectError(change("exec", "2000-01-01", "Because"), "BAD_REQUEST",
                "of the decision-rights map cannot take effect on 2000-01-01, before version");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void theExecutiveSetsANewVersionOfTheMapAndTheOldOneStillAnswersForEarlierDates() {
        String clientMutationId = "map-" + System.nanoTime();
        Map<String, Object> input = changeInput("2099-01-01", "SEND becomes the trust's in 2099");
        input.put("clientMutationId", clientMutationId);
        long before = storedEvents();
        int version = as("exec").documentName("changeDecisionRights").variable("input", input).execute()
                .path("changeDecisionRights.clientMutationId").entity(String.class).isEqualTo(clientMutationId)
                .path("changeDecisionRights.decisionRightsMap.rationale").entity(String.class)
                .isEqualTo("SEND becomes the trust's in 2099")
                .path("changeDecisionRights.decisionRightsMap.version").entity(Integer.class).get();
        // a retry records nothing more and answers the same
        as("exec").documentName("changeDecisionRights").variable("input", input).execute()
                .path("changeDecisionRights.decisionRightsMap.version").entity(Integer.class).isEqualTo(version);
        assertThat(storedEvents()).isEqualTo(before + 1);

        who("demo-school-oakwood", "SEND", "2099-01-01").path("whoDecides.level").entity(String.class)
                .isEqualTo("TRUST");
        who("demo-school-oakwood", "SEND", null).path("whoDecides.level").entity(String.class).isEqualTo("CLUSTER");
        as("board").documentName("trustDecisionRights").variable("id", "demo-trust").execute()
                .path("trust.decisionRightsHistory[*].version").entityList(Integer.class).contains(1, version);
        List<String> summaries = as("board").documentName("decisionLog").variable("trustId", "demo-trust")
                .variable("filter", Map.of("types", List.of("DecisionRightsChanged"))).execute()
                .path("decisionLog.edges[*].node.summary").entityList(String.class).get();
        assertThat(summaries).contains("Decision-rights map version " + version + " from 2099-01-01: SAFEGUARDING"
                + " at TRUST, SEND at TRUST, CURRICULUM (sequencing) at SCHOOL, BEHAVIOUR at SCHOOL");
    }

    private org.springframework.graphql.test.tester.GraphQlTester.Response who(String school, String area,
                                                                                String asOf) {
        var request = as("board").documentName("whoDecides").variable("schoolId", school).variable("area", area);
        if ("sequencing".equals(asOf)) {
            request = request.variable("topic", "sequencing");
        } else if (asOf != null) {
            request = request.variable("asOf", asOf);
        }
        return request.execute();
    }

    private org.springframework.graphql.test.tester.GraphQlTester.Response adopt(String account, String proposal,
                                                                                  String cluster) {
        Map<String, Object> input = new HashMap<>(Map.of("proposalId", proposal));
        if (cluster != null) {
            input.put("clusterId", cluster);
        }
        return as(account).documentName("adoptProposal").variable("input", input).execute();
    }

    private org.springframework.graphql.test.tester.GraphQlTester.Response decline(String account, String proposal,
                                                                                    String cluster) {
        Map<String, Object> input = new HashMap<>(Map.of("proposalId", proposal, "reason", "not for us now"));
        if (cluster != null) {
            input.put("clusterId", cluster);
        }
        return as(account).documentName("declineAdoption").variable("input", input).execute();
    }

    private org.springframework.graphql.test.tester.GraphQlTester.Response change(String account, String date,
                                                                                   String rationale) {
        return as(account).documentName("changeDecisionRights")
                .variable("input", changeInput(date, rationale)).execute();
    }

    private static Map<String, Object> changeInput(String effectiveFrom, String rationale) {
        return new HashMap<>(Map.of("trustId", "demo-trust", "effectiveFrom", effectiveFrom, "rationale", rationale,
                "rights", List.of(
                        Map.of("area", "SAFEGUARDING", "level", "TRUST", "teamId", "demo-team-safeguarding"),
                        Map.of("area", "SEND", "level", "TRUST", "teamId", "demo-team-send"),
                        Map.of("area", "CURRICULUM", "topic", "sequencing", "level", "SCHOOL"),
                        Map.of("area", "BEHAVIOUR", "level", "SCHOOL"))));
    }

    /** Drafted by member1 in a team of demo accounts whose remit is SEND and behaviour, ratified by its members. */
    private String ratified(String area, String title) {
        if (team == null) {
            team = as("exec").documentName("formTeam").variable("input", Map.of("trustId", "demo-trust",
                            "name", "Rights test team " + System.nanoTime(), "remit", List.of("SEND", "BEHAVIOUR"),
                            "chairId", "demo-person-chair", "memberIds",
                            List.of("demo-person-chair", "demo-person-member1", "demo-person-member2"),
                            "decisionRule", Map.of("mode", "MAJORITY", "quorum", 0.5, "threshold", 0.5,
                                    "votingWindowHours", 24)))
                    .execute().path("formTeam.team.id").entity(String.class).get();
        }
        String id = as("member1").documentName("draftProposal").variable("input", Map.of("teamId", team,
                        "kind", "NEW_STANDARD", "title", title, "area", area, "alignment", "GUIDANCE",
                        "statement", "Schools do: " + title))
                .execute().path("draftProposal.proposal.id").entity(String.class).get();
        as("chair").documentName("openVoting").variable("input", Map.of("proposalId", id)).execute()
                .path("openVoting.proposal.status").entity(String.class).isEqualTo("VOTING");
        for (String voter : List.of("chair", "member1", "member2")) {
            as(voter).documentName("castVote").variable("input", Map.of("proposalId", id, "choice", "APPROVE"))
                    .execute().path("castVote.proposal.id").hasValue();
        }
        as("chair").documentName("closeVoting").variable("input", Map.of("proposalId", id)).execute()
                .path("closeVoting.proposal.status").entity(String.class).isEqualTo("RATIFIED");
        return id;
    }
}
