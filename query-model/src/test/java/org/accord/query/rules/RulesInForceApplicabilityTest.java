package org.accord.query.rules;

import static org.accord.api.standard.AlignmentLevel.ADAPTABLE;
import static org.accord.api.standard.AlignmentLevel.REQUIRED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.accord.api.rules.FindBackboneQuery;
import org.accord.api.rules.FindRulesInForceQuery;
import org.accord.api.rights.StandardVersionScopedToClusterEvent;
import org.accord.api.rules.RuleInForceView;
import org.accord.api.rules.RuleStatus;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Applicability;
import org.accord.api.standard.Area;
import org.accord.api.standard.StandardVersionAdoptedEvent;
import org.accord.api.standard.StandardVersionView;
import org.accord.api.trust.ClusterFormedEvent;
import org.accord.api.trust.SchoolJoinedClusterEvent;
import org.accord.api.trust.SchoolMovedClusterEvent;
import org.accord.api.trust.SchoolPhase;
import org.accord.api.trust.SchoolPhaseChangedEvent;
import org.accord.api.trust.SchoolRegisteredEvent;
import org.accord.api.trust.TrustRegisteredEvent;
import org.accord.api.variation.ImplementationRecordedEvent;
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
 * Applicability on both time axes: a standard is a rule for a school only where the version in force on
 * {@code asOf} covers the school as it stood then (its phase on that date), as the record stood at {@code knownAt}.
 * Every date and instant is fixed.
 */
class RulesInForceApplicabilityTest {

    private static final String TRUST = "trust-1";
    private static final String ASH = "school-ash";          // PRIMARY
    private static final String BIRCH = "school-birch";      // SECONDARY
    private static final String CEDAR = "school-cedar";      // PRIMARY
    private static final String HISTORY = "standard-ks2-history";
    private static final String SAFEGUARDING = "standard-safeguarding";
    private static final Instant LATER = Instant.parse("2031-01-01T00:00:00Z");

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
    void aStandardForPrimarySchoolsIsARuleForEachPrimaryAndNotForTheSecondary() {
        ReadModel model = readModel();
        model.apply(adopted(HISTORY, 1, ADAPTABLE, "2027-02-01", "2027-01-04T09:00:00Z", primary()));

        assertThat(model.status(ASH, HISTORY, "2027-03-01", LATER)).isEqualTo(RuleStatus.IMPLEMENTATION_MISSING);
        assertThat(model.status(CEDAR, HISTORY, "2027-03-01", LATER)).isEqualTo(RuleStatus.IMPLEMENTATION_MISSING);
        assertThat(model.standardIds(BIRCH, "2027-03-01", LATER)).isEmpty();
    }

    @Test
    void theBackboneListsEveryVersionWithItsApplicabilityAndForASchoolOnlyWhatAppliesToIt() {
        ReadModel model = readModel();
        model.apply(adopted(HISTORY, 1, ADAPTABLE, "2027-02-01", "2027-01-04T09:00:00Z", primary()));
        model.apply(adopted(SAFEGUARDING, 1, REQUIRED, "2027-02-01", "2027-01-04T10:00:00Z", null));

        assertThat(model.backbone("2027-03-01", LATER, null)).extracting(StandardVersionView::applicability)
                .containsExactly(primary(), Applicability.EVERY_SCHOOL);
        assertThat(model.backbone("2027-03-01", LATER, BIRCH)).extracting(StandardVersionView::standardId)
                .containsExactly(SAFEGUARDING);
        assertThat(model.backbone("2027-03-01", LATER, ASH)).extracting(StandardVersionView::standardId)
                .containsExactly(HISTORY, SAFEGUARDING);
        assertThat(model.backbone("2027-03-01", LATER, "school-unknown")).isEmpty();
    }

    @Test
    void aVersionRecordedBeforeApplicabilityExistedAppliesToEverySchool() {
        ReadModel model = readModel();
        model.apply(new StandardVersionAdoptedEvent(SAFEGUARDING, TRUST, 1, "Logging", Area.SAFEGUARDING, REQUIRED,
                "Log it", LocalDate.parse("2027-02-01"), null, "proposal-1", "person-exec",
                Instant.parse("2027-01-04T09:00:00Z")));

        for (String school : List.of(ASH, BIRCH, CEDAR)) {
            assertThat(model.status(school, SAFEGUARDING, "2027-03-01", LATER)).isEqualTo(RuleStatus.ALIGNED);
        }
        assertThat(model.backbone("2027-03-01", LATER, null).get(0).applicability())
                .isEqualTo(Applicability.EVERY_SCHOOL);
    }

