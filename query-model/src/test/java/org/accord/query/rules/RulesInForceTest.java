package org.accord.query.rules;

import static org.accord.api.standard.AlignmentLevel.ADAPTABLE;
import static org.accord.api.standard.AlignmentLevel.GUIDANCE;
import static org.accord.api.standard.AlignmentLevel.REQUIRED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.accord.api.rules.FindBackboneQuery;
import org.accord.api.rules.FindRulesInForceQuery;
import org.accord.api.rules.RuleInForceView;
import org.accord.api.rules.RuleStatus;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Area;
import org.accord.api.standard.StandardRetiredEvent;
import org.accord.api.standard.StandardVersionAdoptedEvent;
import org.accord.api.standard.StandardVersionView;
import org.accord.api.trust.SchoolPhase;
import org.accord.api.trust.SchoolRegisteredEvent;
import org.accord.api.trust.TrustRegisteredEvent;
import org.accord.api.variation.ExceptionApprovedEvent;
import org.accord.api.variation.ExceptionRequestedEvent;
import org.accord.api.variation.FindVariationQuery;
import org.accord.api.variation.ImplementationRecordedEvent;
import org.accord.api.variation.VariationExpiredEvent;
import org.accord.api.variation.VariationKind;
import org.accord.api.variation.VariationReaffirmedEvent;
import org.accord.api.variation.VariationRevokedEvent;
import org.accord.api.variation.VariationStatus;
import org.accord.api.variation.VariationView;
import org.accord.api.variation.VariationWithdrawnEvent;
import org.accord.query.ReadModelMongo;
import org.accord.query.runtime.mongodb.MongoReadModelStore;
import org.accord.query.shared.ReadModelStore;
import org.accord.query.standard.StandardProjection;
import org.accord.query.trust.TrustProjection;
import org.accord.query.variation.VariationProjection;
import org.accord.query.variation.VariationQueries;
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
 * The rules in force answered through the projections and the query handler, on both time axes: {@code asOf} (the
 * date the rules apply to) and {@code knownAt} (the moment of record). Every instant and date is fixed, and every
 * query names both, so no answer depends on the day the tests run.
 */
class RulesInForceTest {

    private static final String TRUST = "trust-1";
    private static final String OTHER_TRUST = "trust-2";
    private static final String ASH = "school-ash";
    private static final String BIRCH = "school-birch";
    private static final String ELM = "school-elm";
    private static final String EXECUTIVE = "person-exec";
    private static final String CHAIR = "person-chair";
    private static final String ADMIN = "person-admin";

    private static final String VISITORS = "standard-visitors";
    private static final String HOMEWORK = "standard-homework";
    private static final String PHONES = "standard-phones";
    private static final String ELSEWHERE = "standard-elsewhere";

    /** Everything these tests record is recorded by then. */
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
    void aVersionAdoptedAheadOfItsEffectiveFromIsNotInForceBeforeThatDayAndIsFromIt() {
        ReadModel model = readModel();
        StandardVersionAdoptedEvent v1 = adopted(VISITORS, 1, GUIDANCE, "2027-02-01", "2027-01-04T09:00:00Z");
        model.apply(v1);

        // adopted in January for February: on record all along, but not the rule until February
        assertThat(model.rules(ASH, "2027-01-04", LATER)).isEmpty();
        assertThat(model.rules(ASH, "2027-01-31", LATER)).isEmpty();
        assertThat(model.backbone(TRUST, "2027-01-31", LATER)).isEmpty();

        assertThat(model.rules(ASH, "2027-02-01", LATER)).containsExactly(
                new RuleInForceView(VISITORS, versionOf(v1), GUIDANCE, null, RuleStatus.ALIGNED));
        assertThat(model.backbone(TRUST, "2027-02-01", LATER)).containsExactly(versionOf(v1));
        assertThat(model.rules(ASH, "2029-12-31", LATER)).extracting(RuleInForceView::version)
                .containsExactly(versionOf(v1));
    }

    @Test
    void askingAsKnownBeforeTheAdoptionWasRecordedGivesNothingEvenForALaterDate() {
        ReadModel model = readModel();
        StandardVersionAdoptedEvent v1 = adopted(VISITORS, 1, REQUIRED, "2027-02-01", "2027-01-04T09:00:00Z");
        model.apply(v1);

        Instant justBefore = v1.adoptedAt().minusMillis(1);
        assertThat(model.rules(ASH, "2030-06-01", justBefore)).isEmpty();
        assertThat(model.backbone(TRUST, "2030-06-01", justBefore)).isEmpty();

        // the moment of record itself already counts
        assertThat(model.rules(ASH, "2030-06-01", v1.adoptedAt())).extracting(RuleInForceView::version)
                .containsExactly(versionOf(v1));
        assertThat(model.backbone(TRUST, "2030-06-01", v1.adoptedAt())).containsExactly(versionOf(v1));
    }

