package org.accord.query.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.accord.api.proposal.ProposalKind;
import org.accord.api.review.FindReviewsDueQuery;
import org.accord.api.review.FindReviewsFallenDueQuery;
import org.accord.api.review.StandardReviewFellDueEvent;
import org.accord.api.review.FindStandardReviewsQuery;
import org.accord.api.review.ReviewOutcome;
import org.accord.api.review.ReviewProposalRaisedEvent;
import org.accord.api.review.ReviewsDueView;
import org.accord.api.review.StandardReaffirmedEvent;
import org.accord.api.review.StandardReviewDue;
import org.accord.api.review.StandardReviewsView;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Area;
import org.accord.api.standard.StandardRetiredEvent;
import org.accord.api.standard.StandardVersionAdoptedEvent;
import org.accord.api.variation.ExceptionRequestedEvent;
import org.accord.api.variation.ImplementationRecordedEvent;
import org.accord.api.variation.VariationView;
import org.accord.api.variation.VariationWithdrawnEvent;
import org.accord.query.ReadModelMongo;
import org.accord.query.runtime.mongodb.MongoReadModelStore;
import org.accord.query.standard.StandardProjection;
import org.accord.query.variation.VariationProjection;
import org.accord.query.variation.VariationQueries;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

class ReviewProjectionTest {

