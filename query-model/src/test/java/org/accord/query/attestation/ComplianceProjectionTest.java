package org.accord.query.attestation;

import static org.accord.api.standard.AlignmentLevel.ADAPTABLE;
import static org.accord.api.standard.AlignmentLevel.GUIDANCE;
import static org.accord.api.standard.AlignmentLevel.REQUIRED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.accord.api.attestation.AttestationFallenDue;
import org.accord.api.attestation.AttestationFellDueEvent;
import org.accord.api.attestation.AttestationRecordedEvent;
import org.accord.api.attestation.FindAttestationsFallenDueQuery;
import org.accord.api.attestation.RecordAttestationDueCommand;
import org.accord.api.attestation.ComplianceEntryView;
import org.accord.api.attestation.CompliancePage;
import org.accord.api.attestation.ComplianceState;
import org.accord.api.attestation.FindAttestationQuery;
import org.accord.api.attestation.FindCompliancePageQuery;
import org.accord.api.attestation.FindComplianceQuery;
import org.accord.api.attestation.QaFindingRecordedEvent;
import org.accord.api.attestation.QaOutcome;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Applicability;
import org.accord.api.standard.Area;
import org.accord.api.standard.AttestationCadence;
import org.accord.api.standard.StandardVersionAdoptedEvent;
import org.accord.api.trust.SchoolPhase;
import org.accord.api.trust.SchoolRegisteredEvent;
import org.accord.api.trust.TrustRegisteredEvent;
import org.accord.api.variation.ExceptionApprovedEvent;
import org.accord.api.variation.ExceptionRequestedEvent;
import org.accord.query.ReadModelMongo;
import org.accord.query.runtime.mongodb.MongoReadModelStore;
import org.accord.query.shared.ReadModelStore;
import org.accord.query.standard.StandardProjection;
import org.accord.query.trust.ClusterProjection;
import org.accord.query.trust.TrustProjection;
import org.accord.query.variation.VariationProjection;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The compliance view on both time axes, from events: the state of each school against each standard as of a date
 * and as known at a moment, across the cadence's period boundaries. Every date and instant is fixed. The view is
 * computed from projected events only, so a restart (a replay of the same events) gives the same answers.
 */
class ComplianceProjectionTest {