    @Test
    void anAmendmentTakesOverFromItsEffectiveFromAndTheFirstVersionHoldsUntilTheDayBefore() {
        ReadModel model = readModel();
        StandardVersionAdoptedEvent v1 = adopted(VISITORS, 1, REQUIRED, "2027-02-01", "2027-01-04T09:00:00Z");
        StandardVersionAdoptedEvent v2 = adopted(VISITORS, 2, REQUIRED, "2027-04-01", "2027-03-01T09:00:00Z");
        model.apply(v1);
        model.apply(v2);

        assertThat(model.rule(ASH, VISITORS, "2027-02-01", LATER).version()).isEqualTo(versionOf(v1));
        // once the amendment is adopted but before it takes effect, the first version is still the rule
        assertThat(model.rule(ASH, VISITORS, "2027-03-15", LATER).version()).isEqualTo(versionOf(v1));
        assertThat(model.rule(ASH, VISITORS, "2027-03-31", LATER).version()).isEqualTo(versionOf(v1));
        assertThat(model.rule(ASH, VISITORS, "2027-04-01", LATER).version()).isEqualTo(versionOf(v2));
        assertThat(model.rule(ASH, VISITORS, "2028-01-01", LATER).version()).isEqualTo(versionOf(v2));

        assertThat(model.backbone(TRUST, "2027-03-31", LATER)).containsExactly(versionOf(v1));
        assertThat(model.backbone(TRUST, "2027-04-01", LATER)).containsExactly(versionOf(v2));
    }

    @Test
    void asKnownBetweenTheTwoAdoptionsTheFirstVersionIsTheRuleEvenForDatesAfterTheAmendmentTakesEffect() {
        ReadModel model = readModel();
        StandardVersionAdoptedEvent v1 = adopted(VISITORS, 1, REQUIRED, "2027-02-01", "2027-01-04T09:00:00Z");
        StandardVersionAdoptedEvent v2 = adopted(VISITORS, 2, REQUIRED, "2027-04-01", "2027-03-01T09:00:00Z");
        model.apply(v1);
        model.apply(v2);

        Instant between = Instant.parse("2027-02-15T12:00:00Z");
        assertThat(model.rule(ASH, VISITORS, "2027-05-01", between).version()).isEqualTo(versionOf(v1));
        assertThat(model.backbone(TRUST, "2027-05-01", between)).containsExactly(versionOf(v1));
        assertThat(model.rule(ASH, VISITORS, "2027-05-01", v2.adoptedAt().minusMillis(1)).version())
                .isEqualTo(versionOf(v1));

        assertThat(model.rule(ASH, VISITORS, "2027-05-01", v2.adoptedAt()).version()).isEqualTo(versionOf(v2));
        assertThat(model.backbone(TRUST, "2027-05-01", v2.adoptedAt())).containsExactly(versionOf(v2));
    }

    @Test
    void aRetirementRemovesTheStandardFromItsRetiredOnButNotBeforeNorAsKnownBeforeTheRetirementWasRecorded() {
        ReadModel model = readModel();
        StandardVersionAdoptedEvent visitors = adopted(VISITORS, 1, REQUIRED, "2027-02-01", "2027-01-04T09:00:00Z");
        StandardVersionAdoptedEvent homework = adopted(HOMEWORK, 1, GUIDANCE, "2027-02-01", "2027-01-04T10:00:00Z");
        StandardRetiredEvent retirement = retired(VISITORS, "2027-07-01", "2027-06-01T09:00:00Z");
        model.apply(visitors);
        model.apply(homework);
        model.apply(retirement);

        assertThat(model.standardIds(ASH, "2027-06-30", LATER)).containsExactly(VISITORS, HOMEWORK);
        assertThat(model.standardIds(ASH, "2027-07-01", LATER)).containsExactly(HOMEWORK);
        assertThat(model.standardIds(ASH, "2029-01-01", LATER)).containsExactly(HOMEWORK);
        assertThat(model.backbone(TRUST, "2027-06-30", LATER))
                .containsExactly(versionOf(visitors), versionOf(homework));
        assertThat(model.backbone(TRUST, "2027-07-01", LATER)).containsExactly(versionOf(homework));

        // as known before the retirement was adopted, the standard was going to stay
        Instant beforeRecorded = retirement.retiredAt().minusMillis(1);
        assertThat(model.standardIds(ASH, "2027-08-01", beforeRecorded)).containsExactly(VISITORS, HOMEWORK);
        assertThat(model.backbone(TRUST, "2027-08-01", beforeRecorded))
                .containsExactly(versionOf(visitors), versionOf(homework));
        assertThat(model.standardIds(ASH, "2027-08-01", retirement.retiredAt())).containsExactly(HOMEWORK);
    }

    @Test
    void aGuidanceStandardIsAlignedForEverySchoolEvenOneWhoseImplementationOfAnEarlierVersionWasLeftBehind() {
        ReadModel model = readModel();
        model.apply(adopted(HOMEWORK, 1, ADAPTABLE, "2027-02-01", "2027-01-04T09:00:00Z"));
        model.apply(recorded("var-ash", ASH, HOMEWORK, 1, "2028-01-31", "2027-02-10T10:00:00Z"));
        model.apply(adopted(HOMEWORK, 2, GUIDANCE, "2027-04-01", "2027-03-01T09:00:00Z"));

        assertThat(model.status(ASH, HOMEWORK, "2027-03-31")).isEqualTo(RuleStatus.IMPLEMENTED);
        assertThat(model.status(BIRCH, HOMEWORK, "2027-03-31")).isEqualTo(RuleStatus.IMPLEMENTATION_MISSING);

        // schools are free under guidance: a pinned, now outdated implementation asks nothing of them
        RuleInForceView ash = model.rule(ASH, HOMEWORK, "2027-04-01", LATER);
        assertThat(ash.alignment()).isEqualTo(GUIDANCE);
        assertThat(ash.status()).isEqualTo(RuleStatus.ALIGNED);
        assertThat(model.status(BIRCH, HOMEWORK, "2027-04-01")).isEqualTo(RuleStatus.ALIGNED);
    }

