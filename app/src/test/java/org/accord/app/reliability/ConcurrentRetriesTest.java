package org.accord.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.accord.app.support.AccordHttpTest;
import org.accord.app.support.GraphQlClient;
import org.junit.jupiter.api.Test;

/**
 * The reliability suite's retry test: the same mutation with the same clientMutationId sent by 10 clients at once
 * (a client that retries eagerly, a proxy that replays) records exactly one event and answers all 10 alike.
 */
class ConcurrentRetriesTest extends AccordHttpTest {

    private static final int COPIES = 10;

    @Test
    void aSchoolRegisteredTenTimesAtOnceWithOneKeyIsRegisteredOnce() throws Exception {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("clientMutationId", "retry-school");
        input.put("trustId", "demo-trust");
        input.put("name", "Retried Academy");
        input.put("phase", "SECONDARY");
        sentTenTimesAtOnceRecordsOneEvent("exec", "mutation ($input: RegisterSchoolInput!) { registerSchool(input:"
                + " $input) { clientMutationId school { id name phase } } }", input);
    }

    @Test
    void aProposalDraftedTenTimesAtOnceWithOneKeyIsDraftedOnce() throws Exception {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("clientMutationId", "retry-draft");
        input.put("teamId", "demo-team-english");
        input.put("kind", "NEW_STANDARD");
        input.put("title", "Retried proposal");
        input.put("area", "CURRICULUM");
        input.put("alignment", "GUIDANCE");
        input.put("statement", "Drafted once, however often it is sent.");
        sentTenTimesAtOnceRecordsOneEvent("member2", "mutation ($input: DraftProposalInput!) { draftProposal(input:"
                + " $input) { clientMutationId proposal { id title status revisions { number } } } }", input);
    }

    @Test
    void aVoteCastTenTimesAtOnceWithOneKeyIsCastOnce() throws Exception {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("clientMutationId", "retry-vote");
        input.put("proposalId", "demo-proposal-library-lesson");
        input.put("choice", "OBJECT");
        input.put("rationale", "Sent ten times, counted once");
        sentTenTimesAtOnceRecordsOneEvent("member3", "mutation ($input: CastVoteInput!) { castVote(input: $input) {"
                + " clientMutationId proposal { id status tally { approve object abstain } voteHistory { voter { id }"
                + " choice rationale } } } }", input);
    }

    private void sentTenTimesAtOnceRecordsOneEvent(String account, String document, Map<String, Object> input)
            throws Exception {
        GraphQlClient graphql = new GraphQlClient(port);
        long before = storedEvents();
        ExecutorService clients = Executors.newFixedThreadPool(COPIES);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<GraphQlClient.Answer>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < COPIES; i++) {
                sent.add(clients.submit(() -> {
                    go.await();
                    return graphql.post(account, document, Map.of("input", input));
                }));
            }
            long started = System.nanoTime();
            go.countDown();
            List<String> bodies = new ArrayList<>();
            for (Future<GraphQlClient.Answer> answer : sent) {
                GraphQlClient.Answer a = answer.get(2, TimeUnit.MINUTES);
                assertThat(a.status()).as(a.body()).isEqualTo(200);
                assertThat(a.hasErrors()).as(a.body()).isFalse();
                bodies.add(a.body());
            }
            long recorded = storedEvents() - before;
            System.out.printf("reliability retry test: %s sent %d times at once with clientMutationId '%s': %d"
                            + " event(s) recorded, %d distinct answer(s), %.0f ms for all%n",
                    document.substring(document.indexOf('{') + 2, document.indexOf('(', document.indexOf('{'))),
                    COPIES, input.get("clientMutationId"), recorded, bodies.stream().distinct().count(),
                    (System.nanoTime() - started) / 1e6);
            assertThat(recorded).as("events recorded by %d identical requests", COPIES).isEqualTo(1);
            assertThat(bodies).as("every copy gets the same answer").containsOnly(bodies.get(0));
            assertThat(bodies.get(0)).contains("\"clientMutationId\":\"" + input.get("clientMutationId") + "\"");
        } finally {
            clients.shutdownNow();
        }
    }
}