    private static final String TRUST = "trust-1";
    private static final String ASH = "school-ash";       // PRIMARY
    private static final String BIRCH = "school-birch";   // SECONDARY
    private static final String SAFEGUARDING = "std-safeguarding";  // REQUIRED, TERMLY, every school
    private static final String READING = "std-reading";            // ADAPTABLE, YEARLY, primary schools
    private static final String GUIDE = "std-guide";                // GUIDANCE, recorded before cadences existed
    private static final Instant LATER = Instant.parse("2031-01-01T00:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private ReadModelStore store;
    private List<AnnotationEventHandlerAdapter> projections;
    private AttestationQueries queries;
    private int published;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        store = new MongoReadModelStore(ReadModelMongo.template(client, "test"));
        projections = List.of(
                new AnnotationEventHandlerAdapter(new TrustProjection(store)),
                new AnnotationEventHandlerAdapter(new ClusterProjection(store)),
                new AnnotationEventHandlerAdapter(new StandardProjection(store)),
                new AnnotationEventHandlerAdapter(new VariationProjection(store)),
                new AnnotationEventHandlerAdapter(new AttestationProjection(store)));
        queries = new AttestationQueries(store);
        apply(new TrustRegisteredEvent(TRUST, "Northern Lights Trust"));
        apply(new SchoolRegisteredEvent(TRUST, ASH, "Ash Primary", SchoolPhase.PRIMARY, "p-exec"));
        apply(new SchoolRegisteredEvent(TRUST, BIRCH, "Birch Academy", SchoolPhase.SECONDARY, "p-exec"));
        apply(adopted(SAFEGUARDING, 1, REQUIRED, "2026-09-01", null, AttestationCadence.TERMLY));
        apply(adopted(READING, 1, ADAPTABLE, "2026-09-01", Applicability.phases(SchoolPhase.PRIMARY),
                AttestationCadence.YEARLY));
        apply(new StandardVersionAdoptedEvent(GUIDE, TRUST, 1, "Guide", Area.TEACHING, GUIDANCE, "Consider it",
                LocalDate.parse("2026-09-01"), null, "proposal-guide", "p-exec",
                Instant.parse("2026-07-01T09:00:00Z")));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private void apply(Object event) {
        EventMessage<?> message = new GenericEventMessage<>(
                new GenericMessage<>("evt-" + (++published), event, MetaData.emptyInstance()), Instant::now);
        for (AnnotationEventHandlerAdapter projection : projections) {
            if (projection.canHandle(message)) {
                try {
                    projection.handle(message);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static StandardVersionAdoptedEvent adopted(String standardId, int version, AlignmentLevel alignment,
                                                       String effectiveFrom, Applicability applies,
                                                       AttestationCadence cadence) {
        return new StandardVersionAdoptedEvent(standardId, TRUST, version, standardId, Area.SAFEGUARDING, alignment,
                "Statement " + version, LocalDate.parse(effectiveFrom), null, "proposal-" + standardId + version,
                "p-exec", Instant.parse("2026-07-01T09:00:00Z").plusSeconds(version * 86_400L * 30), applies,
                cadence);
    }

    private static AttestationRecordedEvent attested(String id, String schoolId, String standardId, int version,
                                                     String at) {
        return new AttestationRecordedEvent(id, TRUST, schoolId, standardId, version, AttestationCadence.TERMLY,
                "We meet it.", List.of("policy.pdf"), "p-head", Instant.parse(at));
    }

    private static QaFindingRecordedEvent finding(String attestationId, QaOutcome outcome, String visitedOn,
                                                  String recordedAt) {
        boolean challenged = outcome == QaOutcome.CHALLENGED;
        return new QaFindingRecordedEvent(attestationId, TRUST, ASH, SAFEGUARDING, 1, outcome, "Seen.",
                challenged ? List.of("Complete the referral log") : List.of(),
                challenged ? LocalDate.parse("2027-02-01") : null, LocalDate.parse(visitedOn), "p-exec",
                Instant.parse(recordedAt));
    }

    private ComplianceEntryView entry(String schoolId, String standardId, String asOf, Instant knownAt) {
        return queries.handle(new FindComplianceQuery(TRUST, null, LocalDate.parse(asOf), knownAt)).stream()
                .filter(e -> e.schoolId().equals(schoolId) && e.standardId().equals(standardId))
                .findFirst().orElseThrow();
    }

    private ComplianceState state(String schoolId, String standardId, String asOf, Instant knownAt) {
        return entry(schoolId, standardId, asOf, knownAt).state();
    }

    @Test
    void everySchoolMeetsEveryStandardInForceWithWhatIsOwedAndWhatIsNot() {
        List<ComplianceEntryView> view = queries.handle(new FindComplianceQuery(TRUST, null,
                LocalDate.parse("2026-10-01"), LATER));

        assertThat(view).extracting(ComplianceEntryView::schoolId, ComplianceEntryView::standardId,
                ComplianceEntryView::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ASH, SAFEGUARDING, ComplianceState.DUE),
                org.assertj.core.groups.Tuple.tuple(ASH, READING, ComplianceState.DUE),
                org.assertj.core.groups.Tuple.tuple(ASH, GUIDE, ComplianceState.NOT_REQUIRED),
                org.assertj.core.groups.Tuple.tuple(BIRCH, SAFEGUARDING, ComplianceState.DUE),
                org.assertj.core.groups.Tuple.tuple(BIRCH, READING, ComplianceState.NOT_APPLICABLE),
                org.assertj.core.groups.Tuple.tuple(BIRCH, GUIDE, ComplianceState.NOT_REQUIRED));
        ComplianceEntryView ashSafeguarding = view.get(0);
        assertThat(ashSafeguarding.periodStart()).isEqualTo(LocalDate.parse("2026-09-01"));
        assertThat(ashSafeguarding.dueBy()).isEqualTo(LocalDate.parse("2026-12-31"));
        assertThat(view.get(1).dueBy()).isEqualTo(LocalDate.parse("2027-08-31"));
    }

    @Test
    void beforeAStandardTakesEffectNothingIsListedForIt() {
        assertThat(queries.handle(new FindComplianceQuery(TRUST, ASH, LocalDate.parse("2026-08-31"), LATER)))
                .isEmpty();
    }

    @Test
    void anAttestationCountsFromItsDayAndAsKnownFromItsRecording() {
        apply(attested("a-1", ASH, SAFEGUARDING, 1, "2026-10-05T09:00:00Z"));

        assertThat(state(ASH, SAFEGUARDING, "2026-10-05", LATER)).isEqualTo(ComplianceState.ATTESTED);
        assertThat(entry(ASH, SAFEGUARDING, "2026-10-05", LATER).attestation().id()).isEqualTo("a-1");
        // as of a past date, before it was made
        assertThat(state(ASH, SAFEGUARDING, "2026-10-04", LATER)).isEqualTo(ComplianceState.DUE);
        // as known at a moment before it was recorded
        assertThat(state(ASH, SAFEGUARDING, "2026-10-06", Instant.parse("2026-10-05T08:59:59Z")))
                .isEqualTo(ComplianceState.DUE);
        // the other school's standing is its own
        assertThat(state(BIRCH, SAFEGUARDING, "2026-10-06", LATER)).isEqualTo(ComplianceState.DUE);
    }

    @Test
    void aNewTermMakesItDueAgainAndATermMissedMakesItOverdue() {
        apply(attested("a-1", ASH, SAFEGUARDING, 1, "2026-10-05T09:00:00Z"));

        assertThat(state(ASH, SAFEGUARDING, "2026-12-31", LATER)).isEqualTo(ComplianceState.ATTESTED);
        assertThat(state(ASH, SAFEGUARDING, "2027-01-01", LATER)).isEqualTo(ComplianceState.DUE);
        assertThat(state(ASH, SAFEGUARDING, "2027-04-14", LATER)).isEqualTo(ComplianceState.DUE);
        // the spring term passed without one
        assertThat(state(ASH, SAFEGUARDING, "2027-04-15", LATER)).isEqualTo(ComplianceState.OVERDUE);
        // Birch never attested: overdue from the first day of the spring term
        assertThat(state(BIRCH, SAFEGUARDING, "2026-12-31", LATER)).isEqualTo(ComplianceState.DUE);
        assertThat(state(BIRCH, SAFEGUARDING, "2027-01-01", LATER)).isEqualTo(ComplianceState.OVERDUE);

        apply(attested("a-2", ASH, SAFEGUARDING, 1, "2027-05-02T09:00:00Z"));
        assertThat(state(ASH, SAFEGUARDING, "2027-05-01", LATER)).isEqualTo(ComplianceState.OVERDUE);
        assertThat(state(ASH, SAFEGUARDING, "2027-05-02", LATER)).isEqualTo(ComplianceState.ATTESTED);
    }

    @Test
    void aYearlyStandardIsDueOnceAnAcademicYear() {
        apply(attested("a-r", ASH, READING, 1, "2026-09-20T09:00:00Z"));

        assertThat(state(ASH, READING, "2027-08-31", LATER)).isEqualTo(ComplianceState.ATTESTED);
        assertThat(state(ASH, READING, "2027-09-01", LATER)).isEqualTo(ComplianceState.DUE);
        assertThat(state(ASH, READING, "2028-09-01", LATER)).isEqualTo(ComplianceState.OVERDUE);
    }

    @Test
    void aChallengeStandsFromTheVisitAsKnownFromItsRecordingUntilALaterVisitConfirms() {
        apply(attested("a-1", ASH, SAFEGUARDING, 1, "2026-10-05T09:00:00Z"));
        apply(finding("a-1", QaOutcome.CHALLENGED, "2026-11-01", "2026-11-02T09:00:00Z"));

        assertThat(state(ASH, SAFEGUARDING, "2026-10-31", LATER)).isEqualTo(ComplianceState.ATTESTED);
        assertThat(state(ASH, SAFEGUARDING, "2026-11-01", LATER)).isEqualTo(ComplianceState.CHALLENGED);
        assertThat(state(ASH, SAFEGUARDING, "2026-11-05", Instant.parse("2026-11-02T08:00:00Z")))
                .isEqualTo(ComplianceState.ATTESTED);
        ComplianceEntryView challenged = entry(ASH, SAFEGUARDING, "2026-11-05", LATER);
        assertThat(challenged.attestation().latestFinding().actions()).containsExactly("Complete the referral log");
        assertThat(challenged.attestation().latestFinding().followUpBy()).isEqualTo(LocalDate.parse("2027-02-01"));
        // the challenge outlives the term until a later attestation or visit answers it
        assertThat(state(ASH, SAFEGUARDING, "2027-01-10", LATER)).isEqualTo(ComplianceState.CHALLENGED);

        apply(finding("a-1", QaOutcome.CONFIRMED, "2026-12-01", "2026-12-01T15:00:00Z"));
        assertThat(state(ASH, SAFEGUARDING, "2026-12-01", LATER)).isEqualTo(ComplianceState.ATTESTED);
        assertThat(state(ASH, SAFEGUARDING, "2026-11-20", LATER)).isEqualTo(ComplianceState.CHALLENGED);
        assertThat(entry(ASH, SAFEGUARDING, "2026-12-01", LATER).attestation().findings()).hasSize(2);
    }

    @Test
    void aRedeliveredFindingIsRecordedOnce() {
        apply(attested("a-1", ASH, SAFEGUARDING, 1, "2026-10-05T09:00:00Z"));
        QaFindingRecordedEvent confirmed = finding("a-1", QaOutcome.CONFIRMED, "2026-11-01", "2026-11-02T09:00:00Z");
        apply(confirmed);
        apply(confirmed);
        apply(attested("a-1", ASH, SAFEGUARDING, 1, "2026-10-05T09:00:00Z"));

        assertThat(queries.handle(new FindAttestationQuery("a-1")).findings()).hasSize(1);
    }

    @Test
    void anApprovedExceptionInForceNeedsNoAttestation() {
        apply(new ExceptionRequestedEvent("v-1", SAFEGUARDING, TRUST, BIRCH, 1, "Different log",
                "A reason", LocalDate.parse("2027-08-31"), "p-head2", Instant.parse("2026-09-10T09:00:00Z")));
        apply(new ExceptionApprovedEvent("v-1", SAFEGUARDING, TRUST, BIRCH, null, "p-exec",
                Instant.parse("2026-09-12T09:00:00Z")));

        assertThat(state(BIRCH, SAFEGUARDING, "2026-09-11", LATER)).isEqualTo(ComplianceState.DUE);
        assertThat(state(BIRCH, SAFEGUARDING, "2026-10-01", LATER)).isEqualTo(ComplianceState.EXCEPTION_IN_FORCE);
    }

    @Test
    void anAmendmentAsksForAFreshAttestationButDoesNotForgiveATermMissedBeforeIt() {
        apply(adopted(SAFEGUARDING, 2, REQUIRED, "2027-01-20", null, AttestationCadence.TERMLY));
        apply(attested("a-1", ASH, SAFEGUARDING, 1, "2027-01-05T09:00:00Z"));

        // attested version 1 in the spring term while it was in force; it does not vouch for version 2
        assertThat(state(ASH, SAFEGUARDING, "2027-01-19", LATER)).isEqualTo(ComplianceState.ATTESTED);
        assertThat(entry(ASH, SAFEGUARDING, "2027-01-20", LATER).version()).isEqualTo(2);
        // autumn was owed under version 1 and missed
        assertThat(state(ASH, SAFEGUARDING, "2027-01-20", LATER)).isEqualTo(ComplianceState.OVERDUE);
        assertThat(state(BIRCH, SAFEGUARDING, "2027-01-20", LATER)).isEqualTo(ComplianceState.OVERDUE);
        // known before the amendment was adopted, version 1 is still the one in force
        assertThat(entry(ASH, SAFEGUARDING, "2027-01-20", Instant.parse("2026-08-01T00:00:00Z")).version())
                .isEqualTo(1);
    }

    @Test
    void oneSchoolsViewListsOnlyThatSchool() {
        assertThat(queries.handle(new FindComplianceQuery(TRUST, BIRCH, LocalDate.parse("2026-10-01"), LATER)))
                .extracting(ComplianceEntryView::schoolId).containsOnly(BIRCH).hasSize(3);
        assertThat(queries.handle(new FindComplianceQuery(TRUST, "school-elsewhere", LocalDate.parse("2026-10-01"),
                LATER))).isEmpty();
    }

    private List<AttestationFallenDue> fallenDue(String today) {
        return queries.handle(new FindAttestationsFallenDueQuery(LocalDate.parse(today), LATER));
    }

    @Test
    void whatFallsDueIsWhatEachSchoolOwesThisPeriodUntilItIsRecordedAsDue() {
        LocalDate autumn = LocalDate.parse("2026-09-01");
        assertThat(fallenDue("2026-10-01")).containsExactlyInAnyOrder(
                new AttestationFallenDue(TRUST, ASH, SAFEGUARDING, autumn),
                new AttestationFallenDue(TRUST, ASH, READING, autumn),
                new AttestationFallenDue(TRUST, BIRCH, SAFEGUARDING, autumn));
        apply(new AttestationFellDueEvent(RecordAttestationDueCommand.idOf(TRUST, BIRCH, SAFEGUARDING, autumn),
                TRUST, BIRCH, SAFEGUARDING, 1, AttestationCadence.TERMLY, autumn, LocalDate.parse("2026-12-31"),
                List.of("p-head-birch"), Instant.parse("2026-09-01T00:00:01Z")));
        apply(attested("a-1", ASH, SAFEGUARDING, 1, "2026-09-02T09:00:00Z"));
        assertThat(fallenDue("2026-10-01")).containsExactly(new AttestationFallenDue(TRUST, ASH, READING, autumn));
        // the next term owes again, whatever was recorded or attested in the last one
        LocalDate spring = LocalDate.parse("2027-01-01");
        assertThat(fallenDue("2027-01-01")).contains(new AttestationFallenDue(TRUST, ASH, SAFEGUARDING, spring),
                new AttestationFallenDue(TRUST, BIRCH, SAFEGUARDING, spring));
    }

    @Test
    void aSchoolChallengedLastTermStillOwesThisTermsAttestation() {
        apply(attested("a-1", ASH, SAFEGUARDING, 1, "2026-10-05T09:00:00Z"));
        apply(finding("a-1", QaOutcome.CHALLENGED, "2026-11-01", "2026-11-01T12:00:00Z"));
        assertThat(fallenDue("2026-11-02")).doesNotContain(
                new AttestationFallenDue(TRUST, ASH, SAFEGUARDING, LocalDate.parse("2026-09-01")));
        assertThat(fallenDue("2027-01-05")).contains(
                new AttestationFallenDue(TRUST, ASH, SAFEGUARDING, LocalDate.parse("2027-01-01")));
    }

    @Test
    void oneSchoolsViewReckonsWithItsOwnAttestationsOnly() {
        apply(attested("att-ash", ASH, SAFEGUARDING, 1, "2026-09-10T09:00:00Z"));

        assertThat(queries.handle(new FindComplianceQuery(TRUST, BIRCH, LocalDate.parse("2026-10-01"), LATER)))
                .filteredOn(e -> e.standardId().equals(SAFEGUARDING)).extracting(ComplianceEntryView::state)
                .containsExactly(ComplianceState.DUE);
        assertThat(queries.handle(new FindComplianceQuery(TRUST, ASH, LocalDate.parse("2026-10-01"), LATER)))
                .filteredOn(e -> e.standardId().equals(SAFEGUARDING)).extracting(ComplianceEntryView::state)
                .containsExactly(ComplianceState.ATTESTED);
    }

    /** Every cell of the paged view, following the cursors from the first page to the last. */
    private List<ComplianceEntryView> paged(String schoolId, java.util.Set<ComplianceState> states, String asOf,
                                            int first) {
        List<ComplianceEntryView> cells = new java.util.ArrayList<>();
        String after = null;
        while (true) {
            CompliancePage page = queries.handle(new FindCompliancePageQuery(TRUST, schoolId, states,
                    LocalDate.parse(asOf), LATER, first, after));
            assertThat(page.entries()).hasSizeLessThanOrEqualTo(first).hasSameSizeAs(page.cursors());
            cells.addAll(page.entries());
            if (!page.hasNextPage()) {
                return cells;
            }
            assertThat(page.entries()).hasSize(first);
            after = page.cursors().get(page.cursors().size() - 1);
        }
    }

    @Test
    void pagesFollowedByTheirCursorsGiveTheWholeViewInItsOrderWhateverThePageSizeAndFilter() {
        apply(attested("att-ash", ASH, SAFEGUARDING, 1, "2026-09-10T09:00:00Z"));
        for (String asOf : List.of("2026-10-01", "2027-01-20", "2026-08-01")) {
            List<ComplianceEntryView> whole = queries.handle(new FindComplianceQuery(TRUST, null,
                    LocalDate.parse(asOf), LATER));
            for (int first = 1; first <= 7; first++) {
                assertThat(paged(null, java.util.Set.of(), asOf, first)).as(asOf + " in pages of " + first)
                        .containsExactlyElementsOf(whole);
                assertThat(paged(null, java.util.Set.of(ComplianceState.DUE, ComplianceState.OVERDUE), asOf, first))
                        .containsExactlyElementsOf(whole.stream().filter(e -> e.state() == ComplianceState.DUE
                                || e.state() == ComplianceState.OVERDUE).toList());
                assertThat(paged(BIRCH, java.util.Set.of(), asOf, first))
                        .containsExactlyElementsOf(whole.stream().filter(e -> e.schoolId().equals(BIRCH)).toList());
            }
        }
        assertThat(paged(null, java.util.Set.of(), "2026-10-01", 6)).hasSize(6);
    }

    @Test
    void aCursorOfAnotherListIsRefused() {
        String requests = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("requests:4".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> queries.handle(new FindCompliancePageQuery(TRUST,
                        null, java.util.Set.of(), null, null, 10, requests)))
                .isInstanceOf(org.accord.api.shared.DomainException.class)
                .hasMessageContaining("after is not a cursor of the compliance view");
    }
}