    @Test
    void aRequiredStandardIsAlignedWithoutAnExceptionAndStaysAlignedWhileOneIsOnlyRequested() {
        ReadModel model = readModel();
        model.apply(adopted(VISITORS, 1, REQUIRED, "2027-02-01", "2027-01-04T09:00:00Z"));
        model.apply(requested("var-ash", ASH, VISITORS, 1, "2027-12-31", "2027-02-10T10:00:00Z"));

        assertThat(model.rule(BIRCH, VISITORS, "2027-02-20", LATER).status()).isEqualTo(RuleStatus.ALIGNED);
        RuleInForceView ash = model.rule(ASH, VISITORS, "2027-02-20", LATER);
        assertThat(ash.status()).isEqualTo(RuleStatus.ALIGNED);
        // a request is not a departure yet: the school still follows the standard
        assertThat(ash.variation()).isNull();
    }

    @Test
    void aRequiredStandardWithAnApprovedExceptionIsAnExceptionFromTheDayOfApprovalAsKnownFromItsRecord() {
        ReadModel model = readModel();
        model.apply(adopted(VISITORS, 1, REQUIRED, "2027-02-01", "2027-01-04T09:00:00Z"));
        model.apply(requested("var-ash", ASH, VISITORS, 1, "2027-12-31", "2027-02-10T10:00:00Z"));
        ExceptionApprovedEvent approval = approved("var-ash", ASH, VISITORS, "2027-02-15T14:00:00Z");
        model.apply(approval);

        assertThat(model.status(ASH, VISITORS, "2027-02-14")).isEqualTo(RuleStatus.ALIGNED);
        RuleInForceView ash = model.rule(ASH, VISITORS, "2027-02-15", LATER);
        assertThat(ash.status()).isEqualTo(RuleStatus.EXCEPTION);
        assertThat(ash.variation().id()).isEqualTo("var-ash");
        assertThat(ash.variation().kind()).isEqualTo(VariationKind.EXCEPTION);
        assertThat(ash.variation().status()).isEqualTo(VariationStatus.APPROVED);
        assertThat(ash.variation().version()).isEqualTo(1);
        assertThat(ash.variation().needsRejustification()).isFalse();
        assertThat(ash.variation().expiresOn()).isEqualTo(LocalDate.parse("2027-12-31"));
        assertThat(ash.variation().decidedBy()).isEqualTo(EXECUTIVE);
        assertThat(model.status(BIRCH, VISITORS, "2027-02-15")).isEqualTo(RuleStatus.ALIGNED);

        assertThat(model.status(ASH, VISITORS, "2027-02-20", approval.approvedAt().minusMillis(1)))
                .isEqualTo(RuleStatus.ALIGNED);
    }

    @Test
    void anAdaptableStandardIsImplementedWhereAnImplementationIsRecordedAndMissingWhereNot() {
        ReadModel model = readModel();
        model.apply(adopted(HOMEWORK, 1, ADAPTABLE, "2027-02-01", "2027-01-04T09:00:00Z"));
        // recorded before the version takes effect, so the school is ready on the day
        model.apply(recorded("var-ash", ASH, HOMEWORK, 1, "2028-01-31", "2027-01-11T10:00:00Z"));

        RuleInForceView ash = model.rule(ASH, HOMEWORK, "2027-02-01", LATER);
        assertThat(ash.status()).isEqualTo(RuleStatus.IMPLEMENTED);
        assertThat(ash.variation().id()).isEqualTo("var-ash");
        assertThat(ash.variation().kind()).isEqualTo(VariationKind.IMPLEMENTATION);
        assertThat(ash.variation().status()).isEqualTo(VariationStatus.RECORDED);
        assertThat(ash.variation().reviewBy()).isEqualTo(LocalDate.parse("2028-01-31"));

        RuleInForceView birch = model.rule(BIRCH, HOMEWORK, "2027-02-01", LATER);
        assertThat(birch.status()).isEqualTo(RuleStatus.IMPLEMENTATION_MISSING);
        assertThat(birch.variation()).isNull();
    }

    @Test
    void anImplementationPinnedToTheFirstVersionNeedsRejustificationOnceTheSecondIsInForceButIsImplementedBefore() {
        ReadModel model = readModel();
        StandardVersionAdoptedEvent v2 = adopted(HOMEWORK, 2, ADAPTABLE, "2027-04-01", "2027-03-01T09:00:00Z");
        model.apply(adopted(HOMEWORK, 1, ADAPTABLE, "2027-02-01", "2027-01-04T09:00:00Z"));
        model.apply(recorded("var-ash", ASH, HOMEWORK, 1, "2028-01-31", "2027-01-11T10:00:00Z"));
        model.apply(v2);

        RuleInForceView before = model.rule(ASH, HOMEWORK, "2027-03-31", LATER);
        assertThat(before.status()).isEqualTo(RuleStatus.IMPLEMENTED);
        assertThat(before.version().number()).isEqualTo(1);
        assertThat(before.variation().needsRejustification()).isFalse();

        RuleInForceView after = model.rule(ASH, HOMEWORK, "2027-04-01", LATER);
        assertThat(after.status()).isEqualTo(RuleStatus.NEEDS_REJUSTIFICATION);
        assertThat(after.version().number()).isEqualTo(2);
        // still the school's implementation in force, only made against a text that has since changed
        assertThat(after.variation().status()).isEqualTo(VariationStatus.RECORDED);
        assertThat(after.variation().version()).isEqualTo(1);
        assertThat(after.variation().needsRejustification()).isTrue();

        assertThat(model.status(ASH, HOMEWORK, "2027-04-01", v2.adoptedAt().minusMillis(1)))
                .isEqualTo(RuleStatus.IMPLEMENTED);
    }

