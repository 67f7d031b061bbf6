package org.accord.query.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.accord.api.attestation.AttestationFellDueEvent;
import org.accord.api.attestation.RecordAttestationDueCommand;
import org.accord.api.notification.FindInboxQuery;
import org.accord.api.notification.FindNotificationsToMailQuery;
import org.accord.api.notification.InboxPage;
import org.accord.api.notification.NotificationKind;
import org.accord.api.notification.NotificationView;
import org.accord.api.proposal.FindVotingRemindersDueQuery;
import org.accord.api.proposal.ProposalContent;
import org.accord.api.proposal.ProposalWithdrawnEvent;
import org.accord.api.proposal.VotingClosingSoonEvent;
import org.accord.api.proposal.VotingOpenedEvent;
import org.accord.api.request.RequestRaisedEvent;
import org.accord.api.review.StandardReviewFellDueEvent;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Area;
import org.accord.api.standard.AttestationCadence;
import org.accord.api.team.DecisionMode;
import org.accord.api.team.DecisionRule;
import org.accord.api.trust.PersonRegisteredEvent;
import org.accord.api.trust.PersonRole;
import org.accord.api.variation.ExceptionRequestedEvent;
import org.accord.query.ReadModelMongo;
import org.accord.query.proposal.ProposalDocument;
import org.accord.query.standard.StandardDocument;
import org.accord.query.runtime.mongodb.MongoReadModelStore;
import org.accord.query.team.TeamDocument;
import org.accord.query.trust.SchoolDocument;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

class NotificationProjectionTest {

    private static final String TRUST = "trust-1";
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final DecisionRule RULE = new DecisionRule(DecisionMode.MAJORITY, 0.5, 0.5, 168);

    private MongoServer server;
    private MongoClient client;
    private MongoReadModelStore store;
    private AnnotationEventHandlerAdapter projection;
    private NotificationQueries queries;
    private final List<NotificationView> live = new ArrayList<>();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        store = new MongoReadModelStore(ReadModelMongo.template(client, "test"));
        NotificationFeed feed = new NotificationFeed();
        feed.of("p-member1").subscribe(live::add);
        projection = new AnnotationEventHandlerAdapter(new NotificationProjection(store, new Inbox(store, feed)));
        queries = new NotificationQueries(store);
        store.upsert(TeamDocument.class, "team-english", new Update().set("trustId", TRUST)
                .set("name", "Heads of English").set("memberIds", List.of("p-chair", "p-member1", "p-member2")));
        store.upsert(SchoolDocument.class, "school-oak", new Update().set("trustId", TRUST).set("name", "Oakwood"));
        store.upsert(ProposalDocument.class, "prop-1", new Update().set("trustId", TRUST).set("content",
                new ProposalContent("Shared reading list", Area.CURRICULUM, AlignmentLevel.ADAPTABLE, "Read.", null,
                        null, null)));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private long position;

