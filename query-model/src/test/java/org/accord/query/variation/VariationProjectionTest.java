package org.accord.query.variation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.accord.api.shared.DomainException;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Area;
import org.accord.api.standard.StandardRetiredEvent;
import org.accord.api.standard.StandardVersionAdoptedEvent;
import org.accord.api.variation.DueVariation;
import org.accord.api.variation.ExceptionApprovedEvent;
import org.accord.api.variation.ExceptionDeclinedEvent;
import org.accord.api.variation.ExceptionRequestedEvent;
import org.accord.api.variation.FindVariationQuery;
import org.accord.api.variation.FindVariationsDueQuery;
import org.accord.api.variation.FindVariationsQuery;
import org.accord.api.variation.ImplementationRecordedEvent;
import org.accord.api.variation.VariationExpiredEvent;
import org.accord.api.variation.VariationKind;
import org.accord.api.variation.VariationPage;
import org.accord.api.variation.VariationReaffirmedEvent;
import org.accord.api.variation.VariationRevokedEvent;
import org.accord.api.variation.VariationStatus;
import org.accord.api.variation.VariationView;
import org.accord.api.variation.VariationWithdrawnEvent;
import org.accord.query.ReadModelMongo;
import org.accord.query.runtime.mongodb.MongoReadModelStore;
import org.accord.query.shared.ReadModelStore;
import org.accord.query.standard.StandardProjection;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

class VariationProjectionTest {

    private static final String TRUST = "trust-1";
    private static final String OTHER_TRUST = "trust-2";
    private static final String ASH = "school-ash";
    private static final String BIRCH = "school-birch";
    private static final String ELM = "school-elm";
    private static final String EXECUTIVE = "person-exec";
    private static final String CHAIR = "person-chair";

    private static final String VISITORS = "standard-visitors";
    private static final String HOMEWORK = "standard-homework";
    private static final String PHONES = "standard-phones";

    private MongoServer server;
    private MongoClient client;

    @BeforeEach
    void startMongo() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    @AfterEach
    void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aRecordedImplementationIsFoundWithItsPinnedVersionReviewDateAndOneChangeFromTheDayItWasRecorded() {
        ReadModel model = readModel("test");
        model.apply(adopted(HOMEWORK, 1, AlignmentLevel.ADAPTABLE, "2027-02-01", "2027-01-04T09:00:00Z"));
        // late in the UTC day, so a day taken in any zone east of UTC would be the next one
        ImplementationRecordedEvent recording = new ImplementationRecordedEvent("var-1", HOMEWORK, TRUST, ASH, 1,
                "Homework club after school", "Our pupils have no quiet space at home", LocalDate.parse("2028-01-31"),
                head(ASH), Instant.parse("2027-02-10T23:30:00Z"));
        model.apply(recording);

        assertThat(model.variation("var-1")).isEqualTo(new VariationView("var-1", TRUST, ASH, HOMEWORK,
                VariationKind.IMPLEMENTATION, VariationStatus.RECORDED, 1, false, "Homework club after school",
                "Our pupils have no quiet space at home", LocalDate.parse("2028-01-31"), null,
                List.of(new VariationView.Change("RECORDED", VariationStatus.RECORDED, 1, recording.recordedAt(),
                        LocalDate.parse("2027-02-10"), head(ASH), null))));
        assertThat(model.variation("var-1").reviewBy()).isEqualTo(LocalDate.parse("2028-01-31"));
        assertThat(model.variation("var-1").expiresOn()).isNull();

        // stored as calendar dates, as the application's conversions store them, not as instants
        Document raw = model.raw("variations", "var-1");
        assertThat(raw.get("until")).isEqualTo("2028-01-31");
        assertThat(raw.getList("history", Document.class).get(0).get("effectiveOn")).isEqualTo("2027-02-10");

        assertThat(model.queries.handle(new FindVariationQuery("var-unknown"))).isNull();
    }