    @Test
    void reaffirmingAgainstTheSecondVersionMakesItImplementedAgainButNotAsKnownBeforeTheReaffirmation() {
        ReadModel model = readModel();
        model.apply(adopted(HOMEWORK, 1, ADAPTABLE, "2027-02-01", "2027-01-04T09:00:00Z"));
        model.apply(recorded("var-ash", ASH, HOMEWORK, 1, "2028-01-31", "2027-01-11T10:00:00Z"));
        model.apply(adopted(HOMEWORK, 2, ADAPTABLE, "2027-04-01", "2027-03-01T09:00:00Z"));
        VariationReaffirmedEvent reaffirmation = reaffirmed("var-ash", ASH, HOMEWORK, 2, "2028-03-31",
                "Reworked for version 2", "2027-04-12T10:00:00Z");
        model.apply(reaffirmation);

        RuleInForceView reaffirmed = model.rule(ASH, HOMEWORK, "2027-04-12", LATER);
        assertThat(reaffirmed.status()).isEqualTo(RuleStatus.IMPLEMENTED);
        assertThat(reaffirmed.variation().version()).isEqualTo(2);
        assertThat(reaffirmed.variation().needsRejustification()).isFalse();
        assertThat(reaffirmed.variation().justification()).isEqualTo("Reworked for version 2");
        assertThat(reaffirmed.variation().reviewBy()).isEqualTo(LocalDate.parse("2028-03-31"));

        // between the amendment taking effect and the reaffirmation, the school was behind
        assertThat(model.status(ASH, HOMEWORK, "2027-04-11")).isEqualTo(RuleStatus.NEEDS_REJUSTIFICATION);

        RuleInForceView asKnownBefore = model.rule(ASH, HOMEWORK, "2027-05-01",
                reaffirmation.reaffirmedAt().minusMillis(1));
        assertThat(asKnownBefore.status()).isEqualTo(RuleStatus.NEEDS_REJUSTIFICATION);
        assertThat(asKnownBefore.variation().version()).isEqualTo(1);
        assertThat(asKnownBefore.variation().needsRejustification()).isTrue();
    }

    @Test
    void aVariationLapsesOnItsReviewOrExpiryDateBeforeAnyExpiryIsRecorded() {
        ReadModel model = readModel();
        model.apply(adopted(VISITORS, 1, REQUIRED, "2027-02-01", "2027-01-04T09:00:00Z"));
        model.apply(adopted(HOMEWORK, 1, ADAPTABLE, "2027-02-01", "2027-01-04T10:00:00Z"));
        model.apply(recorded("var-homework", ASH, HOMEWORK, 1, "2027-09-01", "2027-02-10T10:00:00Z"));
        model.apply(requested("var-visitors", ASH, VISITORS, 1, "2027-09-01", "2027-02-10T11:00:00Z"));
        model.apply(approved("var-visitors", ASH, VISITORS, "2027-02-15T14:00:00Z"));

        assertThat(model.status(ASH, HOMEWORK, "2027-08-31")).isEqualTo(RuleStatus.IMPLEMENTED);
        assertThat(model.status(ASH, VISITORS, "2027-08-31")).isEqualTo(RuleStatus.EXCEPTION);

        RuleInForceView homework = model.rule(ASH, HOMEWORK, "2027-09-01", LATER);
        assertThat(homework.status()).isEqualTo(RuleStatus.IMPLEMENTATION_MISSING);
        assertThat(homework.variation()).isNull();
        RuleInForceView visitors = model.rule(ASH, VISITORS, "2027-09-01", LATER);
        assertThat(visitors.status()).isEqualTo(RuleStatus.ALIGNED);
        assertThat(visitors.variation()).isNull();

        // the date decides, not the expiry check: nothing has recorded an end of either yet
        assertThat(model.variation("var-homework").status()).isEqualTo(VariationStatus.RECORDED);
        assertThat(model.variation("var-visitors").status()).isEqualTo(VariationStatus.APPROVED);
    }

    @Test
    void anExpiryRecordedDaysAfterTheReviewDateChangesNoAnswerForTheDatesBetween() {
        ReadModel model = readModel();
        model.apply(adopted(HOMEWORK, 1, ADAPTABLE, "2027-02-01", "2027-01-04T09:00:00Z"));
        model.apply(recorded("var-ash", ASH, HOMEWORK, 1, "2027-09-01", "2027-02-10T10:00:00Z"));
        List<String> dates = List.of("2027-08-30", "2027-08-31", "2027-09-01", "2027-09-02", "2027-09-03",
                "2027-09-04", "2027-09-10");
        Map<String, List<RuleInForceView>> beforeRecorded = model.rulesOn(ASH, dates, LATER);

        VariationExpiredEvent expiry = expired("var-ash", ASH, HOMEWORK, "2027-09-01", "2027-09-04T06:00:00Z");
        model.apply(expiry);

        assertThat(model.rulesOn(ASH, dates, LATER)).isEqualTo(beforeRecorded);
        assertThat(model.rulesOn(ASH, dates, expiry.recordedAt().minusMillis(1))).isEqualTo(beforeRecorded);
        // the answers compared are the ones that matter: in force the day before, lapsed from the date
        assertThat(beforeRecorded.get("2027-08-31")).extracting(RuleInForceView::status)
                .containsExactly(RuleStatus.IMPLEMENTED);
        assertThat(beforeRecorded.get("2027-09-02")).extracting(RuleInForceView::status)
                .containsExactly(RuleStatus.IMPLEMENTATION_MISSING);
        assertThat(model.variation("var-ash").status()).isEqualTo(VariationStatus.EXPIRED);
    }

