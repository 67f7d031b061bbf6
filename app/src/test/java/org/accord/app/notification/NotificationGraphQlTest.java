package org.accord.app.notification;

import static org.accord.app.support.GraphQlErrors.expectError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

import reactor.core.publisher.Flux;

class NotificationGraphQlTest extends AccordHttpTest {

    private String openVote(String title) {
        String id = as("chair").document("mutation { draftProposal(input: {teamId: \"demo-team-english\","
                        + " kind: NEW_STANDARD, title: \"" + title + "\", area: CURRICULUM, alignment: GUIDANCE,"
                        + " statement: \"A statement\"}) { proposal { id } } }")
                .execute().path("draftProposal.proposal.id").entity(String.class).get();
        as("chair").documentName("openVoting").variable("input", Map.of("proposalId", id)).execute()
                .path("openVoting.proposal.status").entity(String.class).isEqualTo("VOTING");
        return id;
    }

    /** The id of the caller's notification about this subject, from the first page of their inbox. */
    private String notificationAbout(String account, String subjectId) {
        List<String> ids = as(account).documentName("inbox").variable("first", 100).execute()
                .path("inbox.edges[?(@.node.subjectId == '" + subjectId + "')].node.id").entityList(String.class)
                .get();
        assertThat(ids).as("%s's notifications about %s", account, subjectId).hasSize(1);
        return ids.get(0);
    }

    private long unread(String account) {
        return as(account).documentName("inbox").variable("first", 1).execute()
                .path("inbox.unreadCount").entity(Long.class).get();
    }

    @Test
    void aVoteOpenedInTheTeamArrivesUnreadInEachVotersInboxAndNobodyElses() {
        String proposal = openVote("Inbox reading list " + System.nanoTime());
        for (String voter : List.of("chair", "member1", "member2", "member3")) {
            as(voter).documentName("inbox").variable("first", 5).execute()
                    .path("inbox.edges[0].node.kind").entity(String.class).isEqualTo("VOTE_OPENED")
                    .path("inbox.edges[0].node.subjectType").entity(String.class).isEqualTo("proposal")
                    .path("inbox.edges[0].node.subjectId").entity(String.class).isEqualTo(proposal)
                    .path("inbox.edges[0].node.read").entity(Boolean.class).isEqualTo(false)
                    .path("inbox.edges[0].node.dueAt").hasValue()
                    .path("inbox.edges[0].node.title").entity(String.class).satisfies(t ->
                            assertThat(t).contains("Inbox reading list").contains("cast your vote"));
        }
        for (String other : List.of("exec", "board", "head", "outsider")) {
            as(other).documentName("inbox").variable("first", 100).execute()
                    .path("inbox.edges[*].node.subjectId").entityList(String.class).doesNotContain(proposal);
        }
    }