    @Test
    void anApprovedExceptionNamesItsApproverAsDeciderAndKeepsTheRequestBeforeTheApprovalInItsHistory() {
        ReadModel model = readModel("test");
        model.apply(adopted(VISITORS, 1, AlignmentLevel.REQUIRED, "2027-02-01", "2027-01-04T09:00:00Z"));
        ExceptionRequestedEvent request = requested("var-1", BIRCH, VISITORS, 1, "2027-12-31",
                "2027-02-10T10:00:00Z");
        model.apply(request);

        VariationView requested = model.variation("var-1");
        assertThat(requested.kind()).isEqualTo(VariationKind.EXCEPTION);
        assertThat(requested.status()).isEqualTo(VariationStatus.REQUESTED);
        assertThat(requested.expiresOn()).isEqualTo(LocalDate.parse("2027-12-31"));
        assertThat(requested.reviewBy()).isNull();
        assertThat(requested.decidedBy()).isNull();

        ExceptionApprovedEvent approval = new ExceptionApprovedEvent("var-1", VISITORS, TRUST, BIRCH,
                "for this building work only", EXECUTIVE, Instant.parse("2027-02-15T14:00:00Z"));
        model.apply(approval);

        VariationView approved = model.variation("var-1");
        assertThat(approved.status()).isEqualTo(VariationStatus.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo(EXECUTIVE);
        // an approval approves what was asked: version, justification and date stay the request's
        assertThat(approved.version()).isEqualTo(1);
        assertThat(approved.justification()).isEqualTo(request.justification());
        assertThat(approved.expiresOn()).isEqualTo(LocalDate.parse("2027-12-31"));
        assertThat(approved.history()).containsExactly(
                new VariationView.Change("REQUESTED", VariationStatus.REQUESTED, 1, request.requestedAt(),
                        LocalDate.parse("2027-02-10"), head(BIRCH), null),
                new VariationView.Change("APPROVED", VariationStatus.APPROVED, 1, approval.approvedAt(),
                        LocalDate.parse("2027-02-15"), EXECUTIVE, "for this building work only"));
    }

    @Test
    void aDeclinedExceptionNamesWhoDeclinedItAndKeepsTheReasonAsItsNote() {
        ReadModel model = readModel("test");
        model.apply(adopted(VISITORS, 1, AlignmentLevel.REQUIRED, "2027-02-01", "2027-01-04T09:00:00Z"));
        model.apply(requested("var-1", BIRCH, VISITORS, 1, "2027-12-31", "2027-02-10T10:00:00Z"));
        ExceptionDeclinedEvent refusal = new ExceptionDeclinedEvent("var-1", VISITORS, TRUST, BIRCH,
                "every school can staff reception", CHAIR, Instant.parse("2027-02-16T11:00:00Z"));
        model.apply(refusal);

        VariationView declined = model.variation("var-1");
        assertThat(declined.status()).isEqualTo(VariationStatus.DECLINED);
        assertThat(declined.decidedBy()).isEqualTo(CHAIR);
        assertThat(declined.needsRejustification()).isFalse();
        assertThat(declined.history()).extracting(VariationView.Change::type).containsExactly("REQUESTED",
                "DECLINED");
        assertThat(declined.history().get(1)).isEqualTo(new VariationView.Change("DECLINED",
                VariationStatus.DECLINED, 1, refusal.declinedAt(), LocalDate.parse("2027-02-16"), CHAIR,
                "every school can staff reception"));
    }

    @Test
    void aRevokedVariationNamesItsRevokerAsDeciderWhileAWithdrawnOrExpiredOneNamesNoDecider() {
        ReadModel model = readModel("test");
        model.apply(adopted(VISITORS, 1, AlignmentLevel.REQUIRED, "2027-02-01", "2027-01-04T09:00:00Z"));
        model.apply(adopted(HOMEWORK, 1, AlignmentLevel.ADAPTABLE, "2027-02-01", "2027-01-04T10:00:00Z"));
        model.apply(recorded("var-withdrawn", ASH, HOMEWORK, 1, "2028-01-31", "2027-02-10T10:00:00Z"));
        model.apply(requested("var-revoked", BIRCH, VISITORS, 1, "2027-12-31", "2027-02-10T11:00:00Z"));
        model.apply(approved("var-revoked", BIRCH, VISITORS, "2027-02-15T14:00:00Z"));
        model.apply(recorded("var-expired", BIRCH, HOMEWORK, 1, "2027-09-01", "2027-02-11T10:00:00Z"));

        VariationWithdrawnEvent withdrawal = new VariationWithdrawnEvent("var-withdrawn", HOMEWORK, TRUST, ASH,
                "we follow the trust's model now", head(ASH), Instant.parse("2027-05-10T15:00:00Z"));
        VariationRevokedEvent revocation = new VariationRevokedEvent("var-revoked", VISITORS, TRUST, BIRCH,
                "the building work is done", CHAIR, Instant.parse("2027-05-20T08:00:00Z"));
        VariationExpiredEvent expiry = new VariationExpiredEvent("var-expired", HOMEWORK, TRUST, BIRCH,
                LocalDate.parse("2027-09-01"), "review date reached", Instant.parse("2027-09-04T06:00:00Z"));
        model.apply(withdrawal);
        model.apply(revocation);
        model.apply(expiry);

        VariationView withdrawn = model.variation("var-withdrawn");
        assertThat(withdrawn.status()).isEqualTo(VariationStatus.WITHDRAWN);
        // a school taking back its own variation decides nothing for the trust
        assertThat(withdrawn.decidedBy()).isNull();
        assertThat(withdrawn.history()).containsExactly(withdrawn.history().get(0),
                new VariationView.Change("WITHDRAWN", VariationStatus.WITHDRAWN, 1, withdrawal.withdrawnAt(),
                        LocalDate.parse("2027-05-10"), head(ASH), "we follow the trust's model now"));

        VariationView revoked = model.variation("var-revoked");
        assertThat(revoked.status()).isEqualTo(VariationStatus.REVOKED);
        // the latest decision is the one named, not the approval before it
        assertThat(revoked.decidedBy()).isEqualTo(CHAIR);
        assertThat(revoked.history()).extracting(VariationView.Change::type)
                .containsExactly("REQUESTED", "APPROVED", "REVOKED");
        assertThat(revoked.history().get(2)).isEqualTo(new VariationView.Change("REVOKED", VariationStatus.REVOKED,
                1, revocation.revokedAt(), LocalDate.parse("2027-05-20"), CHAIR, "the building work is done"));

        VariationView expired = model.variation("var-expired");
        assertThat(expired.status()).isEqualTo(VariationStatus.EXPIRED);
        assertThat(expired.decidedBy()).isNull();
        // recorded days late, it still counts from the date that came: record time and valid time both kept
        assertThat(expired.history().get(1)).isEqualTo(new VariationView.Change("EXPIRED", VariationStatus.EXPIRED,
                1, expiry.recordedAt(), LocalDate.parse("2027-09-01"), null, "review date reached"));
    }

    @Test
    void anAmendmentMarksOpenVariationsPinnedToTheOldVersionAndReaffirmingPinsThemToTheNewOne() {
        ReadModel model = readModel("test");
        model.apply(adopted(HOMEWORK, 1, AlignmentLevel.ADAPTABLE, "2027-02-01", "2027-01-04T09:00:00Z"));
        model.apply(adopted(VISITORS, 1, AlignmentLevel.REQUIRED, "2027-02-01", "2027-01-04T10:00:00Z"));
        model.apply(recorded("var-implementation", ASH, HOMEWORK, 1, "2028-01-31", "2027-02-10T10:00:00Z"));
        model.apply(requested("var-exception", BIRCH, VISITORS, 1, "2027-12-31", "2027-02-10T11:00:00Z"));
        model.apply(approved("var-exception", BIRCH, VISITORS, "2027-02-15T14:00:00Z"));
        model.apply(recorded("var-closed", BIRCH, HOMEWORK, 1, "2028-01-31", "2027-02-11T10:00:00Z"));
        model.apply(withdrawn("var-closed", BIRCH, HOMEWORK, "2027-02-20T10:00:00Z"));

        assertThat(model.views("var-implementation", "var-exception", "var-closed"))
                .extracting(VariationView::needsRejustification).containsExactly(false, false, false);

        // adopted for a later date, the amendment already asks schools to look at their variations again
        model.apply(adopted(HOMEWORK, 2, AlignmentLevel.ADAPTABLE, "2027-06-01", "2027-03-01T09:00:00Z"));
        model.apply(adopted(VISITORS, 2, AlignmentLevel.REQUIRED, "2027-06-01", "2027-03-01T10:00:00Z"));

        assertThat(model.views("var-implementation", "var-exception", "var-closed"))
                .extracting(VariationView::needsRejustification).containsExactly(true, true, false);

        VariationReaffirmedEvent implementation = reaffirmed("var-implementation", ASH, HOMEWORK, 2, "2028-05-31",
                "Still right under version 2", "2027-03-10T10:00:00Z");
        VariationReaffirmedEvent exception = reaffirmed("var-exception", BIRCH, VISITORS, 2, "2028-03-31",
                "Still needed under version 2", "2027-03-11T10:00:00Z");
        model.apply(implementation);
        model.apply(exception);

        VariationView reaffirmedImplementation = model.variation("var-implementation");
        assertThat(reaffirmedImplementation.status()).isEqualTo(VariationStatus.RECORDED);
        assertThat(reaffirmedImplementation.version()).isEqualTo(2);
        assertThat(reaffirmedImplementation.needsRejustification()).isFalse();
        assertThat(reaffirmedImplementation.justification()).isEqualTo("Still right under version 2");
        assertThat(reaffirmedImplementation.reviewBy()).isEqualTo(LocalDate.parse("2028-05-31"));
        assertThat(reaffirmedImplementation.history()).containsExactly(
                reaffirmedImplementation.history().get(0),
                new VariationView.Change("REAFFIRMED", VariationStatus.RECORDED, 2, implementation.reaffirmedAt(),
                        LocalDate.parse("2027-03-10"), head(ASH), null));

        VariationView reaffirmedException = model.variation("var-exception");
        // the trust approved a departure from the text it saw, so the exception waits for approval again
        assertThat(reaffirmedException.status()).isEqualTo(VariationStatus.REQUESTED);
        assertThat(reaffirmedException.version()).isEqualTo(2);
        assertThat(reaffirmedException.needsRejustification()).isFalse();
        assertThat(reaffirmedException.expiresOn()).isEqualTo(LocalDate.parse("2028-03-31"));
        assertThat(reaffirmedException.history()).extracting(VariationView.Change::type, VariationView.Change::status,
                VariationView.Change::version).containsExactly(
                tuple("REQUESTED", VariationStatus.REQUESTED, 1),
                tuple("APPROVED", VariationStatus.APPROVED, 1),
                tuple("REAFFIRMED", VariationStatus.REQUESTED, 2));
        // the last decision made stays on record until another is made
        assertThat(reaffirmedException.decidedBy()).isEqualTo(EXECUTIVE);
    }

    @Test
    void aTrustsVariationsAreListedInTheOrderMadeAndNarrowedBySchoolStandardAndStatus() {
        ReadModel model = readModel("test");
        model.apply(recorded("var-1", ASH, HOMEWORK, 1, "2028-01-31", "2027-02-10T10:00:00Z"));
        model.apply(requested("var-2", BIRCH, VISITORS, 1, "2027-12-31", "2027-02-10T11:00:00Z"));
        model.apply(new ImplementationRecordedEvent("var-other", "standard-elsewhere", OTHER_TRUST, ELM, 1,
                "Elsewhere", "Another trust", null, "person-elsewhere", Instant.parse("2027-02-10T12:00:00Z")));
        model.apply(recorded("var-3", BIRCH, HOMEWORK, 1, "2028-01-31", "2027-02-11T10:00:00Z"));
        model.apply(requested("var-4", ASH, VISITORS, 1, "2027-12-31", "2027-02-11T11:00:00Z"));
        // changed in another order than made, so the list cannot just be following the latest change
        model.apply(withdrawn("var-3", BIRCH, HOMEWORK, "2027-02-12T10:00:00Z"));
        model.apply(approved("var-2", BIRCH, VISITORS, "2027-02-13T10:00:00Z"));

        assertThat(ids(model.page(TRUST, null, null, null, 10, null)))
                .containsExactly("var-1", "var-2", "var-3", "var-4");
        assertThat(ids(model.page(TRUST, ASH, null, null, 10, null))).containsExactly("var-1", "var-4");
        assertThat(ids(model.page(TRUST, null, HOMEWORK, null, 10, null))).containsExactly("var-1", "var-3");
        assertThat(ids(model.page(TRUST, null, null, VariationStatus.APPROVED, 10, null))).containsExactly("var-2");
        assertThat(ids(model.page(TRUST, null, null, VariationStatus.REQUESTED, 10, null)))
                .containsExactly("var-4");
        assertThat(ids(model.page(TRUST, null, null, VariationStatus.WITHDRAWN, 10, null)))
                .containsExactly("var-3");
        assertThat(ids(model.page(TRUST, null, null, VariationStatus.RECORDED, 10, null))).containsExactly("var-1");
        assertThat(ids(model.page(TRUST, null, null, VariationStatus.DECLINED, 10, null))).isEmpty();
        assertThat(ids(model.page(TRUST, BIRCH, HOMEWORK, null, 10, null))).containsExactly("var-3");
        assertThat(ids(model.page(TRUST, BIRCH, VISITORS, VariationStatus.APPROVED, 10, null)))
                .containsExactly("var-2");
        assertThat(ids(model.page(TRUST, ASH, VISITORS, VariationStatus.APPROVED, 10, null))).isEmpty();
        assertThat(ids(model.page(OTHER_TRUST, null, null, null, 10, null))).containsExactly("var-other");
        assertThat(model.page("trust-unknown", null, null, null, 10, null))
                .isEqualTo(new VariationPage(List.of(), List.of(), false));

        // a page carries whole variations, so a client listing them needs no query per variation
        assertThat(model.page(TRUST, null, HOMEWORK, null, 10, null).variations())
                .containsExactly(model.variation("var-1"), model.variation("var-3"));
    }

    @Test
    void pagesFollowEachOtherByCursorWithoutRepeatsOrGapsWhileVariationsAreMadeAndChangedBetweenPages() {
        ReadModel model = readModel("test");
        for (int i = 1; i <= 5; i++) {
            model.apply(recorded("var-" + i, i % 2 == 0 ? BIRCH : ASH, "standard-" + i, 1, "2028-01-31",
                    "2027-02-1" + i + "T10:00:00Z"));
        }

        VariationPage first = model.page(TRUST, null, null, null, 2, null);
        assertThat(ids(first)).containsExactly("var-1", "var-2");
        assertThat(first.hasNextPage()).isTrue();
        assertThat(first.cursors()).hasSize(2).doesNotHaveDuplicates().doesNotContainNull();

        // made and changed after the first page was read: new ones go to the end and no cursor moves
        model.apply(recorded("var-6", BIRCH, "standard-6", 1, "2028-01-31", "2027-03-01T10:00:00Z"));
        model.apply(recorded("var-7", ASH, "standard-7", 1, "2028-01-31", "2027-03-02T10:00:00Z"));
        model.apply(withdrawn("var-1", ASH, "standard-1", "2027-03-03T10:00:00Z"));
        model.apply(withdrawn("var-4", BIRCH, "standard-4", "2027-03-03T11:00:00Z"));

        VariationPage second = model.page(TRUST, null, null, null, 2, last(first.cursors()));
        assertThat(ids(second)).containsExactly("var-3", "var-4");
        assertThat(second.hasNextPage()).isTrue();
        VariationPage third = model.page(TRUST, null, null, null, 2, last(second.cursors()));
        assertThat(ids(third)).containsExactly("var-5", "var-6");
        assertThat(third.hasNextPage()).isTrue();
        VariationPage fourth = model.page(TRUST, null, null, null, 2, last(third.cursors()));
        assertThat(ids(fourth)).containsExactly("var-7");
        assertThat(fourth.hasNextPage()).isFalse();

        // every cursor is a position: a client may resume after any variation it has seen
        assertThat(ids(model.page(TRUST, null, null, null, 2, second.cursors().get(0))))
                .containsExactly("var-4", "var-5");
        List<String> allCursors = new ArrayList<>();
        List.of(first, second, third, fourth).forEach(page -> allCursors.addAll(page.cursors()));
        assertThat(allCursors).hasSize(7).doesNotHaveDuplicates();

        // narrowed, a page ends exactly at the last match rather than promising an empty one
        List<String> walked = new ArrayList<>();
        List<Boolean> hasNext = new ArrayList<>();
        String after = null;
        do {
            VariationPage page = model.page(TRUST, ASH, null, VariationStatus.RECORDED, 1, after);
            walked.addAll(ids(page));
            hasNext.add(page.hasNextPage());
            after = page.hasNextPage() ? last(page.cursors()) : null;
        } while (after != null);
        assertThat(walked).containsExactly("var-3", "var-5", "var-7");
        assertThat(hasNext).containsExactly(true, true, false);
    }

    @Test
    void aCursorThatWasNotHandedOutIsRefusedAsABadRequest() {
        ReadModel model = readModel("test");
        model.apply(recorded("var-1", ASH, HOMEWORK, 1, "2028-01-31", "2027-02-10T10:00:00Z"));
        model.apply(recorded("var-2", BIRCH, HOMEWORK, 1, "2028-01-31", "2027-02-10T11:00:00Z"));

        // a proposal list's cursor is well formed, but a position in another list
        for (String malformed : List.of("not a cursor!", "%%%", encoded("proposal:0"), encoded("variation:"),
                encoded("variation:one"), encoded("variation:-1"))) {
            assertThatThrownBy(() -> model.page(TRUST, null, null, null, 2, malformed))
                    .as("cursor '%s'", malformed)
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.BAD_REQUEST));
        }
        assertThat(ids(model.page(TRUST, null, null, null, 2, encoded("variation:0")))).containsExactly("var-2");
    }

    @Test
    void openVariationsAreDueFromTheirReviewOrExpiryDateUntilTheyAreWithdrawnExpiredOrDeclined() {
        ReadModel model = readModel("test");
        model.apply(recorded("var-review", ASH, HOMEWORK, 1, "2027-09-01", "2027-02-10T10:00:00Z"));
        model.apply(requested("var-requested", BIRCH, VISITORS, 1, "2027-06-30", "2027-02-10T11:00:00Z"));
        model.apply(new ImplementationRecordedEvent("var-undated", HOMEWORK, TRUST, BIRCH, 1, "No review date",
                "Reviewed with the curriculum", null, head(BIRCH), Instant.parse("2027-02-10T12:00:00Z")));
        model.apply(requested("var-approved", ASH, VISITORS, 1, "2027-08-01", "2027-02-10T13:00:00Z"));
        model.apply(approved("var-approved", ASH, VISITORS, "2027-02-15T10:00:00Z"));
        model.apply(requested("var-declined", ASH, PHONES, 1, "2027-07-15", "2027-02-10T14:00:00Z"));

        assertThat(model.due("2027-06-29")).isEmpty();
        assertThat(model.due("2027-06-30")).containsExactly(new DueVariation(VISITORS, "var-requested"));
        // soonest first; an approved exception stays due, one without a date never is
        assertThat(model.due("2027-09-01")).containsExactly(
                new DueVariation(VISITORS, "var-requested"),
                new DueVariation(PHONES, "var-declined"),
                new DueVariation(VISITORS, "var-approved"),
                new DueVariation(HOMEWORK, "var-review"));

        model.apply(new ExceptionDeclinedEvent("var-declined", PHONES, TRUST, ASH, "not justified", EXECUTIVE,
                Instant.parse("2027-02-20T10:00:00Z")));
        model.apply(withdrawn("var-requested", BIRCH, VISITORS, "2027-02-21T10:00:00Z"));
        model.apply(new VariationExpiredEvent("var-review", HOMEWORK, TRUST, ASH, LocalDate.parse("2027-09-01"),
                "review date reached", Instant.parse("2027-09-02T06:00:00Z")));

        assertThat(model.due("2027-09-01")).containsExactly(new DueVariation(VISITORS, "var-approved"));

        // a renewed date replaces the old one rather than adding to it
        model.apply(reaffirmed("var-approved", ASH, VISITORS, 1, "2028-08-01", "Still needed",
                "2027-07-20T10:00:00Z"));
        assertThat(model.due("2027-09-01")).isEmpty();
        assertThat(model.due("2028-08-01")).containsExactly(new DueVariation(VISITORS, "var-approved"));
        assertThat(model.due("2030-01-01")).containsExactly(new DueVariation(VISITORS, "var-approved"));
    }

    @Test
    void redeliveringTheEventsAgainFromAnyPointLeavesEveryDocumentExactlyAsItWas() {
        // a realistic life of a backbone's variations: every kind of change, an approval that takes its version and
        // date from the state before it (twice, around a reaffirmation), and a retirement
        List<Delivery> stream = deliveries(
                adopted(HOMEWORK, 1, AlignmentLevel.ADAPTABLE, "2027-02-01", "2027-01-04T09:00:00Z"),
                adopted(VISITORS, 1, AlignmentLevel.REQUIRED, "2027-02-01", "2027-01-04T10:00:00Z"),
                adopted(PHONES, 1, AlignmentLevel.ADAPTABLE, "2027-02-01", "2027-01-04T11:00:00Z"),
                recorded("var-1", ASH, HOMEWORK, 1, "2028-01-31", "2027-02-10T10:00:00Z"),
                requested("var-2", BIRCH, VISITORS, 1, "2027-12-31", "2027-02-10T11:00:00Z"),
                approved("var-2", BIRCH, VISITORS, "2027-02-15T14:00:00Z"),
                recorded("var-3", BIRCH, PHONES, 1, "2027-09-01", "2027-02-16T10:00:00Z"),
                requested("var-4", ASH, VISITORS, 1, "2027-11-30", "2027-02-17T10:00:00Z"),
                adopted(HOMEWORK, 2, AlignmentLevel.ADAPTABLE, "2027-06-01", "2027-03-01T09:00:00Z"),
                reaffirmed("var-1", ASH, HOMEWORK, 2, "2028-06-30", "Still right under version 2",
                        "2027-03-10T10:00:00Z"),
                adopted(VISITORS, 2, AlignmentLevel.REQUIRED, "2027-06-01", "2027-03-02T09:00:00Z"),
                reaffirmed("var-2", BIRCH, VISITORS, 2, "2028-03-31", "Still needed under version 2",
                        "2027-03-11T10:00:00Z"),
                withdrawn("var-4", ASH, VISITORS, "2027-03-12T10:00:00Z"),
                approved("var-2", BIRCH, VISITORS, "2027-03-20T14:00:00Z"),
                new VariationExpiredEvent("var-3", PHONES, TRUST, BIRCH, LocalDate.parse("2027-09-01"),
                        "review date reached", Instant.parse("2027-09-03T06:00:00Z")),
                requested("var-5", ASH, VISITORS, 2, "2028-03-31", "2027-09-10T10:00:00Z"),
                new ExceptionDeclinedEvent("var-5", VISITORS, TRUST, ASH, "not justified", EXECUTIVE,
                        Instant.parse("2027-09-12T10:00:00Z")),
                new StandardRetiredEvent(PHONES, TRUST, LocalDate.parse("2027-10-01"), "proposal-retire-phones",
                        EXECUTIVE, Instant.parse("2027-09-20T09:00:00Z")));
        String[] variationIds = {"var-1", "var-2", "var-3", "var-4", "var-5"};

        for (int k = 0; k < stream.size(); k++) {
            ReadModel model = readModel("redelivery-" + k);
            stream.forEach(model::apply);
            Map<String, List<Document>> before = model.rawDocuments();
            assertThat(before).containsOnlyKeys("standards", "trusts", "variations", "variation_counts",
                    "variation_dates");
            assertThat(before.values()).allSatisfy(documents -> assertThat(documents).isNotEmpty());
            List<VariationView> viewsBefore = model.views(variationIds);

            stream.subList(k, stream.size()).forEach(model::apply);

            assertThat(model.rawDocuments()).as("redelivered from event %d", k).isEqualTo(before);
            assertThat(model.views(variationIds)).as("redelivered from event %d", k).isEqualTo(viewsBefore);
            assertThat(model.variation("var-1").history()).as("redelivered from event %d", k)
                    .extracting(VariationView.Change::type).containsExactly("RECORDED", "REAFFIRMED");
            VariationView var2 = model.variation("var-2");
            assertThat(var2.history()).as("redelivered from event %d", k)
                    .extracting(VariationView.Change::type)
                    .containsExactly("REQUESTED", "APPROVED", "REAFFIRMED", "APPROVED");
            // the second approval approved version 2 until the renewed date, whatever was redelivered before it
            assertThat(var2.history()).extracting(VariationView.Change::version).containsExactly(1, 1, 2, 2);
            assertThat(var2.status()).isEqualTo(VariationStatus.APPROVED);
            assertThat(var2.expiresOn()).isEqualTo(LocalDate.parse("2028-03-31"));
            assertThat(model.variation("var-3").history()).extracting(VariationView.Change::type)
                    .containsExactly("RECORDED", "EXPIRED");
            assertThat(model.variation("var-4").history()).extracting(VariationView.Change::type)
                    .containsExactly("REQUESTED", "WITHDRAWN");
            assertThat(model.variation("var-5").history()).extracting(VariationView.Change::type)
                    .containsExactly("REQUESTED", "DECLINED");
            assertThat(ids(model.page(TRUST, null, null, null, 10, null))).as("redelivered from event %d", k)
                    .containsExactly(variationIds);
            assertThat(model.due("2030-01-01")).as("redelivered from event %d", k).containsExactly(
                    new DueVariation(VISITORS, "var-2"), new DueVariation(HOMEWORK, "var-1"));
        }
    }

    private static StandardVersionAdoptedEvent adopted(String standardId, int version, AlignmentLevel alignment,
                                                       String effectiveFrom, String adoptedAt) {
        LocalDate from = LocalDate.parse(effectiveFrom);
        return new StandardVersionAdoptedEvent(standardId, TRUST, version, "Title of " + standardId,
                Area.SAFEGUARDING, alignment, "Version " + version + " of " + standardId, from, from.plusYears(1),
                "proposal-" + standardId + "-" + version, EXECUTIVE, Instant.parse(adoptedAt));
    }

    private static ImplementationRecordedEvent recorded(String variationId, String schoolId, String standardId,
                                                        int version, String reviewBy, String at) {
        return new ImplementationRecordedEvent(variationId, standardId, TRUST, schoolId, version,
                "How " + schoolId + " meets " + standardId, "Recorded " + at, LocalDate.parse(reviewBy),
                head(schoolId), Instant.parse(at));
    }

    private static ExceptionRequestedEvent requested(String variationId, String schoolId, String standardId,
                                                     int version, String expiresOn, String at) {
        return new ExceptionRequestedEvent(variationId, standardId, TRUST, schoolId, version,
                "How " + schoolId + " departs from " + standardId, "Requested " + at, LocalDate.parse(expiresOn),
                head(schoolId), Instant.parse(at));
    }

    private static ExceptionApprovedEvent approved(String variationId, String schoolId, String standardId,
                                                   String at) {
        return new ExceptionApprovedEvent(variationId, standardId, TRUST, schoolId, "approved", EXECUTIVE,
                Instant.parse(at));
    }

    private static VariationReaffirmedEvent reaffirmed(String variationId, String schoolId, String standardId,
                                                       int version, String until, String justification,
                                                       String at) {
        return new VariationReaffirmedEvent(variationId, standardId, TRUST, schoolId, version, justification,
                LocalDate.parse(until), head(schoolId), Instant.parse(at));
    }

    private static VariationWithdrawnEvent withdrawn(String variationId, String schoolId, String standardId,
                                                     String at) {
        return new VariationWithdrawnEvent(variationId, standardId, TRUST, schoolId, "no longer needed",
                head(schoolId), Instant.parse(at));
    }

    private static String head(String schoolId) {
        return "person-head-of-" + schoolId;
    }

    /** Each event with the identifier it is stored under, which a redelivery gives it again. */
    private static List<Delivery> deliveries(Object... events) {
        List<Delivery> deliveries = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            deliveries.add(new Delivery(events[i], "evt-" + (i + 1)));
        }
        return deliveries;
    }

    private static List<String> ids(VariationPage page) {
        return page.variations().stream().map(VariationView::id).toList();
    }

    private static String last(List<String> cursors) {
        return cursors.get(cursors.size() - 1);
    }

    private static String encoded(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private ReadModel readModel(String database) {
        return new ReadModel(ReadModelMongo.template(client, database));
    }

    private record Delivery(Object event, String eventId) {
    }

    /** One database with the variation and standard projections and the queries over them. */
    private static final class ReadModel {

        private final MongoTemplate mongo;
        private final VariationProjection projection;
        private final AnnotationEventHandlerAdapter standards;
        private final VariationQueries queries;
        private int published;

        ReadModel(MongoTemplate mongo) {
            this.mongo = mongo;
            ReadModelStore store = new MongoReadModelStore(mongo);
            this.projection = new VariationProjection(store);
            // the standard projection lives in another package; the drift of a variation is read from its documents
            this.standards = new AnnotationEventHandlerAdapter(new StandardProjection(store));
            this.queries = new VariationQueries(store);
        }

        /** A newly published event, so one with an identifier of its own. */
        void apply(Object event) {
            apply(new Delivery(event, "new-evt-" + (++published)));
        }

        void apply(Delivery delivery) {
            Object event = delivery.event();
            String eventId = delivery.eventId();
            if (event instanceof ImplementationRecordedEvent e) {
                projection.on(e, eventId);
            } else if (event instanceof ExceptionRequestedEvent e) {
                projection.on(e, eventId);
            } else if (event instanceof ExceptionApprovedEvent e) {
                projection.on(e, eventId);
            } else if (event instanceof ExceptionDeclinedEvent e) {
                projection.on(e, eventId);
            } else if (event instanceof VariationReaffirmedEvent e) {
                projection.on(e, eventId);
            } else if (event instanceof VariationWithdrawnEvent e) {
                projection.on(e, eventId);
            } else if (event instanceof VariationRevokedEvent e) {
                projection.on(e, eventId);
            } else if (event instanceof VariationExpiredEvent e) {
                projection.on(e, eventId);
            } else if (event instanceof StandardVersionAdoptedEvent || event instanceof StandardRetiredEvent) {
                try {
                    standards.handle(new GenericEventMessage<>(
                            new GenericMessage<>(eventId, event, MetaData.emptyInstance()), Instant::now));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            } else {
                throw new IllegalArgumentException("not a standard or variation event: " + event);
            }
        }

        VariationView variation(String variationId) {
            VariationView view = queries.handle(new FindVariationQuery(variationId));
            assertThat(view).as("variation %s", variationId).isNotNull();
            return view;
        }

        List<VariationView> views(String... variationIds) {
            return Arrays.stream(variationIds).map(this::variation).toList();
        }

        VariationPage page(String trustId, String schoolId, String standardId, VariationStatus status, int first,
                           String after) {
            return queries.handle(new FindVariationsQuery(trustId, schoolId, standardId, status, first, after));
        }

        List<DueVariation> due(String today) {
            return queries.handle(new FindVariationsDueQuery(LocalDate.parse(today)));
        }

        Document raw(String collection, String id) {
            return mongo.getCollection(collection).find(new Document("_id", id)).first();
        }

        /** Every collection the projections wrote, each sorted by id (not the store's own generation bookkeeping). */
        Map<String, List<Document>> rawDocuments() {
            Map<String, List<Document>> documents = new TreeMap<>();
            for (String collection : mongo.getCollectionNames()) {
                if (collection.startsWith("read_model_")) {
                    continue;
                }
                List<Document> found = mongo.getCollection(collection).find().into(new ArrayList<>());
                found.sort(Comparator.comparing(d -> d.getString("_id")));
                documents.put(collection, found);
            }
            return documents;
        }
    }
}