    @Test
    void aWithdrawnOrRevokedVariationIsNotInForceFromTheDayItEndedButWasBefore() {
        ReadModel model = readModel();
        model.apply(adopted(VISITORS, 1, REQUIRED, "2027-02-01", "2027-01-04T09:00:00Z"));
        model.apply(adopted(HOMEWORK, 1, ADAPTABLE, "2027-02-01", "2027-01-04T10:00:00Z"));
        model.apply(recorded("var-ash", ASH, HOMEWORK, 1, "2028-01-31", "2027-02-10T10:00:00Z"));
        model.apply(requested("var-birch", BIRCH, VISITORS, 1, "2027-12-31", "2027-02-10T11:00:00Z"));
        model.apply(approved("var-birch", BIRCH, VISITORS, "2027-02-15T14:00:00Z"));
        VariationWithdrawnEvent withdrawal = withdrawn("var-ash", ASH, HOMEWORK, "2027-05-10T15:00:00Z");
        VariationRevokedEvent revocation = revoked("var-birch", BIRCH, VISITORS, "2027-05-20T08:00:00Z");
        model.apply(withdrawal);
        model.apply(revocation);

        assertThat(model.status(ASH, HOMEWORK, "2027-05-09")).isEqualTo(RuleStatus.IMPLEMENTED);
        assertThat(model.status(ASH, HOMEWORK, "2027-05-10")).isEqualTo(RuleStatus.IMPLEMENTATION_MISSING);
        assertThat(model.status(ASH, HOMEWORK, "2027-06-01")).isEqualTo(RuleStatus.IMPLEMENTATION_MISSING);
        assertThat(model.status(BIRCH, VISITORS, "2027-05-19")).isEqualTo(RuleStatus.EXCEPTION);
        assertThat(model.status(BIRCH, VISITORS, "2027-05-20")).isEqualTo(RuleStatus.ALIGNED);
        assertThat(model.rule(BIRCH, VISITORS, "2027-05-20", LATER).variation()).isNull();

        assertThat(model.status(ASH, HOMEWORK, "2027-06-01", withdrawal.withdrawnAt().minusMillis(1)))
                .isEqualTo(RuleStatus.IMPLEMENTED);
        assertThat(model.status(BIRCH, VISITORS, "2027-06-01", revocation.revokedAt().minusMillis(1)))
                .isEqualTo(RuleStatus.EXCEPTION);

        // a new implementation of the same school answers from its own day, the withdrawn one before
        model.apply(recorded("var-ash-again", ASH, HOMEWORK, 1, "2028-05-31", "2027-06-01T10:00:00Z"));
        assertThat(model.rule(ASH, HOMEWORK, "2027-05-09", LATER).variation().id()).isEqualTo("var-ash");
        assertThat(model.status(ASH, HOMEWORK, "2027-05-31")).isEqualTo(RuleStatus.IMPLEMENTATION_MISSING);
        assertThat(model.rule(ASH, HOMEWORK, "2027-06-01", LATER).variation().id()).isEqualTo("var-ash-again");
    }

    @Test
    void aReaffirmedExceptionIsOutOfForceUntilApprovedAgainAndNamesTheDeciderOfTheDateAskedAbout() {
        ReadModel model = readModel();
        model.apply(adopted(VISITORS, 1, REQUIRED, "2027-02-01", "2027-01-04T09:00:00Z"));
        model.apply(requested("var-birch", BIRCH, VISITORS, 1, "2027-12-31", "2027-02-10T11:00:00Z"));
        model.apply(approved("var-birch", BIRCH, VISITORS, "2027-02-15T14:00:00Z"));
        model.apply(adopted(VISITORS, 2, REQUIRED, "2027-03-05", "2027-03-01T09:00:00Z"));
        model.apply(reaffirmed("var-birch", BIRCH, VISITORS, 2, "2028-03-31", "Still needed under version 2",
                "2027-03-10T10:00:00Z"));
        model.apply(new ExceptionApprovedEvent("var-birch", VISITORS, TRUST, BIRCH, "once more", CHAIR,
                Instant.parse("2027-03-20T10:00:00Z")));

        RuleInForceView first = model.rule(BIRCH, VISITORS, "2027-03-01", LATER);
        assertThat(first.status()).isEqualTo(RuleStatus.EXCEPTION);
        assertThat(first.variation().decidedBy()).isEqualTo(EXECUTIVE);
        assertThat(first.variation().history()).extracting(VariationView.Change::type)
                .containsExactly("REQUESTED", "APPROVED");
        assertThat(model.status(BIRCH, VISITORS, "2027-03-07")).isEqualTo(RuleStatus.NEEDS_REJUSTIFICATION);
        // the trust approved a departure from the text it saw: reaffirmed against a new text, it waits again
        RuleInForceView waiting = model.rule(BIRCH, VISITORS, "2027-03-12", LATER);
        assertThat(waiting.status()).isEqualTo(RuleStatus.ALIGNED);
        assertThat(waiting.variation()).isNull();
        RuleInForceView second = model.rule(BIRCH, VISITORS, "2027-03-20", LATER);
        assertThat(second.status()).isEqualTo(RuleStatus.EXCEPTION);
        assertThat(second.variation().version()).isEqualTo(2);
        assertThat(second.variation().decidedBy()).isEqualTo(CHAIR);
        assertThat(second.variation().expiresOn()).isEqualTo(LocalDate.parse("2028-03-31"));
    }

