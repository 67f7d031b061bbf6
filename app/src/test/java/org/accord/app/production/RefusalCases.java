package org.accord.app.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same refusals asked of two settings of Accord, as the same roles would meet them: the production mode (signed
 * tokens, a trust made for the run) and the embedded mode's demo trust (its demo accounts). Each answer is kept as
 * its classification and its message, with the setting's own ids replaced by what they stand for, so that two
 * settings that refuse alike give equal maps.
 */
final class RefusalCases {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Roles that meet refusals here. */
    enum Role { EXEC, CHAIR, MEMBER, HEAD, OUTSIDER }

    /**
     * Where to send requests, who signs in as each role, the trust and its proposal in VOTING (in a team whose chair
     * is CHAIR and which has MEMBER, but not HEAD), and every id to replace by a name in the answers.
     */
    record Setting(String base, Map<Role, String> authorization, String trustId, String proposalId,
                   Map<String, String> names) {
    }

    private record Case(String name, Role role, String document, Function<Setting, Map<String, Object>> input) {
    }

    private static final String CAST = """
            mutation($input: CastVoteInput!) { castVote(input: $input) { proposal { id } } }""";

    private static final List<Case> CASES = List.of(
            new Case("a member registers a school", Role.MEMBER, """
                    mutation($input: RegisterSchoolInput!) { registerSchool(input: $input) { school { id } } }""",
                    s -> Map.of("trustId", s.trustId(), "name", "Refused school", "phase", "PRIMARY")),
            new Case("a headteacher outside the team votes", Role.HEAD, CAST,
                    s -> Map.of("proposalId", s.proposalId(), "choice", "APPROVE")),
            new Case("a member closes voting", Role.MEMBER, """
                    mutation($input: CloseVotingInput!) { closeVoting(input: $input) { proposal { id } } }""",
                    s -> Map.of("proposalId", s.proposalId())),
            new Case("an objection without a rationale", Role.MEMBER, CAST,
                    s -> Map.of("proposalId", s.proposalId(), "choice", "OBJECT")),
            new Case("a vote on an unknown proposal", Role.MEMBER, CAST,
                    s -> Map.of("proposalId", "no-such-proposal", "choice", "APPROVE")),
            new Case("adopting a proposal still in its vote", Role.EXEC, """
                    mutation($input: AdoptProposalInput!) { adoptProposal(input: $input) { proposal { id } } }""",
                    s -> Map.of("proposalId", s.proposalId())),
            new Case("opening a vote twice", Role.CHAIR, """
                    mutation($input: OpenVotingInput!) { openVoting(input: $input) { proposal { id } } }""",
                    s -> Map.of("proposalId", s.proposalId())),
            new Case("a recusal without an interest", Role.MEMBER, """
                    mutation($input: RecuseInput!) { recuse(input: $input) { proposal { id } } }""",
                    s -> Map.of("proposalId", s.proposalId(), "interest", " ")),
            new Case("an outsider votes", Role.OUTSIDER, CAST,
                    s -> Map.of("proposalId", s.proposalId(), "choice", "APPROVE")),
            new Case("an outsider registers a school in the trust", Role.OUTSIDER, """
                    mutation($input: RegisterSchoolInput!) { registerSchool(input: $input) { school { id } } }""",
                    s -> Map.of("trustId", s.trustId(), "name", "Outsider school", "phase", "PRIMARY")),
            new Case("a clientMutationId reused for another request", Role.MEMBER, CAST,
                    s -> Map.of("proposalId", s.proposalId(), "choice", "APPROVE", "clientMutationId",
                            "refusal-cases-key")));

    static final int COUNT = CASES.size();

    private RefusalCases() {
    }

