package org.accord.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class DecisionLogGraphQlTest extends AccordHttpTest {

    @Test
    void theLogTellsWhoDecidedWhatWhenAndWhy() {
        List<String> types = as("board").documentName("decisionLog").variable("trustId", "demo-trust")
                .variable("first", 100).execute()
                .path("decisionLog.edges[0].node.position").entity(Integer.class).isEqualTo(1)
                .path("decisionLog.edges[0].node.type").entity(String.class).isEqualTo("TrustRegistered")
                .path("decisionLog.edges[0].node.actor.id").entity(String.class).isEqualTo("system")
                .path("decisionLog.edges[*].node.type").entityList(String.class).get();
        assertThat(types).contains("SchoolRegistered", "TeamFormed", "ProposalDrafted", "VoteCast", "VotingClosed");

        GraphQlTester.Response objections = as("board").documentName("decisionLog")
                .variable("trustId", "demo-trust")
                .variable("filter", Map.of("types", List.of("VoteCast"), "subjectId", "demo-proposal-y9-calendar"))
                .execute();
        objections.path("decisionLog.edges[*].node.summary").entityList(String.class).hasSize(4);
        objections.path("decisionLog.edges[?(@.node.summary =~ /.*OBJECT.*/)].node.rationale")
                .entityList(String.class).hasSize(2);
        objections.path("decisionLog.edges[?(@.node.actor.id == 'demo-person-member1')].node.actor.displayName")
                .entityList(String.class).containsExactly("Sophie Lindqvist");
    }

    @Test
    void aClientPagingWhileTheLogGrowsNeverSeesARecordTwiceOrMissesOne() {
        List<Integer> positions = new ArrayList<>();
        String after = null;
        boolean more = true;
        int pages = 0;
        while (more) {
            var request = as("board").documentName("decisionLog").variable("trustId", "demo-trust")
                    .variable("first", 25);
            if (after != null) {
                request = request.variable("after", after);
            }
            GraphQlTester.Response page = request.execute();
            positions.addAll(page.path("decisionLog.edges[*].node.position").entityList(Integer.class).get());
            more = page.path("decisionLog.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("decisionLog.pageInfo.endCursor").entity(String.class).get();
            if (++pages == 2) {
                // a decision taken while the client pages
                as("exec").documentName("registerSchool")
                        .variable("input", Map.of("trustId", "demo-trust", "name", "Paged Primary " + System.nanoTime(),
                                "phase", "PRIMARY"))
                        .execute().path("registerSchool.school.id").hasValue();
            }
        }
        assertThat(positions).doesNotHaveDuplicates().isSorted();
        assertThat(positions.get(positions.size() - 1)).isEqualTo(positions.size());
    }

    @Test
    void theLogReadNewestFirstPagesBackToTheFirstRecordWithoutRepeatingOne() {
        List<Integer> positions = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            var request = as("board").documentName("decisionLog").variable("trustId", "demo-trust")
                    .variable("first", 40).variable("newestFirst", true);
            if (after != null) {
                request = request.variable("after", after);
            }
            GraphQlTester.Response page = request.execute();
            positions.addAll(page.path("decisionLog.edges[*].node.position").entityList(Integer.class).get());
            more = page.path("decisionLog.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("decisionLog.pageInfo.endCursor").entity(String.class).get();
        }
        assertThat(positions).doesNotHaveDuplicates().isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(positions.get(positions.size() - 1)).isEqualTo(1);
        List<Integer> oldestFirst = as("board").documentName("decisionLog").variable("trustId", "demo-trust")
                .variable("first", 5).variable("filter", Map.of("types", List.of("VoteCast"))).execute()
                .path("decisionLog.edges[*].node.position").entityList(Integer.class).get();
        // every vote, newest first, a page at a time: other tests of the shared context cast votes of their own
        List<Integer> newestVotes = new ArrayList<>();
        String afterVote = null;
        boolean moreVotes = true;
        while (moreVotes) {
            var request = as("board").documentName("decisionLog").variable("trustId", "demo-trust")
                    .variable("first", 100).variable("newestFirst", true)
                    .variable("filter", Map.of("types", List.of("VoteCast")));
            if (afterVote != null) {
                request = request.variable("after", afterVote);
            }
            GraphQlTester.Response page = request.execute();
            newestVotes.addAll(page.path("decisionLog.edges[*].node.position").entityList(Integer.class).get());
            moreVotes = page.path("decisionLog.pageInfo.hasNextPage").entity(Boolean.class).get();
            afterVote = page.path("decisionLog.pageInfo.endCursor").entity(String.class).get();
        }
        assertThat(newestVotes.subList(newestVotes.size() - 5, newestVotes.size()))
                .containsExactlyElementsOf(reversed(oldestFirst));
    }

    private static List<Integer> reversed(List<Integer> list) {
        List<Integer> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    @Test
    void anOutsiderSeesNothingOfTheDemoTrustsLog() {
        as("outsider").documentName("decisionLog").variable("trustId", "demo-trust").execute()
                .path("decisionLog.edges").entityList(Object.class).hasSize(0);
    }

    @Test
    void subscribersReceiveEachNewRecordOfTheirTrustAsItIsRecorded() {
        Flux<Map> feed = websocket("board").document(
                        "subscription { decisionRecorded(trustId: \"demo-trust\") { position type summary } }")
                .retrieveSubscription("decisionRecorded").toEntity(Map.class);
        String name = "Live Primary " + System.nanoTime();
        List<Map> received = feed
                .doOnSubscribe(s -> new Thread(() -> {
                    sleep(1500);
                    as("exec").documentName("registerSchool")
                            .variable("input", Map.of("trustId", "demo-trust", "name", name, "phase", "PRIMARY"))
                            .execute().path("registerSchool.school.id").hasValue();
                }).start())
                .filter(r -> String.valueOf(r.get("summary")).contains(name))
                .take(1)
                .collectList()
                .block(Duration.ofSeconds(30));
        assertThat(received).singleElement().satisfies(r -> assertThat(r).containsEntry("type", "SchoolRegistered"));
    }

    @Test
    void aSubscriberMaySignInThroughTheConnectionInitPayloadInstead() {
        // what a browser does: it cannot put headers on a WebSocket handshake
        Flux<Map> feed = WebSocketGraphQlClient.builder("ws://localhost:" + port + "/graphql",
                        new StandardWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", "Basic " + Base64.getEncoder()
                                .encodeToString("member2:demo".getBytes(StandardCharsets.UTF_8))));
                    }
                })
                .build()
                .document("subscription { decisionRecorded(trustId: \"demo-trust\") { summary } }")
                .retrieveSubscription("decisionRecorded").toEntity(Map.class);
        String name = "Init Primary " + System.nanoTime();
        List<Map> received = feed
                .doOnSubscribe(s -> new Thread(() -> {
                    sleep(1500);
                    as("exec").documentName("registerSchool")
                            .variable("input", Map.of("trustId", "demo-trust", "name", name, "phase", "PRIMARY"))
                            .execute().path("registerSchool.school.id").hasValue();
                }).start())
                .filter(r -> String.valueOf(r.get("summary")).contains(name))
                .take(1).collectList().block(Duration.ofSeconds(30));
        assertThat(received).hasSize(1);
    }

    @Test
    void aSubscriberWithoutCredentialsIsTurnedAway() {
        Flux<Map> feed = WebSocketGraphQlClient.builder("ws://localhost:" + port + "/graphql",
                        new StandardWebSocketClient()).build()
                .document("subscription { decisionRecorded(trustId: \"demo-trust\") { summary } }")
                .retrieveSubscription("decisionRecorded").toEntity(Map.class);
        // refused when it connects, not merely silent until the test gives up
        assertThatThrownBy(() -> feed.blockFirst(Duration.ofSeconds(20)))
                .satisfies(e -> assertThat(String.valueOf(e.getMessage())).doesNotContain("Timeout"));
    }

    @Test
    void anOutsiderCannotSubscribeToTheDemoTrust() {
        Flux<Map> feed = websocket("outsider").document(
                        "subscription { decisionRecorded(trustId: \"demo-trust\") { position } }")
                .retrieveSubscription("decisionRecorded").toEntity(Map.class);
        assertThatThrownBy(() -> feed.blockFirst(Duration.ofSeconds(20)))
                .hasMessageContaining("unknown trust 'demo-trust'");
    }

    private WebSocketGraphQlClient websocket(String account) {
        return WebSocketGraphQlClient.builder("ws://localhost:" + port + "/graphql", new StandardWebSocketClient())
                .headers(h -> h.setBasicAuth(account, "demo"))
                .build();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