    @Test
    void aVariationMadeOnADayIsNotInForceForEarlierDates() {
        ReadModel model = readModel();
        model.apply(adopted(HOMEWORK, 1, ADAPTABLE, "2027-02-01", "2027-01-04T09:00:00Z"));
        // late in the UTC day: the day it counts from is the UTC one
        model.apply(recorded("var-ash", ASH, HOMEWORK, 1, "2028-01-31", "2027-03-10T23:30:00Z"));

        RuleInForceView dayBefore = model.rule(ASH, HOMEWORK, "2027-03-09", LATER);
        assertThat(dayBefore.status()).isEqualTo(RuleStatus.IMPLEMENTATION_MISSING);
        assertThat(dayBefore.variation()).isNull();
        assertThat(model.status(ASH, HOMEWORK, "2027-02-01")).isEqualTo(RuleStatus.IMPLEMENTATION_MISSING);
        assertThat(model.status(ASH, HOMEWORK, "2027-03-10")).isEqualTo(RuleStatus.IMPLEMENTED);
        assertThat(model.status(ASH, HOMEWORK, "2027-03-11")).isEqualTo(RuleStatus.IMPLEMENTED);
    }

    @Test
    void anAmendmentThatChangesTheAlignmentLeavesTheSchoolsVariationNeedingRejustification() {
        ReadModel model = readModel();
        model.apply(adopted(HOMEWORK, 1, ADAPTABLE, "2027-02-01", "2027-01-04T09:00:00Z"));
        model.apply(adopted(VISITORS, 1, REQUIRED, "2027-02-01", "2027-01-04T10:00:00Z"));
        model.apply(recorded("var-homework", ASH, HOMEWORK, 1, "2028-01-31", "2027-02-10T10:00:00Z"));
        model.apply(requested("var-visitors", ASH, VISITORS, 1, "2027-12-31", "2027-02-10T11:00:00Z"));
        model.apply(approved("var-visitors", ASH, VISITORS, "2027-02-15T14:00:00Z"));
        model.apply(adopted(HOMEWORK, 2, REQUIRED, "2027-04-01", "2027-03-01T09:00:00Z"));
        model.apply(adopted(VISITORS, 2, ADAPTABLE, "2027-04-01", "2027-03-01T10:00:00Z"));

        assertThat(model.status(ASH, HOMEWORK, "2027-03-31")).isEqualTo(RuleStatus.IMPLEMENTED);
        assertThat(model.status(ASH, VISITORS, "2027-03-31")).isEqualTo(RuleStatus.EXCEPTION);

        // an implementation does not excuse a school from a now REQUIRED standard, nor does an exception from a
        // REQUIRED text say how the school meets the ADAPTABLE one
        RuleInForceView homework = model.rule(ASH, HOMEWORK, "2027-04-01", LATER);
        assertThat(homework.alignment()).isEqualTo(REQUIRED);
        assertThat(homework.variation().kind()).isEqualTo(VariationKind.IMPLEMENTATION);
        assertThat(homework.status()).isEqualTo(RuleStatus.NEEDS_REJUSTIFICATION);
        RuleInForceView visitors = model.rule(ASH, VISITORS, "2027-04-01", LATER);
        assertThat(visitors.alignment()).isEqualTo(ADAPTABLE);
        assertThat(visitors.variation().kind()).isEqualTo(VariationKind.EXCEPTION);
        assertThat(visitors.status()).isEqualTo(RuleStatus.NEEDS_REJUSTIFICATION);
    }

    @Test
    void anImplementationMadeAheadOfAnAmendmentToAdaptableIsOfTheWrongKindForTheRequiredVersionStillInForce() {
        ReadModel model = readModel();
        model.apply(adopted(VISITORS, 1, REQUIRED, "2027-02-01", "2027-01-04T09:00:00Z"));
        model.apply(adopted(VISITORS, 2, ADAPTABLE, "2027-04-01", "2027-03-01T09:00:00Z"));
        // a variation is made against the latest version adopted, even before it takes effect
        model.apply(recorded("var-ash", ASH, VISITORS, 2, "2028-01-31", "2027-03-10T10:00:00Z"));

        // pinned to a later version, not an earlier one: only its kind tells that it does not fit version 1
        RuleInForceView meanwhile = model.rule(ASH, VISITORS, "2027-03-20", LATER);
        assertThat(meanwhile.version().number()).isEqualTo(1);
        assertThat(meanwhile.variation().version()).isEqualTo(2);
        assertThat(meanwhile.status()).isEqualTo(RuleStatus.NEEDS_REJUSTIFICATION);
        assertThat(model.status(ASH, VISITORS, "2027-04-01")).isEqualTo(RuleStatus.IMPLEMENTED);
        assertThat(model.status(BIRCH, VISITORS, "2027-03-20")).isEqualTo(RuleStatus.ALIGNED);
    }