    private static final String TRUST = "trust-1";
    private static final String OTHER_TRUST = "trust-2";
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 2);

    private MongoServer server;
    private MongoClient client;
    private List<AnnotationEventHandlerAdapter> projections;
    private ReviewQueries queries;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        MongoReadModelStore store = new MongoReadModelStore(ReadModelMongo.template(client, "test"));
        projections = List.of(new AnnotationEventHandlerAdapter(new StandardProjection(store)),
                new AnnotationEventHandlerAdapter(new VariationProjection(store)),
                new AnnotationEventHandlerAdapter(new StandardReviewProjection(store)));
        queries = new ReviewQueries(store, new VariationQueries(store));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private void apply(Object... events) throws Exception {
        for (Object event : events) {
            for (AnnotationEventHandlerAdapter projection : projections) {
                projection.handle(GenericEventMessage.asEventMessage(event));
            }
        }
    }

    private static StandardVersionAdoptedEvent adopted(String trustId, String standardId, int version, String title,
                                                       LocalDate reviewBy) {
        return new StandardVersionAdoptedEvent(standardId, trustId, version, title, Area.BEHAVIOUR,
                AlignmentLevel.ADAPTABLE, title + ", as written.", LocalDate.of(2025, 9, 1), reviewBy,
                "proposal-" + standardId + "-" + version, "p-exec", T0);
    }

    private ReviewsDueView due(int within) {
        return queries.handle(new FindReviewsDueQuery(TRUST, AS_OF, within));
    }

    @Test
    void standardsDueWithinTheWindowAndOverdueAreListedEarliestFirstAndNoOthers() throws Exception {
        apply(adopted(TRUST, "s-overdue", 1, "Overdue", LocalDate.of(2026, 2, 1)),
                adopted(TRUST, "s-soon", 1, "Soon", LocalDate.of(2026, 3, 20)),
                adopted(TRUST, "s-later", 1, "Later", LocalDate.of(2026, 6, 1)),
                adopted(TRUST, "s-never", 1, "Never", null),
                adopted(OTHER_TRUST, "s-other", 1, "Other trust's", LocalDate.of(2026, 1, 1)));
        List<StandardReviewDue> standards = due(30).standards();
        assertThat(standards).extracting(StandardReviewDue::standardId).containsExactly("s-overdue", "s-soon");
        assertThat(standards).extracting(StandardReviewDue::overdue).containsExactly(true, false);
        assertThat(due(30).until()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(due(0).standards()).extracting(StandardReviewDue::standardId).containsExactly("s-overdue");
    }

    @Test
    void aStandardIsDueByItsLatestVersionsDate() throws Exception {
        apply(adopted(TRUST, "s-1", 1, "First", LocalDate.of(2026, 2, 1)),
                adopted(TRUST, "s-1", 2, "Second", LocalDate.of(2027, 2, 1)));
        assertThat(due(30).standards()).isEmpty();
    }

    @Test
    void aReaffirmationMovesTheReviewDateAndIsKeptWithItsRationale() throws Exception {
        apply(adopted(TRUST, "s-1", 1, "Phones", LocalDate.of(2026, 2, 1)),
                new StandardReaffirmedEvent("s-1", TRUST, 1, "Works as written.", LocalDate.of(2026, 2, 1),
                        LocalDate.of(2027, 2, 1), "p-exec", T0.plusSeconds(60)));
        assertThat(due(30).standards()).isEmpty();
        StandardReviewsView reviews = queries.handle(new FindStandardReviewsQuery("s-1"));
        assertThat(reviews.nextReviewBy()).isEqualTo(LocalDate.of(2027, 2, 1));
        assertThat(reviews.reviews()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(ReviewOutcome.REAFFIRMED);
            assertThat(r.rationale()).isEqualTo("Works as written.");
            assertThat(r.dueOn()).isEqualTo(LocalDate.of(2026, 2, 1));
            assertThat(r.reviewedBy()).isEqualTo("p-exec");
        });
    }

    @Test
    void aReaffirmationOfAnEarlierVersionDoesNotMoveTheNewVersionsDate() throws Exception {
        apply(adopted(TRUST, "s-1", 1, "Phones", LocalDate.of(2026, 2, 1)),
                new StandardReaffirmedEvent("s-1", TRUST, 1, "Works.", null, LocalDate.of(2028, 1, 1), "p-exec",
                        T0.plusSeconds(60)),
                adopted(TRUST, "s-1", 2, "Phones v2", LocalDate.of(2026, 3, 10)));
        assertThat(due(30).standards()).extracting(StandardReviewDue::reviewBy)
                .containsExactly(LocalDate.of(2026, 3, 10));
    }

    @Test
    void aProposalRaisedFromTheReviewShowsItInHandAndTheStandardStaysDue() throws Exception {
        apply(adopted(TRUST, "s-1", 1, "Phones", LocalDate.of(2026, 2, 1)),
                new ReviewProposalRaisedEvent("s-1", TRUST, 1, "proposal-2", "team-1", ProposalKind.RETIRE_STANDARD,
                        LocalDate.of(2026, 2, 1), "p-member", T0.plusSeconds(60)));
        assertThat(due(30).standards()).singleElement()
                .satisfies(d -> assertThat(d.openProposalIds()).containsExactly("proposal-2"));
        assertThat(queries.handle(new FindStandardReviewsQuery("s-1")).reviews()).singleElement()
                .satisfies(r -> {
                    assertThat(r.outcome()).isEqualTo(ReviewOutcome.RETIREMENT_PROPOSED);
                    assertThat(r.proposalId()).isEqualTo("proposal-2");
                    assertThat(r.teamId()).isEqualTo("team-1");
                });
    }

    @Test
    void aRedeliveredReviewIsKeptOnce() throws Exception {
        StandardReaffirmedEvent reaffirmed = new StandardReaffirmedEvent("s-1", TRUST, 1, "Works.", null,
                LocalDate.of(2027, 1, 1), "p-exec", T0);
        apply(adopted(TRUST, "s-1", 1, "Phones", null), reaffirmed, reaffirmed);
        assertThat(queries.handle(new FindStandardReviewsQuery("s-1")).reviews()).hasSize(1);
    }

    @Test
    void aRetiredStandardIsNotDueAndHasNoNextReview() throws Exception {
        apply(adopted(TRUST, "s-1", 1, "Phones", LocalDate.of(2026, 2, 1)),
                new StandardRetiredEvent("s-1", TRUST, LocalDate.of(2026, 4, 1), "proposal-2", "p-exec", T0));
        assertThat(due(30).standards()).isEmpty();
        assertThat(queries.handle(new FindStandardReviewsQuery("s-1")).nextReviewBy()).isNull();
    }

    @Test
    void openVariationsOfTheTrustEndingWithinTheWindowAreListedEarliestFirst() throws Exception {
        apply(adopted(TRUST, "s-1", 1, "Phones", null),
                adopted(OTHER_TRUST, "s-2", 1, "Other", null),
                new ImplementationRecordedEvent("v-later", "s-1", TRUST, "school-a", 1, "Lockers", "Why",
                        LocalDate.of(2026, 3, 25), "p-head", T0),
                new ExceptionRequestedEvent("v-soon", "s-1", TRUST, "school-b", 1, "None", "Why",
                        LocalDate.of(2026, 3, 5), "p-head-b", T0),
                new ImplementationRecordedEvent("v-outside", "s-1", TRUST, "school-c", 1, "Lockers", "Why",
                        LocalDate.of(2026, 9, 1), "p-head-c", T0),
                new ImplementationRecordedEvent("v-withdrawn", "s-1", TRUST, "school-d", 1, "Lockers", "Why",
                        LocalDate.of(2026, 3, 10), "p-head-d", T0),
                new VariationWithdrawnEvent("v-withdrawn", "s-1", TRUST, "school-d", "No longer", "p-head-d", T0),
                new ImplementationRecordedEvent("v-other", "s-2", OTHER_TRUST, "school-x", 1, "Lockers", "Why",
                        LocalDate.of(2026, 3, 10), "p-head-x", T0));
        assertThat(due(30).variations()).extracting(VariationView::id).containsExactly("v-soon", "v-later");
    }

    @Test
    void aReviewFallsDueAcrossTrustsWithinThirtyDaysUntilItsDateIsRecordedAsDue() throws Exception {
        apply(adopted(TRUST, "s-overdue", 1, "Overdue", LocalDate.of(2026, 2, 1)),
                adopted(TRUST, "s-soon", 1, "Soon", LocalDate.of(2026, 3, 20)),
                adopted(TRUST, "s-later", 1, "Later", LocalDate.of(2026, 6, 1)),
                adopted(OTHER_TRUST, "s-other", 1, "Other trust's", LocalDate.of(2026, 1, 1)));
        assertThat(queries.handle(new FindReviewsFallenDueQuery(AS_OF)))
                .containsExactlyInAnyOrder("s-overdue", "s-soon", "s-other");
        apply(new StandardReviewFellDueEvent("s-overdue", TRUST, 1, LocalDate.of(2026, 2, 1), List.of("p-exec"), T0));
        assertThat(queries.handle(new FindReviewsFallenDueQuery(AS_OF)))
                .containsExactlyInAnyOrder("s-soon", "s-other");
        // reaffirmed: the next date falls due in its turn, thirty days before it
        apply(new StandardReaffirmedEvent("s-overdue", TRUST, 1, "Works.", LocalDate.of(2026, 2, 1),
                LocalDate.of(2027, 2, 1), "p-exec", T0));
        assertThat(queries.handle(new FindReviewsFallenDueQuery(LocalDate.of(2027, 1, 1)))).doesNotContain("s-overdue");
        assertThat(queries.handle(new FindReviewsFallenDueQuery(LocalDate.of(2027, 1, 2)))).contains("s-overdue");
    }
}