    /** Each case's answer: "CLASSIFICATION: message", ids named. */
    static Map<String, String> run(Setting setting) throws IOException, InterruptedException {
        // the key's first use, accepted, so that the last case reuses it for another request
        JsonNode first = post(setting, Role.MEMBER, CAST, Map.of("input", Map.of("proposalId", setting.proposalId(),
                "choice", "ABSTAIN", "clientMutationId", "refusal-cases-key")));
        assertThat(first.path("errors").isEmpty()).as(first.toString()).isTrue();
        Map<String, String> answers = new LinkedHashMap<>();
        for (Case refusal : CASES) {
            JsonNode answer = post(setting, refusal.role(), refusal.document(),
                    Map.of("input", refusal.input().apply(setting)));
            JsonNode error = answer.path("errors").path(0);
            String said = error.isMissingNode() ? "ACCEPTED: " + answer.path("data")
                    : error.at("/extensions/classification").asString() + ": " + error.path("message").asString();
            answers.put(refusal.name(), named(said, setting.names()));
        }
        return answers;
    }

    /** The demo trust of an embedded instance, signed in with its demo accounts. */
    static Setting embeddedDemo(int port) throws IOException, InterruptedException {
        Map<Role, String> authorization = new HashMap<>();
        Map<Role, String> accounts = Map.of(Role.EXEC, "exec", Role.CHAIR, "chair", Role.MEMBER, "member1",
                Role.HEAD, "head", Role.OUTSIDER, "outsider");
        accounts.forEach((role, account) -> authorization.put(role, "Basic " + Base64.getEncoder()
                .encodeToString((account + ":demo").getBytes(StandardCharsets.UTF_8))));
        Setting bare = new Setting("http://127.0.0.1:" + port, authorization, "demo-trust",
                "demo-proposal-library-lesson", Map.of());
        return withNames(bare);
    }