    @Test
    void theVariationShownAsKnownAtAnEarlierMomentCarriesOnlyTheHistoryRecordedByThen() {
        ReadModel model = readModel();
        model.apply(adopted(HOMEWORK, 1, ADAPTABLE, "2027-02-01", "2027-01-04T09:00:00Z"));
        ImplementationRecordedEvent recording = recorded("var-ash", ASH, HOMEWORK, 1, "2027-09-01",
                "2027-02-10T10:00:00Z");
        VariationReaffirmedEvent renewal = reaffirmed("var-ash", ASH, HOMEWORK, 1, "2028-09-01",
                "Still the right way for us", "2027-08-20T10:00:00Z");
        model.apply(recording);
        model.apply(renewal);
        Instant beforeRenewal = Instant.parse("2027-08-01T00:00:00Z");

        VariationView asKnownThen = model.rule(ASH, HOMEWORK, "2027-08-25", beforeRenewal).variation();
        assertThat(asKnownThen.history()).containsExactly(new VariationView.Change("RECORDED",
                VariationStatus.RECORDED, 1, recording.recordedAt(), LocalDate.parse("2027-02-10"), head(ASH), null));
        assertThat(asKnownThen.justification()).isEqualTo(recording.justification());
        assertThat(asKnownThen.reviewBy()).isEqualTo(LocalDate.parse("2027-09-01"));

        VariationView asKnownNow = model.rule(ASH, HOMEWORK, "2027-08-25", LATER).variation();
        assertThat(asKnownNow.history()).containsExactly(
                asKnownThen.history().get(0),
                new VariationView.Change("REAFFIRMED", VariationStatus.RECORDED, 1, renewal.reaffirmedAt(),
                        LocalDate.parse("2027-08-20"), head(ASH), null));
        assertThat(asKnownNow.justification()).isEqualTo("Still the right way for us");
        assertThat(asKnownNow.reviewBy()).isEqualTo(LocalDate.parse("2028-09-01"));

        // so as known before the renewal, the implementation was going to lapse on its first review date
        assertThat(model.status(ASH, HOMEWORK, "2027-09-01", beforeRenewal))
                .isEqualTo(RuleStatus.IMPLEMENTATION_MISSING);
        assertThat(model.status(ASH, HOMEWORK, "2027-09-01")).isEqualTo(RuleStatus.IMPLEMENTED);
    }

    @Test
    void theBackboneListsExactlyTheVersionsInForceInTheOrderTheStandardsWereAdopted() {
        ReadModel model = readModel();
        StandardVersionAdoptedEvent visitors1 = adopted(VISITORS, 1, REQUIRED, "2027-02-01", "2027-01-04T09:00:00Z");
        StandardVersionAdoptedEvent homework1 = adopted(HOMEWORK, 1, ADAPTABLE, "2027-05-01",
                "2027-01-05T09:00:00Z");
        StandardVersionAdoptedEvent phones1 = adopted(PHONES, 1, GUIDANCE, "2027-02-01", "2027-01-06T09:00:00Z");
        StandardVersionAdoptedEvent visitors2 = adopted(VISITORS, 2, REQUIRED, "2027-04-01", "2027-03-01T09:00:00Z");
        StandardVersionAdoptedEvent elsewhere = new StandardVersionAdoptedEvent(ELSEWHERE, OTHER_TRUST, 1,
                "Elsewhere", Area.IT, REQUIRED, "Another trust's rule", LocalDate.parse("2027-01-01"), null,
                "proposal-elsewhere", "person-elsewhere", Instant.parse("2026-12-01T09:00:00Z"));
        model.apply(visitors1);
        model.apply(homework1);
        model.apply(phones1);
        model.apply(elsewhere);
        model.apply(retired(PHONES, "2027-03-01", "2027-02-20T09:00:00Z"));
        model.apply(visitors2);

        assertThat(model.backbone(TRUST, "2027-01-31", LATER)).isEmpty();
        assertThat(model.backbone(TRUST, "2027-02-15", LATER)).containsExactly(versionOf(visitors1),
                versionOf(phones1));
        assertThat(model.backbone(TRUST, "2027-03-01", LATER)).containsExactly(versionOf(visitors1));
        assertThat(model.backbone(TRUST, "2027-04-15", LATER)).containsExactly(versionOf(visitors2));
        assertThat(model.backbone(TRUST, "2027-05-01", LATER)).containsExactly(versionOf(visitors2),
                versionOf(homework1));
        // as known before the amendment and the retirement
        assertThat(model.backbone(TRUST, "2027-05-01", Instant.parse("2027-02-01T00:00:00Z")))
                .containsExactly(versionOf(visitors1), versionOf(homework1), versionOf(phones1));
        assertThat(model.backbone(OTHER_TRUST, "2027-05-01", LATER)).containsExactly(versionOf(elsewhere));

        // a school's rules are its trust's backbone, standard by standard
        assertThat(model.rules(ASH, "2027-05-01", LATER)).extracting(RuleInForceView::version)
                .containsExactly(versionOf(visitors2), versionOf(homework1));
        assertThat(model.rules(ELM, "2027-05-01", LATER)).extracting(RuleInForceView::version)
                .containsExactly(versionOf(elsewhere));
    }

    @Test
    void anUnknownSchoolHasNoRulesAndAnUnknownTrustNoBackbone() {
        ReadModel model = readModel();
        model.apply(adopted(VISITORS, 1, REQUIRED, "2027-02-01", "2027-01-04T09:00:00Z"));

        assertThat(model.rules("school-unknown", "2027-05-01", LATER)).isEmpty();
        assertThat(model.backbone("trust-unknown", "2027-05-01", LATER)).isEmpty();
        assertThat(model.rules(ASH, "2027-05-01", LATER)).hasSize(1);
    }

    private static StandardVersionAdoptedEvent adopted(String standardId, int version, AlignmentLevel alignment,
                                                       String effectiveFrom, String adoptedAt) {
        LocalDate from = LocalDate.parse(effectiveFrom);
        return new StandardVersionAdoptedEvent(standardId, TRUST, version, "Title of " + standardId,
                Area.SAFEGUARDING, alignment, "Version " + version + " of " + standardId, from, from.plusYears(1),
                "proposal-" + standardId + "-" + version, EXECUTIVE, Instant.parse(adoptedAt));
    }

