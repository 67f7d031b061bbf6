package org.accord.app.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * A trust's first decision in production, driven as its people would: an operator registers the trust and its
 * executive; the executive registers a school and two people and forms a team; the team drafts a standard, votes on
 * it and ratifies it; the executive adopts it into the backbone. Every request signs in with a signed token.
 */
public final class ProductionLifecycle {

    /** What the run made, for further checks. */
    public record Trust(String trustId, String executiveId, String schoolId, String chairId, String memberId,
                        String teamId, String proposalId, String standardId) {
    }

    private final BearerClient client;
    private final TestTokens tokens;

    public ProductionLifecycle(BearerClient client, TestTokens tokens) {
        this.client = client;
        this.tokens = tokens;
    }

    public Trust run() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String trustId = "trust-" + suffix;
        String executiveId = "exec-" + suffix;
        String operator = tokens.token("operator-" + suffix, trustId, TestTokens.OPERATOR);
        BearerClient.Answer registered = client.post("/actuator/trusts", operator, Map.of("trustId", trustId,
                "name", "Lakeside Learning Trust", "executiveId", executiveId, "executiveName", "Ada Okafor"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

        String exec = tokens.token(executiveId, trustId);
        JsonNode me = client.data(exec, "{ me { id trustId roles displayName } }", Map.of()).get("me");
        assertThat(me.get("id").asString()).isEqualTo(executiveId);
        assertThat(me.get("trustId").asString()).isEqualTo(trustId);
        assertThat(me.get("displayName").asString()).isEqualTo("Ada Okafor");
        assertThat(me.get("roles").toString()).contains("TRUST_EXECUTIVE");

        String schoolId = client.data(exec, """
                mutation($input: RegisterSchoolInput!) { registerSchool(input: $input) { school { id } } }""",
                Map.of("input", Map.of("trustId", trustId, "name", "Lakeside Primary", "phase", "PRIMARY",
                        "clientMutationId", "school-1"))).at("/registerSchool/school/id").asString();
        String chairId = person(exec, trustId, schoolId, "Bea Chair");
        String memberId = person(exec, trustId, schoolId, "Cal Member");
        String teamId = client.data(exec, """
                mutation($input: FormTeamInput!) { formTeam(input: $input) { team { id } } }""",
                Map.of("input", Map.of("trustId", trustId, "name", "Heads of English", "remit", List.of("CURRICULUM"),
                        "chairId", chairId, "memberIds", List.of(memberId), "decisionRule", Map.of("mode",
                                "MAJORITY", "quorum", 0.5, "threshold", 0.5, "votingWindowHours", 24))))
                .at("/formTeam/team/id").asString();

        String chair = tokens.token(chairId, trustId);
        String member = tokens.token(memberId, trustId);
        String proposalId = client.data(chair, """
                mutation($input: DraftProposalInput!) { draftProposal(input: $input) { proposal { id status } } }""",
                Map.of("input", Map.of("teamId", teamId, "kind", "NEW_STANDARD", "title", "Reading for pleasure",
                        "area", "CURRICULUM", "alignment", "GUIDANCE", "statement", "Every class reads daily.",
                        "rationale", "Reading predicts attainment."))).at("/draftProposal/proposal/id").asString();
        client.data(chair, """
                mutation($input: OpenVotingInput!) { openVoting(input: $input) { proposal { status } } }""",
                Map.of("input", Map.of("proposalId", proposalId)));
        for (String voter : List.of(chair, member)) {
            client.data(voter, """
                    mutation($input: CastVoteInput!) { castVote(input: $input) { proposal { status } } }""",
                    Map.of("input", Map.of("proposalId", proposalId, "choice", "APPROVE")));
        }
        JsonNode closed = client.data(chair, """
                mutation($input: CloseVotingInput!) { closeVoting(input: $input) {
                  proposal { status outcome tally { approve eligible } } } }""",
                Map.of("input", Map.of("proposalId", proposalId))).at("/closeVoting/proposal");
        assertThat(closed.get("outcome").asString()).isEqualTo("RATIFIED");
        assertThat(closed.at("/tally/approve").asInt()).isEqualTo(2);

        JsonNode standard = client.data(exec, """
                mutation($input: AdoptProposalInput!) { adoptProposal(input: $input) {
                  standard { id currentVersion } proposal { status } } }""",
                Map.of("input", Map.of("proposalId", proposalId))).get("adoptProposal");
        assertThat(standard.at("/proposal/status").asString()).isEqualTo("ADOPTED");
        assertThat(standard.at("/standard/currentVersion").asInt()).isEqualTo(1);
        return new Trust(trustId, executiveId, schoolId, chairId, memberId, teamId, proposalId,
                standard.at("/standard/id").asString());
    }

    private String person(String exec, String trustId, String schoolId, String name) {
        return client.data(exec, """
                mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { person { id } } }""",
                Map.of("input", Map.of("trustId", trustId, "displayName", name, "roles", List.of("STAFF"),
                        "schoolId", schoolId))).at("/registerPerson/person/id").asString();
    }
}