    @Test
    void theInboxPagesNewestFirstWithCursors() {
        String older = openVote("Older " + System.nanoTime());
        String newer = openVote("Newer " + System.nanoTime());
        String cursor = as("member2").documentName("inbox").variable("first", 1).execute()
                .path("inbox.edges[0].node.subjectId").entity(String.class).isEqualTo(newer)
                .path("inbox.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("inbox.totalCount").entity(Long.class).satisfies(total -> assertThat(total).isGreaterThan(1))
                .path("inbox.pageInfo.endCursor").entity(String.class).get();
        as("member2").documentName("inbox").variable("first", 1).variable("after", cursor).execute()
                .path("inbox.edges[0].node.subjectId").entity(String.class).isEqualTo(older);
    }

    @Test
    void markingReadIsPerPersonAndLowersOnlyTheirUnreadCount() {
        String proposal = openVote("Marked " + System.nanoTime());
        String mine = notificationAbout("member1", proposal);
        long member1Before = unread("member1");
        long member2Before = unread("member2");
        as("member1").documentName("markNotificationsRead")
                .variable("input", Map.of("clientMutationId", "read-1", "notificationIds", List.of(mine)))
                .execute()
                .path("markNotificationsRead.clientMutationId").entity(String.class).isEqualTo("read-1")
                .path("markNotificationsRead.notifications[0].id").entity(String.class).isEqualTo(mine)
                .path("markNotificationsRead.notifications[0].read").entity(Boolean.class).isEqualTo(true)
                .path("markNotificationsRead.unreadCount").entity(Long.class).isEqualTo(member1Before - 1);
        // marking it again changes nothing
        as("member1").documentName("markNotificationsRead")
                .variable("input", Map.of("clientMutationId", "read-1", "notificationIds", List.of(mine)))
                .execute()
                .path("markNotificationsRead.unreadCount").entity(Long.class).isEqualTo(member1Before - 1);
        assertThat(unread("member2")).isEqualTo(member2Before);
        as("member2").documentName("inbox").variable("first", 100).execute()
                .path("inbox.edges[?(@.node.subjectId == '" + proposal + "')].node.read").entityList(Boolean.class)
                .containsExactly(false);
    }

    @Test
    void markingAnotherPersonsNotificationIsRefusedAsUnknownAndMarksNothing() {
        String proposal = openVote("Not yours " + System.nanoTime());
        String members = notificationAbout("member1", proposal);
        String chairs = notificationAbout("chair", proposal);
        for (String account : List.of("member2", "exec", "outsider")) {
            expectError(as(account).documentName("markNotificationsRead")
                            .variable("input", Map.of("notificationIds", List.of(members))).execute(),
                    "NOT_FOUND", "unknown notification '" + members + "'");
        }
        // one of the chair's own with one that is not: refused whole
        expectError(as("chair").documentName("markNotificationsRead")
                        .variable("input", Map.of("notificationIds", List.of(chairs, members))).execute(),
                "NOT_FOUND", "unknown notification '" + members + "'");
        for (String account : List.of("member1", "chair")) {
            as(account).documentName("inbox").variable("first", 100).execute()
                    .path("inbox.edges[?(@.node.subjectId == '" + proposal + "')].node.read")
                    .entityList(Boolean.class).containsExactly(false);
        }
    }

    @Test
    void markingNeitherSomeNorAllIsRefused() {
        expectError(as("member3").documentName("markNotificationsRead").variable("input", Map.of()).execute(),
                "BAD_REQUEST", "name the notifications to mark read in notificationIds, or set all to true");
        expectError(as("member3").documentName("markNotificationsRead")
                        .variable("input", Map.of("all", true, "notificationIds", List.of("x"))).execute(),
                "BAD_REQUEST", "not both");
    }

    @Test
    void markingAllReadLeavesNothingUnread() {
        openVote("All read " + System.nanoTime());
        assertThat(unread("member3")).isPositive();
        as("member3").documentName("markNotificationsRead").variable("input", Map.of("all", true)).execute()
                .path("markNotificationsRead.notifications").entityList(Object.class).hasSize(0)
                .path("markNotificationsRead.unreadCount").entity(Long.class).isEqualTo(0L);
        as("member3").documentName("inbox").variable("first", 100).execute()
                .path("inbox.edges[*].node.read").entityList(Boolean.class).satisfies(read ->
                        assertThat(read).isNotEmpty().containsOnly(true));
    }

    @Test
    void aRequestRoutedToTheTeamArrivesInItsMembersInboxesButNotTheRaisers() {
        String request = as("head").documentName("raiseRequest")
                .variable("input", Map.of("trustId", "demo-trust", "area", "CURRICULUM",
                        "title", "Inbox spelling " + System.nanoTime(), "reason", "Pupils move."))
                .execute().path("raiseRequest.request.id").entity(String.class).get();
        as("chair").documentName("inbox").variable("first", 5).execute()
                .path("inbox.edges[0].node.kind").entity(String.class).isEqualTo("REQUEST_ROUTED")
                .path("inbox.edges[0].node.subjectId").entity(String.class).isEqualTo(request);
        as("head").documentName("inbox").variable("first", 100).execute()
                .path("inbox.edges[*].node.subjectId").entityList(String.class).doesNotContain(request);
    }

    @Test
    void aSubscriberReceivesTheirOwnNewNotificationsLive() {
        Flux<Map> feed = websocket("member2")
                .document("subscription { notificationReceived { id kind subjectId title read } }")
                .retrieveSubscription("notificationReceived").toEntity(Map.class);
        String title = "Live inbox " + System.nanoTime();
        List<Map> received = feed
                .doOnSubscribe(s -> new Thread(() -> {
                    sleep(1500);
                    openVote(title);
                }).start())
                .filter(n -> String.valueOf(n.get("title")).contains(title))
                .take(1).collectList().block(Duration.ofSeconds(30));
        assertThat(received).singleElement().satisfies(n -> {
            assertThat(n).containsEntry("kind", "VOTE_OPENED").containsEntry("read", false);
            assertThat(String.valueOf(n.get("id"))).endsWith(":demo-person-member2");
        });
    }

    @Test
    void aPersonSetsTheirOwnAddressAndOnlyAnExecutiveMaySetAnothers() {
        as("member1").documentName("setEmailAddress")
                .variable("input", Map.of("clientMutationId", "mail-1", "personId", "demo-person-member1",
                        "email", "sophie@riverside.example"))
                .execute()
                .path("setEmailAddress.clientMutationId").entity(String.class).isEqualTo("mail-1")
                .path("setEmailAddress.person.id").entity(String.class).isEqualTo("demo-person-member1");
        as("member1").documentName("meEmail").execute()
                .path("me.email").entity(String.class).isEqualTo("sophie@riverside.example");
        // nobody sees another's address through me
        as("member2").documentName("meEmail").execute().path("me.email").valueIsNull();

        expectError(as("member2").documentName("setEmailAddress")
                        .variable("input", Map.of("personId", "demo-person-member1", "email", "x@evil.example"))
                        .execute(),
                "FORBIDDEN", "only the person themselves or a trust executive may set a person's e-mail address");
        expectError(as("outsider").documentName("setEmailAddress")
                        .variable("input", Map.of("personId", "demo-person-member1", "email", "x@evil.example"))
                        .execute(),
                "NOT_FOUND", "unknown person 'demo-person-member1'");
        expectError(as("member1").documentName("setEmailAddress")
                        .variable("input", Map.of("personId", "demo-person-member1", "email", "not an address"))
                        .execute(),
                "BAD_REQUEST", "email is not an e-mail address");
        as("member1").documentName("meEmail").execute()
                .path("me.email").entity(String.class).isEqualTo("sophie@riverside.example");

        as("exec").documentName("setEmailAddress")
                .variable("input", Map.of("personId", "demo-person-member3", "email", "aisha@oakwood.example"))
                .execute().path("setEmailAddress.person.id").entity(String.class).isEqualTo("demo-person-member3");
        as("member3").documentName("meEmail").execute()
                .path("me.email").entity(String.class).isEqualTo("aisha@oakwood.example");
    }

    @Test
    void erasingAPersonRemovesTheirAddressWithTheirName() {
        String person = as("exec").documentName("registerPerson")
                .variable("input", Map.of("trustId", "demo-trust", "displayName", "Erased Addressee",
                        "roles", List.of("STAFF"), "schoolId", "demo-school-riverside"))
                .execute().path("registerPerson.person.id").entity(String.class).get();
        as("exec").documentName("setEmailAddress")
                .variable("input", Map.of("personId", person, "email", "erased@riverside.example")).execute()
                .path("setEmailAddress.person.id").entity(String.class).isEqualTo(person);
        assertThat(jdbc.queryForObject("SELECT email FROM person_directory WHERE person_id = ?", String.class,
                person)).isEqualTo("erased@riverside.example");
        as("exec").documentName("erasePerson").variable("input", Map.of("personId", person)).execute()
                .path("erasePerson.person.id").entity(String.class).isEqualTo(person);
        assertThat(jdbc.queryForObject("SELECT email FROM person_directory WHERE person_id = ?", String.class,
                person)).isNull();
        expectError(as("exec").documentName("setEmailAddress")
                        .variable("input", Map.of("personId", person, "email", "again@riverside.example")).execute(),
                "BAD_REQUEST", "was erased: no contact details are kept");
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