    private static StandardRetiredEvent retired(String standardId, String retiredOn, String at) {
        return new StandardRetiredEvent(standardId, TRUST, LocalDate.parse(retiredOn), "proposal-retire-" + standardId,
                EXECUTIVE, Instant.parse(at));
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

    private static VariationRevokedEvent revoked(String variationId, String schoolId, String standardId,
                                                 String at) {
        return new VariationRevokedEvent(variationId, standardId, TRUST, schoolId, "no longer justified", EXECUTIVE,
                Instant.parse(at));
    }

    private static VariationExpiredEvent expired(String variationId, String schoolId, String standardId,
                                                 String expiredOn, String recordedAt) {
        return new VariationExpiredEvent(variationId, standardId, TRUST, schoolId, LocalDate.parse(expiredOn),
                "review date reached", Instant.parse(recordedAt));
    }

    private static String head(String schoolId) {
        return "person-head-of-" + schoolId;
    }

    /** The version as the adoption stated it, so that no field can be lost or shifted on the way. */
    private static StandardVersionView versionOf(StandardVersionAdoptedEvent e) {
        return new StandardVersionView(e.standardId(), e.version(), e.title(), e.area(), e.alignment(), e.statement(),
                e.effectiveFrom(), e.reviewBy(), e.proposalId(), e.adoptedBy(), e.adoptedAt());
    }

    /** A read model with the trust, two of its schools, and a school of another trust already registered. */
    private ReadModel readModel() {
        ReadModel model = new ReadModel(new MongoReadModelStore(ReadModelMongo.template(client, "test")));
        model.apply(new TrustRegisteredEvent(TRUST, "Northern Lights Trust"));
        model.apply(new SchoolRegisteredEvent(TRUST, ASH, "Ash Primary", SchoolPhase.PRIMARY, ADMIN));
        model.apply(new SchoolRegisteredEvent(TRUST, BIRCH, "Birch Academy", SchoolPhase.SECONDARY, ADMIN));
        model.apply(new TrustRegisteredEvent(OTHER_TRUST, "Southern Trust"));
        model.apply(new SchoolRegisteredEvent(OTHER_TRUST, ELM, "Elm School", SchoolPhase.PRIMARY, ADMIN));
        return model;
    }

    /** The three projections the rules read from, fed as their processors would be, and the queries over them. */
    private static final class ReadModel {

        private final List<AnnotationEventHandlerAdapter> projections;
        private final RulesInForceQueries queries;
        private final VariationQueries variations;
        private int published;

        ReadModel(ReadModelStore store) {
            this.projections = List.of(
                    new AnnotationEventHandlerAdapter(new TrustProjection(store)),
                    new AnnotationEventHandlerAdapter(new StandardProjection(store)),
                    new AnnotationEventHandlerAdapter(new VariationProjection(store)));
            this.queries = new RulesInForceQueries(store);
            this.variations = new VariationQueries(store);
        }

        /** A newly published event: with an identifier of its own, which the variation history keeps. */
        void apply(Object event) {
            EventMessage<?> message = new GenericEventMessage<>(
                    new GenericMessage<>("evt-" + (++published), event, MetaData.emptyInstance()), Instant::now);
            int handled = 0;
            for (AnnotationEventHandlerAdapter projection : projections) {
                if (projection.canHandle(message)) {
                    try {
                        projection.handle(message);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    handled++;
                }
            }
            assertThat(handled).as("projections handling %s", event).isEqualTo(1);
        }

        List<RuleInForceView> rules(String schoolId, String asOf, Instant knownAt) {
            return queries.handle(new FindRulesInForceQuery(schoolId, LocalDate.parse(asOf), knownAt)).rules();
        }

        Map<String, List<RuleInForceView>> rulesOn(String schoolId, List<String> dates, Instant knownAt) {
            Map<String, List<RuleInForceView>> answers = new LinkedHashMap<>();
            dates.forEach(date -> answers.put(date, rules(schoolId, date, knownAt)));
            return answers;
        }

        List<String> standardIds(String schoolId, String asOf, Instant knownAt) {
            return rules(schoolId, asOf, knownAt).stream().map(RuleInForceView::standardId).toList();
        }

        RuleInForceView rule(String schoolId, String standardId, String asOf, Instant knownAt) {
            List<RuleInForceView> found = new ArrayList<>(rules(schoolId, asOf, knownAt));
            found.removeIf(rule -> !rule.standardId().equals(standardId));
            assertThat(found).as("rules of %s for %s on %s as known at %s", schoolId, standardId, asOf, knownAt)
                    .hasSize(1);
            return found.get(0);
        }

        RuleStatus status(String schoolId, String standardId, String asOf) {
            return status(schoolId, standardId, asOf, LATER);
        }

        RuleStatus status(String schoolId, String standardId, String asOf, Instant knownAt) {
            return rule(schoolId, standardId, asOf, knownAt).status();
        }

        List<StandardVersionView> backbone(String trustId, String asOf, Instant knownAt) {
            return queries.handle(new FindBackboneQuery(trustId, LocalDate.parse(asOf), knownAt));
        }

        VariationView variation(String variationId) {
            VariationView view = variations.handle(new FindVariationQuery(variationId));
            assertThat(view).as("variation %s", variationId).isNotNull();
            return view;
        }
    }
}