    /** As the processor delivers them: tracked, each with its token (the handlers take it, to tell a replay). */
    private void apply(Object... events) throws Exception {
        for (Object event : events) {
            projection.handle(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position++),
                    GenericEventMessage.asEventMessage(event)));
        }
    }

    private InboxPage inbox(String personId) {
        return queries.handle(new FindInboxQuery(personId, 20, null));
    }

    private static VotingOpenedEvent opened(Instant closesAt) {
        return new VotingOpenedEvent("prop-1", TRUST, "team-english", List.of("p-chair", "p-member1", "p-member2"),
                RULE, T0, closesAt, "p-chair");
    }

    @Test
    void votingOpenedTellsEveryEligibleVoterWithTheDeadline() throws Exception {
        Instant closes = T0.plus(Duration.ofDays(7));
        apply(opened(closes));
        for (String voter : List.of("p-chair", "p-member1", "p-member2")) {
            assertThat(inbox(voter).notifications()).singleElement().satisfies(n -> {
                assertThat(n.kind()).isEqualTo(NotificationKind.VOTE_OPENED);
                assertThat(n.subjectId()).isEqualTo("prop-1");
                assertThat(n.title()).contains("Shared reading list").contains("Heads of English");
                assertThat(n.dueAt()).isEqualTo(closes);
                assertThat(n.personId()).isEqualTo(voter);
            });
        }
        assertThat(inbox("p-outsider").notifications()).isEmpty();
        assertThat(live).extracting(NotificationView::kind).containsExactly(NotificationKind.VOTE_OPENED);
    }

    @Test
    void aRedeliveredEventPutsNothingInTheInboxTwice() throws Exception {
        apply(opened(T0.plus(Duration.ofDays(7))), opened(T0.plus(Duration.ofDays(7))));
        assertThat(inbox("p-member1").totalCount()).isEqualTo(1);
        assertThat(live).hasSize(1);
    }

    @Test
    void theClosingReminderFallsDue48HoursBeforeTheDeadlineAndOnlyForLongerVotes() throws Exception {
        Instant closes = T0.plus(Duration.ofDays(7));
        apply(opened(closes));
        assertThat(queries.handle(new FindVotingRemindersDueQuery(closes.minus(Duration.ofHours(49))))).isEmpty();
        assertThat(queries.handle(new FindVotingRemindersDueQuery(closes.minus(Duration.ofHours(48)))))
                .containsExactly("prop-1");

        store.clear(VotingReminderDocument.class);
        apply(new VotingOpenedEvent("prop-1", TRUST, "team-english", List.of("p-member1"), RULE, T0,
                T0.plus(Duration.ofHours(48)), "p-chair"));
        assertThat(queries.handle(new FindVotingRemindersDueQuery(T0.plus(Duration.ofDays(30))))).isEmpty();
    }

    @Test
    void theClosingReminderGoesToThoseWhoHaveNotVotedAndIsNoLongerDue() throws Exception {
        Instant closes = T0.plus(Duration.ofDays(7));
        apply(opened(closes), new VotingClosingSoonEvent("prop-1", TRUST, "team-english", List.of("p-member2"), 3,
                closes, closes.minus(Duration.ofHours(47))));
        assertThat(inbox("p-member2").notifications()).extracting(NotificationView::kind)
                .containsExactly(NotificationKind.VOTE_CLOSING_SOON, NotificationKind.VOTE_OPENED);
        assertThat(inbox("p-member2").notifications().get(0).title()).contains("closes within 48 hours");
        assertThat(inbox("p-member1").notifications()).extracting(NotificationView::kind)
                .containsExactly(NotificationKind.VOTE_OPENED);
        assertThat(queries.handle(new FindVotingRemindersDueQuery(closes))).isEmpty();
    }

    @Test
    void aWithdrawnProposalNeedsNoReminder() throws Exception {
        apply(opened(T0.plus(Duration.ofDays(7))),
                new ProposalWithdrawnEvent("prop-1", TRUST, "team-english", "stale", "p-chair", T0));
        assertThat(queries.handle(new FindVotingRemindersDueQuery(T0.plus(Duration.ofDays(30))))).isEmpty();
    }

    @Test
    void anExceptionRequestAwaitsEveryTrustExecutive() throws Exception {
        apply(new PersonRegisteredEvent(TRUST, "p-exec", Set.of(PersonRole.TRUST_EXECUTIVE), null, "system"),
                new PersonRegisteredEvent(TRUST, "p-exec2", Set.of(PersonRole.TRUST_EXECUTIVE), null, "p-exec"),
                new PersonRegisteredEvent(TRUST, "p-board", Set.of(PersonRole.BOARD_MEMBER), null, "p-exec"),
                new PersonRegisteredEvent("trust-2", "p-other-exec", Set.of(PersonRole.TRUST_EXECUTIVE), null,
                        "system"),
                new ExceptionRequestedEvent("var-1", "std-1", TRUST, "school-oak", 1, "Paper logs", "No wifi",
                        null, "p-head", T0));
        for (String exec : List.of("p-exec", "p-exec2")) {
            assertThat(inbox(exec).notifications()).singleElement().satisfies(n -> {
                assertThat(n.kind()).isEqualTo(NotificationKind.EXCEPTION_AWAITING_APPROVAL);
                assertThat(n.subjectType()).isEqualTo("variation");
                assertThat(n.subjectId()).isEqualTo("var-1");
                assertThat(n.title()).startsWith("Oakwood asks for an exception");
            });
        }
        assertThat(inbox("p-board").notifications()).isEmpty();
        assertThat(inbox("p-other-exec").notifications()).isEmpty();
    }

    @Test
    void aRequestGoesToTheMembersOfTheTeamsItIsRoutedToButNotToItsRaiser() throws Exception {
        apply(new RequestRaisedEvent("req-1", TRUST, "school-oak", Area.CURRICULUM, "A spelling list", "Moves",
                List.of("team-english"), false, "p-member2", T0));
        assertThat(inbox("p-chair").notifications()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.REQUEST_ROUTED);
            assertThat(n.subjectId()).isEqualTo("req-1");
            assertThat(n.title()).contains("A spelling list");
        });
        assertThat(inbox("p-member1").notifications()).hasSize(1);
        assertThat(inbox("p-member2").notifications()).isEmpty();
    }

    @Test
    void aRequestNobodyCoversGoesToTheExecutives() throws Exception {
        apply(new PersonRegisteredEvent(TRUST, "p-exec", Set.of(PersonRole.TRUST_EXECUTIVE), null, "system"),
                new RequestRaisedEvent("req-2", TRUST, "school-oak", Area.ESTATES, "One caretaking rota", "Shared",
                        List.of(), true, "p-head", T0));
        assertThat(inbox("p-exec").notifications()).extracting(NotificationView::kind)
                .containsExactly(NotificationKind.REQUEST_ROUTED);
        assertThat(inbox("p-chair").notifications()).isEmpty();
    }

    @Test
    void theInboxPagesNewestFirstWithCursorsAndATotal() throws Exception {
        for (int i = 0; i < 5; i++) {
            apply(new RequestRaisedEvent("req-" + i, TRUST, "school-oak", Area.CURRICULUM, "Request " + i, "Why",
                    List.of("team-english"), false, "p-head", T0.plusSeconds(i)));
        }
        InboxPage first = queries.handle(new FindInboxQuery("p-member1", 2, null));
        assertThat(first.totalCount()).isEqualTo(5);
        assertThat(first.hasNextPage()).isTrue();
        assertThat(first.notifications()).extracting(NotificationView::subjectId).containsExactly("req-4", "req-3");
        InboxPage second = queries.handle(new FindInboxQuery("p-member1", 2, first.cursors().get(1)));
        assertThat(second.notifications()).extracting(NotificationView::subjectId).containsExactly("req-2", "req-1");
        InboxPage last = queries.handle(new FindInboxQuery("p-member1", 2, second.cursors().get(1)));
        assertThat(last.notifications()).extracting(NotificationView::subjectId).containsExactly("req-0");
        assertThat(last.hasNextPage()).isFalse();
    }

    @Test
    void aReplayRebuildsTheInboxButTellsNobodyAndQueuesNoMail() throws Exception {
        GlobalSequenceTrackingToken head = new GlobalSequenceTrackingToken(100);
        // as a processor hands out an event below the position it was reset at: the reset token advanced to it
        TrackingToken replaying = ((ReplayToken) ReplayToken.createReplayToken(head, new GlobalSequenceTrackingToken(1)))
                .advancedTo(new GlobalSequenceTrackingToken(2));
        assertThat(ReplayToken.isReplay(replaying)).isTrue();
        projection.handle(new GenericTrackedEventMessage<>(replaying,
                GenericEventMessage.asEventMessage(opened(T0.plus(Duration.ofDays(7))))));
        assertThat(inbox("p-member1").notifications()).extracting(NotificationView::kind)
                .containsExactly(NotificationKind.VOTE_OPENED);
        assertThat(live).isEmpty();
        assertThat(queries.handle(new FindNotificationsToMailQuery(10))).isEmpty();
    }

    @Test
    void eachNewNotificationWaitsInTheMailOutboxUntilDealtWith() throws Exception {
        apply(opened(T0.plus(Duration.ofDays(7))));
        assertThat(queries.handle(new FindNotificationsToMailQuery(10))).hasSize(3);
        new MailOutbox(store).dealtWith(Inbox.idOf(NotificationKind.VOTE_OPENED, "prop-1", "p-chair"));
        assertThat(queries.handle(new FindNotificationsToMailQuery(10))).extracting(NotificationView::personId)
                .containsExactlyInAnyOrder("p-member1", "p-member2");
    }

    @Test
    void mailTurnedOffEmptiesTheWholeOutboxAtOnce() throws Exception {
        apply(opened(T0.plus(Duration.ofDays(7))));
        assertThat(queries.handle(new FindNotificationsToMailQuery(10))).hasSize(3);
        new MailOutbox(store).dealtWithAll();
        assertThat(queries.handle(new FindNotificationsToMailQuery(10))).isEmpty();
        assertThat(queries.handle(new FindInboxQuery("p-chair", 10, null)).notifications())
                .as("the inbox itself keeps them").hasSize(1);
    }

    private void aStandard() {
        store.upsert(StandardDocument.class, "std-scr", new Update().set("trustId", TRUST).set("versions", List.of(
                new StandardDocument.VersionEntry(1, "Single central record checked", Area.SAFEGUARDING,
                        AlignmentLevel.REQUIRED, "Checked each term.", LocalDate.of(2025, 9, 1),
                        LocalDate.of(2026, 2, 1), "prop-0", "p-exec", T0, null, AttestationCadence.TERMLY))));
    }

    private static AttestationFellDueEvent attestationDue(LocalDate periodStart, LocalDate dueBy, String... heads) {
        return attestationDue("std-scr", periodStart, dueBy, heads);
    }

    private static AttestationFellDueEvent attestationDue(String standardId, LocalDate periodStart, LocalDate dueBy,
                                                          String... heads) {
        return new AttestationFellDueEvent(RecordAttestationDueCommand.idOf(TRUST, "school-oak", standardId,
                periodStart), TRUST, "school-oak", standardId, 1, AttestationCadence.TERMLY, periodStart, dueBy,
                List.of(heads), T0);
    }

    @Test
    void anAttestationDueTellsTheHeadsItNamesOncePerPeriodDueAtThePeriodsEnd() throws Exception {
        aStandard();
        LocalDate spring = LocalDate.of(2026, 1, 1);
        apply(attestationDue(spring, LocalDate.of(2026, 4, 14), "p-head-oak"));
        apply(attestationDue(spring, LocalDate.of(2026, 4, 14), "p-head-oak"));
        // another standard falling due in the same period is in the same notification: once a term, not per standard
        apply(attestationDue("std-other", spring, LocalDate.of(2026, 4, 14), "p-head-oak"));
        assertThat(inbox("p-head-oak").notifications()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.ATTESTATION_DUE);
            assertThat(n.subjectType()).isEqualTo("school");
            assertThat(n.subjectId()).isEqualTo("school-oak");
            assertThat(n.title()).isEqualTo("Oakwood owes its attestations for the period from 2026-01-01: attest by"
                    + " 2026-04-14 (the compliance page lists them, among them 'Single central record checked')");
            assertThat(n.dueAt()).isEqualTo(Instant.parse("2026-04-15T00:00:00Z"));
        });
        apply(attestationDue(LocalDate.of(2026, 4, 15), LocalDate.of(2026, 8, 31), "p-head-oak"));
        assertThat(inbox("p-head-oak").notifications()).hasSize(2);
        assertThat(inbox("p-member1").notifications()).isEmpty();
        assertThat(queries.handle(new FindNotificationsToMailQuery(10))).hasSize(2);
    }

    @Test
    void aReviewDueTellsWhoeverMayReaffirmOncePerReviewDate() throws Exception {
        aStandard();
        LocalDate due = LocalDate.of(2026, 2, 1);
        StandardReviewFellDueEvent fell = new StandardReviewFellDueEvent("std-scr", TRUST, 1, due,
                List.of("p-exec", "p-exec2"), T0);
        apply(fell, fell);
        for (String exec : List.of("p-exec", "p-exec2")) {
            assertThat(inbox(exec).notifications()).singleElement().satisfies(n -> {
                assertThat(n.kind()).isEqualTo(NotificationKind.REVIEW_DUE);
                assertThat(n.subjectId()).isEqualTo("std-scr");
                assertThat(n.title()).isEqualTo("Standard 'Single central record checked' is due for review by"
                        + " 2026-02-01: reaffirm it, or raise an amendment or retirement");
                assertThat(n.dueAt()).isEqualTo(Instant.parse("2026-02-02T00:00:00Z"));
            });
        }
        apply(new StandardReviewFellDueEvent("std-scr", TRUST, 1, due.plusYears(1), List.of("p-exec"), T0));
        assertThat(inbox("p-exec").notifications()).hasSize(2);
        assertThat(inbox("p-exec2").notifications()).hasSize(1);
        assertThat(inbox("p-head-oak").notifications()).isEmpty();
    }
}