    /**
     * A trust made for the run in the production mode: an operator registers it and its executive; the executive
     * registers a school, a chair, three members and a headteacher and forms the team; the chair drafts and opens a
     * proposal. The outsider is the executive of a second trust.
     */
    static Setting production(BearerClient client, TestTokens tokens) throws IOException, InterruptedException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String trustId = "refusals-" + suffix;
        String execId = "exec-" + suffix;
        String outsiderTrust = "elsewhere-" + suffix;
        String outsiderId = "outsider-" + suffix;
        String operator = tokens.token("operator-" + suffix, trustId, TestTokens.OPERATOR);
        assertThat(client.post("/actuator/trusts", operator, Map.of("trustId", trustId, "name", "Refusals Trust",
                "executiveId", execId, "executiveName", "Eve Exec")).status()).isEqualTo(201);
        assertThat(client.post("/actuator/trusts", operator, Map.of("trustId", outsiderTrust, "name",
                "Elsewhere Trust", "executiveId", outsiderId, "executiveName", "Otto Side")).status()).isEqualTo(201);
        String exec = tokens.token(execId, trustId);
        String schoolId = client.data(exec, """
                mutation($input: RegisterSchoolInput!) { registerSchool(input: $input) { school { id } } }""",
                Map.of("input", Map.of("trustId", trustId, "name", "Refusals Primary", "phase", "PRIMARY")))
                .at("/registerSchool/school/id").asString();
        String chairId = person(client, exec, trustId, schoolId, "Cho Chair", "STAFF");
        String memberId = person(client, exec, trustId, schoolId, "Mo Member", "STAFF");
        String headId = person(client, exec, trustId, schoolId, "Hal Head", "HEADTEACHER");
        // four voters, as in the demo's Heads of English (a refusal names how many may vote)
        String secondMember = person(client, exec, trustId, schoolId, "Sam Second", "STAFF");
        String thirdMember = person(client, exec, trustId, schoolId, "Tia Third", "STAFF");
        String teamId = client.data(exec, """
                mutation($input: FormTeamInput!) { formTeam(input: $input) { team { id } } }""",
                Map.of("input", Map.of("trustId", trustId, "name", "Heads of English", "remit", List.of("CURRICULUM"),
                        "chairId", chairId, "memberIds", List.of(memberId, secondMember, thirdMember),
                        "decisionRule", Map.of("mode", "MAJORITY", "quorum", 0.5, "threshold", 0.5,
                                "votingWindowHours", 24))))
                .at("/formTeam/team/id").asString();
        String chair = tokens.token(chairId, trustId);
        String proposalId = client.data(chair, """
                mutation($input: DraftProposalInput!) { draftProposal(input: $input) { proposal { id } } }""",
                Map.of("input", Map.of("teamId", teamId, "kind", "NEW_STANDARD", "title", "A library lesson",
                        "area", "CURRICULUM", "alignment", "GUIDANCE", "statement", "Every class visits the library.",
                        "rationale", "Reading for pleasure."))).at("/draftProposal/proposal/id").asString();
        client.data(chair, """
                mutation($input: OpenVotingInput!) { openVoting(input: $input) { proposal { status } } }""",
                Map.of("input", Map.of("proposalId", proposalId)));
        Map<Role, String> authorization = Map.of(
                Role.EXEC, "Bearer " + exec,
                Role.CHAIR, "Bearer " + chair,
                Role.MEMBER, "Bearer " + tokens.token(memberId, trustId),
                Role.HEAD, "Bearer " + tokens.token(headId, trustId),
                Role.OUTSIDER, "Bearer " + tokens.token(outsiderId, outsiderTrust));
        return withNames(new Setting(clientBase(client), authorization, trustId, proposalId, Map.of()));
    }

    private static String clientBase(BearerClient client) {
        return client.base();
    }

    /** Names every id an answer may carry: the trust, the proposal, each role's person and school. */
    private static Setting withNames(Setting setting) throws IOException, InterruptedException {
        Map<String, String> names = new HashMap<>();
        names.put(setting.trustId(), "<trust>");
        names.put(setting.proposalId(), "<proposal>");
        for (Role role : Role.values()) {
            JsonNode me = post(setting, role, "{ me { id trustId school { id } } }", Map.of()).path("data").path("me");
            names.put(me.path("id").asString(), "<" + role.name().toLowerCase() + ">");
            if (!me.path("school").path("id").isMissingNode() && !me.path("school").path("id").isNull()) {
                names.putIfAbsent(me.at("/school/id").asString(), "<" + role.name().toLowerCase() + "'s school>");
            }
            if (role == Role.OUTSIDER) {
                names.put(me.path("trustId").asString(), "<outsider's trust>");
            }
        }
        return new Setting(setting.base(), setting.authorization(), setting.trustId(), setting.proposalId(), names);
    }

    private static String named(String text, Map<String, String> names) {
        String named = text;
        for (String id : names.keySet().stream().sorted(Comparator.comparing(String::length).reversed()).toList()) {
            if (!id.isBlank()) {
                named = named.replace(id, names.get(id));
            }
        }
        return named;
    }

    private static String person(BearerClient client, String exec, String trustId, String schoolId, String name,
                                 String role) {
        return client.data(exec, """
                mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { person { id } } }""",
                Map.of("input", Map.of("trustId", trustId, "displayName", name, "roles", List.of(role),
                        "schoolId", schoolId))).at("/registerPerson/person/id").asString();
    }

    /** A GraphQL request to an embedded instance as a demo account; the whole answer as text. */
    static String basic(int port, String account, String document, Map<String, Object> variables)
            throws IOException, InterruptedException {
        Setting setting = new Setting("http://127.0.0.1:" + port, Map.of(Role.EXEC, "Basic " + Base64.getEncoder()
                .encodeToString((account + ":demo").getBytes(StandardCharsets.UTF_8))), "", "", Map.of());
        return post(setting, Role.EXEC, document, variables).toString();
    }

    private static JsonNode post(Setting setting, Role role, String document, Map<String, Object> variables)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(setting.base() + "/graphql"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", setting.authorization().get(role))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("query", document, "variables", variables))))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
