package org.accord.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.accord.app.support.AccordOnAFolder;
import org.accord.app.support.GraphQlClient;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * An erased person's name is in no byte of any file Accord keeps: not in the person directory's free space, not in a
 * write-ahead log, not in the read models, not in an idempotency key's cached answer. Each file is read raw (the
 * databases, their -wal and -shm files, the ledger's keys, the witness file beside the data folder), so a copy
 * SQLite no longer shows to a query is found all the same.
 */
@ExtendWith(SoftAssertionsExtension.class)
class ErasureLeavesNoTraceTest {

    /** Names nobody else has, so that a hit can only be this test's person. */
    private static final String ERASED = "Zephyrine Quillfeather-Oduya";
    private static final String ALSO_ERASED = "Ottoline Marchbanks-Vesey";
    private static final String KEPT = "Bartholomew Inkwright-Solace";
    private static final String TEAM = "Erasure Working Group";

    @TempDir
    Path folder;

    @InjectSoftAssertions
    SoftAssertions soft;

    @Test
    void anErasedNameIsInNoFileOfTheDataFolderBeforeOrAfterARestart() throws Exception {
        String erasedId;
        String alsoErasedId;
        try (ConfigurableApplicationContext first = AccordOnAFolder.start(folder)) {
            GraphQlClient graphql = new GraphQlClient(AccordOnAFolder.port(first));
            erasedId = register(graphql, "register-erased", ERASED).path("id").asString();
            alsoErasedId = register(graphql, null, ALSO_ERASED).path("id").asString();
            String keptId = register(graphql, "register-kept", KEPT).path("id").asString();
            // their ids spread through the read models: a team of their own, and a place on a demo team
            Map<String, Object> team = Map.of("clientMutationId", "team-of-three", "trustId", "demo-trust",
                    "name", TEAM, "remit", List.of("DATA_PROTECTION"),
                    "chairId", "demo-person-member1", "memberIds", List.of(erasedId, alsoErasedId, keptId),
                    "decisionRule", Map.of("mode", "MAJORITY", "quorum", 0.5, "threshold", 0.5,
                            "votingWindowHours", 24));
            answer(graphql, "exec", "mutation ($input: FormTeamInput!) { formTeam(input: $input) { team { id } } }",
                    Map.of("input", team));
            answer(graphql, "exec", "mutation ($input: AddTeamMemberInput!) { addTeamMember(input: $input)"
                    + " { team { id } } }", Map.of("input", Map.of("teamId", "demo-team-english",
                    "personId", erasedId)));

            erase(graphql, "erase-1", erasedId);
            erase(graphql, null, alsoErasedId);
            JsonNode retried = register(graphql, "register-erased", ERASED);
            assertThat(retried.path("id").asString()).as("the retry answers the first registration")
                    .isEqualTo(erasedId);
            assertThat(retried.path("displayName").isNull()).as("the retry brings the name back: " + retried).isTrue();

            assertNoTraceOfTheErasedButTheKeptNameFound("while Accord runs");
        }
        assertNoTraceOfTheErasedButTheKeptNameFound("once Accord has stopped");

        try (ConfigurableApplicationContext second = AccordOnAFolder.start(folder)) {
            GraphQlClient graphql = new GraphQlClient(AccordOnAFolder.port(second));
            JsonNode person = answer(graphql, "exec", "query ($id: ID!) { person(id: $id) { id displayName nameErased"
                    + " } }", Map.of("id", erasedId)).path("person");
            assertThat(person.path("nameErased").asBoolean()).as(person.toString()).isTrue();
            assertNoTraceOfTheErasedButTheKeptNameFound("after a restart");
        }
    }

    private void assertNoTraceOfTheErasedButTheKeptNameFound(String when) throws IOException {
        // every moment is checked before the test fails, so that its report says which of them leave a trace
        soft.assertThat(filesHolding(KEPT)).as("the kept name is found %s (else this search could find nothing)", when)
                .isNotEmpty();
        // names live in the person directory alone; a team's name is in the read models, in their compressed rows
        soft.assertThat(filesHolding(TEAM)).as("the team's name is found %s inside the read models' compressed rows"
                + " (else the search could not see into them)", when)
                .anyMatch(hit -> hit.startsWith("data/readmodels.db") && hit.contains("compressed read-model row"));
        soft.assertThat(filesHolding(ERASED)).as("files holding the erased name %s", when).isEmpty();
        soft.assertThat(filesHolding(ALSO_ERASED)).as("files holding the other erased name %s", when).isEmpty();
    }

    private List<String> filesHolding(String name) throws IOException {
        return RawFiles.holding(folder, name);
    }

    private static JsonNode register(GraphQlClient graphql, String key, String name) throws Exception {
        Map<String, Object> input = new LinkedHashMap<>();
        if (key != null) {
            input.put("clientMutationId", key);
        }
        input.put("trustId", "demo-trust");
        input.put("displayName", name);
        input.put("roles", List.of("STAFF"));
        input.put("schoolId", "demo-school-riverside");
        return answer(graphql, "exec", "mutation ($input: RegisterPersonInput!) { registerPerson(input: $input)"
                + " { person { id displayName } } }", Map.of("input", input)).path("registerPerson").path("person");
    }

    private static void erase(GraphQlClient graphql, String key, String personId) throws Exception {
        Map<String, Object> input = new LinkedHashMap<>();
        if (key != null) {
            input.put("clientMutationId", key);
        }
        input.put("personId", personId);
        answer(graphql, "exec", "mutation ($input: ErasePersonInput!) { erasePerson(input: $input)"
                + " { person { id } } }", Map.of("input", input));
    }

    private static JsonNode answer(GraphQlClient graphql, String account, String document, Map<String, ?> variables)
            throws Exception {
        GraphQlClient.Answer answer = graphql.post(account, document, variables);
        assertThat(answer.hasErrors()).as(answer.body()).isFalse();
        return answer.data();
    }
}