    @Test
    void anAmendmentThatNarrowsApplicabilityTakesTheStandardAwayFromItsEffectiveFromAndOnlyAsKnownSinceItsAdoption() {
        ReadModel model = readModel();
        model.apply(adopted(HISTORY, 1, ADAPTABLE, "2027-02-01", "2027-01-04T09:00:00Z", null));
        model.apply(adopted(HISTORY, 2, ADAPTABLE, "2027-09-01", "2027-06-01T09:00:00Z", primary()));
        Instant beforeAmendment = Instant.parse("2027-05-31T00:00:00Z");

        // the secondary school had version 1 until the day before version 2 took effect; then nothing
        assertThat(model.rule(BIRCH, HISTORY, "2027-08-31", LATER).version().number()).isEqualTo(1);
        assertThat(model.standardIds(BIRCH, "2027-09-01", LATER)).isEmpty();
        // as known before the amendment was recorded, version 1 still applied on any later date
        assertThat(model.rule(BIRCH, HISTORY, "2027-09-01", beforeAmendment).version().number()).isEqualTo(1);
        assertThat(model.rule(BIRCH, HISTORY, "2028-09-01", beforeAmendment).version().number()).isEqualTo(1);
        // the primary keeps the standard through the amendment, as version 2
        assertThat(model.rule(ASH, HISTORY, "2027-09-01", LATER).version().number()).isEqualTo(2);
        assertThat(model.rule(ASH, HISTORY, "2027-09-01", beforeAmendment).version().number()).isEqualTo(1);
    }

    @Test
    void anAmendmentThatWidensApplicabilityBringsTheStandardToTheNewSchoolsFromItsEffectiveFromOnly() {
        ReadModel model = readModel();
        model.apply(adopted(HISTORY, 1, ADAPTABLE, "2027-02-01", "2027-01-04T09:00:00Z", primary()));
        model.apply(adopted(HISTORY, 2, ADAPTABLE, "2027-09-01", "2027-06-01T09:00:00Z",
                Applicability.EVERY_SCHOOL));

        assertThat(model.standardIds(BIRCH, "2027-08-31", LATER)).isEmpty();
        assertThat(model.status(BIRCH, HISTORY, "2027-09-01", LATER)).isEqualTo(RuleStatus.IMPLEMENTATION_MISSING);
        assertThat(model.standardIds(BIRCH, "2027-09-01", Instant.parse("2027-05-31T00:00:00Z"))).isEmpty();
        assertThat(model.standardIds(BIRCH, "2027-09-01", Instant.parse("2027-06-01T09:00:00Z")))
                .containsExactly(HISTORY);
    }

    @Test
    void aSchoolThatChangesPhaseGetsWhatAppliesToTheNewPhaseFromThatDayAsKnownFromWhenTheChangeWasRecorded() {
        ReadModel model = readModel();
        model.apply(adopted(HISTORY, 1, ADAPTABLE, "2027-02-01", "2027-01-04T09:00:00Z",
                Applicability.phases(SchoolPhase.PRIMARY, SchoolPhase.ALL_THROUGH)));
        model.apply(new SchoolPhaseChangedEvent(TRUST, BIRCH, SchoolPhase.ALL_THROUGH, SchoolPhase.SECONDARY,
                LocalDate.parse("2028-09-01"), "A primary phase opens", "person-exec",
                Instant.parse("2028-03-01T09:00:00Z")));
        Instant beforeRecorded = Instant.parse("2028-02-28T00:00:00Z");

        assertThat(model.standardIds(BIRCH, "2028-08-31", LATER)).isEmpty();
        assertThat(model.status(BIRCH, HISTORY, "2028-09-01", LATER)).isEqualTo(RuleStatus.IMPLEMENTATION_MISSING);
        assertThat(model.standardIds(BIRCH, "2029-01-01", LATER)).containsExactly(HISTORY);
        // before the change was recorded the record said the school stayed secondary, whatever the date
        assertThat(model.standardIds(BIRCH, "2028-09-01", beforeRecorded)).isEmpty();
        assertThat(model.backbone("2028-09-01", beforeRecorded, BIRCH)).isEmpty();
        assertThat(model.backbone("2028-09-01", LATER, BIRCH)).extracting(StandardVersionView::standardId)
                .containsExactly(HISTORY);
    }

    @Test
    void aSchoolThatLeavesAPhaseLosesWhatAppliedOnlyToItFromThatDay() {
        ReadModel model = readModel();
        model.apply(adopted(HISTORY, 1, REQUIRED, "2027-02-01", "2027-01-04T09:00:00Z", primary()));
        model.apply(new SchoolPhaseChangedEvent(TRUST, CEDAR, SchoolPhase.SPECIAL, SchoolPhase.PRIMARY,
                LocalDate.parse("2028-01-01"), null, "person-exec", Instant.parse("2027-10-01T09:00:00Z")));

        assertThat(model.status(CEDAR, HISTORY, "2027-12-31", LATER)).isEqualTo(RuleStatus.ALIGNED);
        assertThat(model.standardIds(CEDAR, "2028-01-01", LATER)).isEmpty();
        assertThat(model.status(CEDAR, HISTORY, "2028-01-01", Instant.parse("2027-09-30T00:00:00Z")))
                .isEqualTo(RuleStatus.ALIGNED);
    }

    @Test
    void namedSchoolsNarrowThePhasesToThoseSchools() {
        ReadModel model = readModel();
        model.apply(adopted(HISTORY, 1, ADAPTABLE, "2027-02-01", "2027-01-04T09:00:00Z",
                new Applicability(List.of(SchoolPhase.PRIMARY), List.of(), List.of(CEDAR, BIRCH))));

        assertThat(model.standardIds(CEDAR, "2027-03-01", LATER)).containsExactly(HISTORY);
        assertThat(model.standardIds(ASH, "2027-03-01", LATER)).isEmpty();
        assertThat(model.standardIds(BIRCH, "2027-03-01", LATER)).isEmpty(); // named, but not primary
    }

    @Test
    void aVariationOfASchoolTheStandardNoLongerAppliesToIsNotARuleInForce() {
        ReadModel model = readModel();
        model.apply(adopted(HISTORY, 1, ADAPTABLE, "2027-02-01", "2027-01-04T09:00:00Z", null));
        model.apply(new ImplementationRecordedEvent("variation-birch", HISTORY, TRUST, BIRCH, 1, "Romans in Year 7",
                "Our Year 7 starts there", LocalDate.parse("2029-01-01"), "person-head-birch",
                Instant.parse("2027-03-01T09:00:00Z")));
        model.apply(adopted(HISTORY, 2, ADAPTABLE, "2027-09-01", "2027-06-01T09:00:00Z", primary()));

        assertThat(model.status(BIRCH, HISTORY, "2027-08-31", LATER)).isEqualTo(RuleStatus.IMPLEMENTED);
        assertThat(model.rules(BIRCH, "2027-09-01", LATER)).isEmpty();
    }

    @Test
    void aClusterStandardAppliesToEachSchoolFromTheDayItJoinsTheClusterUntilItMovesAwayAsKnownWhenRecorded() {
        ReadModel model = readModel();
        model.apply(new ClusterFormedEvent(TRUST, "north", "North", "person-lead", LocalDate.parse("2027-01-01"),
                "person-exec", Instant.parse("2026-12-01T09:00:00Z")));
        model.apply(new ClusterFormedEvent(TRUST, "south", "South", "person-lead", LocalDate.parse("2027-01-01"),
                "person-exec", Instant.parse("2026-12-01T09:00:00Z")));
        model.apply(new SchoolJoinedClusterEvent(TRUST, "north", ASH, LocalDate.parse("2027-01-01"), "person-exec",
                Instant.parse("2026-12-01T10:00:00Z")));
        model.apply(new SchoolJoinedClusterEvent(TRUST, "south", BIRCH, LocalDate.parse("2027-01-01"),
                "person-exec", Instant.parse("2026-12-01T10:00:00Z")));
        model.apply(adopted(HISTORY, 1, REQUIRED, "2027-02-01", "2027-01-04T09:00:00Z",
                new Applicability(List.of(), List.of("north"), List.of())));
        // Birch moves to the north cluster from September, as recorded in June
        model.apply(new SchoolMovedClusterEvent(TRUST, BIRCH, "south", "north", LocalDate.parse("2027-09-01"),
                "person-exec", Instant.parse("2027-06-01T09:00:00Z")));
        // and Ash leaves for the south cluster from the same day
        model.apply(new SchoolMovedClusterEvent(TRUST, ASH, "north", "south", LocalDate.parse("2027-09-01"),
                "person-exec", Instant.parse("2027-06-01T09:05:00Z")));
        Instant beforeMoves = Instant.parse("2027-05-31T00:00:00Z");

        assertThat(model.standardIds(ASH, "2027-08-31", LATER)).containsExactly(HISTORY);
        assertThat(model.standardIds(BIRCH, "2027-08-31", LATER)).isEmpty();
        assertThat(model.standardIds(CEDAR, "2027-08-31", LATER)).isEmpty(); // in no cluster
        assertThat(model.standardIds(ASH, "2027-09-01", LATER)).isEmpty();
        assertThat(model.standardIds(BIRCH, "2027-09-01", LATER)).containsExactly(HISTORY);
        // as known before the moves were recorded, the clusters stood as they were, whatever the date
        assertThat(model.standardIds(ASH, "2027-09-01", beforeMoves)).containsExactly(HISTORY);
        assertThat(model.standardIds(BIRCH, "2027-09-01", beforeMoves)).isEmpty();
        assertThat(model.backbone("2027-09-01", LATER, BIRCH)).extracting(StandardVersionView::standardId)
                .containsExactly(HISTORY);
        assertThat(model.backbone("2027-09-01", beforeMoves, BIRCH)).isEmpty();
    }

    @Test
    void aClusterStandardForOnePhaseAppliesOnlyToThatPhaseInTheCluster() {
        ReadModel model = readModel();
        model.apply(new ClusterFormedEvent(TRUST, "north", "North", "person-lead", LocalDate.parse("2027-01-01"),
                "person-exec", Instant.parse("2026-12-01T09:00:00Z")));
        for (String school : List.of(ASH, BIRCH)) {
            model.apply(new SchoolJoinedClusterEvent(TRUST, "north", school, LocalDate.parse("2027-01-01"),
                    "person-exec", Instant.parse("2026-12-01T10:00:00Z")));
        }
        model.apply(adopted(HISTORY, 1, ADAPTABLE, "2027-02-01", "2027-01-04T09:00:00Z",
                new Applicability(List.of(SchoolPhase.PRIMARY), List.of("north"), List.of())));

        assertThat(model.standardIds(ASH, "2027-03-01", LATER)).containsExactly(HISTORY);
        assertThat(model.standardIds(BIRCH, "2027-03-01", LATER)).isEmpty(); // in the cluster, but secondary
        assertThat(model.standardIds(CEDAR, "2027-03-01", LATER)).isEmpty(); // primary, not in the cluster
    }

    @Test
    void aClusterStandardAppliesOnlyToTheSchoolsOfItsClusterOnTheDate() {
        ReadModel model = readModel();
        model.apply(new ClusterFormedEvent(TRUST, "north", "North", "person-lead", LocalDate.parse("2027-01-01"),
                "person-exec", Instant.parse("2026-12-01T09:00:00Z")));
        model.apply(new SchoolJoinedClusterEvent(TRUST, "north", ASH, LocalDate.parse("2027-01-01"), "person-exec",
                Instant.parse("2026-12-01T10:00:00Z")));
        model.apply(new SchoolJoinedClusterEvent(TRUST, "north", CEDAR, LocalDate.parse("2027-06-01"),
                "person-exec", Instant.parse("2026-12-01T10:00:00Z")));
        model.apply(adopted(SAFEGUARDING, 1, REQUIRED, "2027-02-01", "2027-01-04T09:00:00Z", null));
        model.apply(new StandardVersionScopedToClusterEvent(SAFEGUARDING, TRUST, 1, "north", "person-lead"));

        assertThat(model.standardIds(ASH, "2027-03-01", LATER)).containsExactly(SAFEGUARDING);
        assertThat(model.standardIds(BIRCH, "2027-03-01", LATER)).isEmpty();
        assertThat(model.standardIds(CEDAR, "2027-03-01", LATER)).isEmpty();
        assertThat(model.standardIds(CEDAR, "2027-06-01", LATER)).containsExactly(SAFEGUARDING);
        assertThat(model.backbone("2027-06-01", LATER, null)).extracting(StandardVersionView::standardId)
                .containsExactly(SAFEGUARDING);
        assertThat(model.backbone("2027-06-01", LATER, BIRCH)).isEmpty();
    }

    private static Applicability primary() {
        return Applicability.phases(SchoolPhase.PRIMARY);
    }

    private static StandardVersionAdoptedEvent adopted(String standardId, int version, AlignmentLevel alignment,
                                                       String effectiveFrom, String adoptedAt,
                                                       Applicability applicability) {
        LocalDate from = LocalDate.parse(effectiveFrom);
        return new StandardVersionAdoptedEvent(standardId, TRUST, version, "Title of " + standardId,
                Area.CURRICULUM, alignment, "Version " + version + " of " + standardId, from, from.plusYears(3),
                "proposal-" + standardId + "-" + version, "person-exec", Instant.parse(adoptedAt), applicability);
    }

    private ReadModel readModel() {
        ReadModel model = new ReadModel(new MongoReadModelStore(ReadModelMongo.template(client, "test")));
        model.apply(new TrustRegisteredEvent(TRUST, "Northern Lights Trust"));
        model.apply(new SchoolRegisteredEvent(TRUST, ASH, "Ash Primary", SchoolPhase.PRIMARY, "person-admin"));
        model.apply(new SchoolRegisteredEvent(TRUST, BIRCH, "Birch Academy", SchoolPhase.SECONDARY, "person-admin"));
        model.apply(new SchoolRegisteredEvent(TRUST, CEDAR, "Cedar Primary", SchoolPhase.PRIMARY, "person-admin"));
        return model;
    }

    /** The projections the rules read from, fed as their processor would be, and the queries over them. */
    private static final class ReadModel {

        private final List<AnnotationEventHandlerAdapter> projections;
        private final RulesInForceQueries queries;
        private int published;

        ReadModel(ReadModelStore store) {
            this.projections = List.of(
                    new AnnotationEventHandlerAdapter(new TrustProjection(store)),
                    new AnnotationEventHandlerAdapter(new ClusterProjection(store)),
                    new AnnotationEventHandlerAdapter(new StandardProjection(store)),
                    new AnnotationEventHandlerAdapter(new VariationProjection(store)));
            this.queries = new RulesInForceQueries(store);
        }

        void apply(Object event) {
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

        List<RuleInForceView> rules(String schoolId, String asOf, Instant knownAt) {
            return queries.handle(new FindRulesInForceQuery(schoolId, LocalDate.parse(asOf), knownAt)).rules();
        }

        List<String> standardIds(String schoolId, String asOf, Instant knownAt) {
            return rules(schoolId, asOf, knownAt).stream().map(RuleInForceView::standardId).toList();
        }

        RuleInForceView rule(String schoolId, String standardId, String asOf, Instant knownAt) {
            List<RuleInForceView> found = rules(schoolId, asOf, knownAt).stream()
                    .filter(rule -> rule.standardId().equals(standardId)).toList();
            assertThat(found).as("rules of %s for %s on %s as known at %s", schoolId, standardId, asOf, knownAt)
                    .hasSize(1);
            return found.get(0);
        }

        RuleStatus status(String schoolId, String standardId, String asOf, Instant knownAt) {
            return rule(schoolId, standardId, asOf, knownAt).status();
        }

        List<StandardVersionView> backbone(String asOf, Instant knownAt, String schoolId) {
            return queries.handle(new FindBackboneQuery(TRUST, LocalDate.parse(asOf), knownAt, schoolId));
        }
    }
}
