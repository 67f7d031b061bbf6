package org.accord.app.proposal;

import static org.accord.app.support.Refusals.refusedAs;
import static org.accord.api.shared.DomainException.Kind.BAD_REQUEST;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.accord.api.proposal.DraftProposalCommand;
import org.accord.api.proposal.ProposalChanges;
import org.accord.api.proposal.ProposalContent;
import org.accord.api.proposal.ProposalDraftedEvent;
import org.accord.api.proposal.ProposalKind;
import org.accord.api.proposal.ProposalRevisedEvent;
import org.accord.api.proposal.ReviseProposalCommand;
import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Applicability;
import org.accord.api.standard.Area;
import org.accord.api.team.DecisionMode;
import org.accord.api.team.DecisionRule;
import org.accord.api.trust.PersonRole;
import org.accord.api.trust.SchoolPhase;
import org.accord.app.standard.StandardLookup;
import org.accord.app.team.TeamRoster;
import org.accord.app.team.TeamRosters;
import org.accord.app.trust.Roster;
import org.accord.app.trust.TrustRosters;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a proposal will apply to: drafted, revised like any other field, checked against the trust's schools. */
class ProposalApplicabilityTest {

    private static final String TRUST = "trust-1";
    private static final String TEAM = "team-1";
    private static final String PROPOSAL = "proposal-1";
    private static final String CHAIR = "p-chair";
    private static final String P1 = "p-1";
    private static final String STANDARD = "std-1";
    private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
    private static final Instant T1 = T0.plusSeconds(600);
    private static final Applicability PRIMARY = Applicability.phases(SchoolPhase.PRIMARY);
    private static final ProposalContent CONTENT = new ProposalContent("Key Stage 2 history", Area.CURRICULUM,
            AlignmentLevel.ADAPTABLE, "History in chronological order.", null, LocalDate.of(2025, 9, 1), null,
            PRIMARY);

    private static final Roster ROSTER = new Roster(TRUST, Map.of(
            CHAIR, new Roster.Membership(Set.of(PersonRole.HEADTEACHER), "school-1"),
            P1, new Roster.Membership(Set.of(PersonRole.STAFF), "school-2")),
            Set.of("school-1", "school-2"), Set.of("cluster-north"));

    private FixtureConfiguration<Proposal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Proposal.class);
        fixture.registerInjectableResource((TeamRosters) teamId -> {
            if (!TEAM.equals(teamId)) {
                throw DomainException.notFound("unknown team '" + teamId + "'");
            }
            return new TeamRoster(TEAM, TRUST, CHAIR, List.of(CHAIR, P1),
                    new DecisionRule(DecisionMode.MAJORITY, 0.5, 0.5, 168));
        });
        fixture.registerInjectableResource((TrustRosters) trustId -> {
            if (!TRUST.equals(trustId)) {
                throw Roster.unknownTrust(trustId);
            }
            return ROSTER;
        });
        fixture.registerInjectableResource((StandardLookup) (trustId, standardId) ->
                TRUST.equals(trustId) && STANDARD.equals(standardId)
                        ? Optional.of(new StandardLookup.StandardFacts(TRUST, 2, false)) : Optional.empty());
    }

    @Test
    void aProposalCarriesWhatItWillApplyTo() {
        fixture.givenCurrentTime(T0)
                .when(draft(ProposalKind.NEW_STANDARD, null, null, CONTENT), as(P1))
                .expectEvents(drafted(CONTENT));
    }

    @Test
    void aProposalForAPhaseNoSchoolOfTheTrustIsInIsRecordedAsDrafted() {
        ProposalContent special = withApplicability(Applicability.phases(SchoolPhase.SPECIAL));
        fixture.givenCurrentTime(T0)
                .when(draft(ProposalKind.NEW_STANDARD, null, null, special), as(P1))
                .expectEvents(drafted(special));
    }

    @Test
    void aProposalNamingASchoolOutsideTheTrustIsRefused() {
        refused(fixture.givenCurrentTime(T0).when(draft(ProposalKind.NEW_STANDARD, null, null,
                withApplicability(new Applicability(List.of(), List.of(), List.of("school-9")))), as(P1)),
                "applicability names school 'school-9', which is not a school of this trust");
    }

    @Test
    void aProposalNamingAClusterThatIsNotTheTrustsIsRefused() {
        refused(fixture.givenCurrentTime(T0).when(draft(ProposalKind.NEW_STANDARD, null, null,
                withApplicability(new Applicability(List.of(), List.of("cluster-south"), List.of()))), as(P1)),
                "applicability names cluster 'cluster-south', which is not a cluster of this trust");
    }

    @Test
    void aProposalForTheSchoolsOfAClusterOfTheTrustIsRecorded() {
        ProposalContent north = withApplicability(new Applicability(List.of(SchoolPhase.PRIMARY),
                List.of("cluster-north"), List.of()));
        fixture.givenCurrentTime(T0)
                .when(draft(ProposalKind.NEW_STANDARD, null, null, north), as(P1))
                .expectEvents(drafted(north));
    }

    @Test
    void aRetirementNamesNoApplicability() {
        refused(fixture.givenCurrentTime(T0).when(draft(ProposalKind.RETIRE_STANDARD, STANDARD, null, CONTENT),
                as(P1)), "a RETIRE_STANDARD proposal names no applicability");
    }

    @Test
    void anAmendmentMayChangeOnlyTheApplicability() {
        ProposalContent widened = withApplicability(Applicability.EVERY_SCHOOL);
        fixture.givenCurrentTime(T0)
                .when(draft(ProposalKind.AMEND_STANDARD, STANDARD, 2, widened), as(P1))
                .expectEvents(new ProposalDraftedEvent(PROPOSAL, TRUST, TEAM, ProposalKind.AMEND_STANDARD, STANDARD,
                        2, widened, P1, T0));
    }

    @Test
    void changingApplicabilityIsARevisionLikeAnyOther() {
        Applicability wider = Applicability.phases(SchoolPhase.PRIMARY, SchoolPhase.ALL_THROUGH);
        fixture.givenCurrentTime(T1).andGiven(drafted(CONTENT))
                .when(new ReviseProposalCommand(PROPOSAL, changes(wider), "All-through schools teach KS2", 1),
                        as(CHAIR))
                .expectEvents(new ProposalRevisedEvent(PROPOSAL, TRUST, TEAM, 2, withApplicability(wider),
                        "All-through schools teach KS2", CHAIR, T1));
    }

    @Test
    void aRevisionThatNamesTheSameApplicabilityInAnotherOrderChangesNothing() {
        ProposalContent two = withApplicability(Applicability.phases(SchoolPhase.PRIMARY, SchoolPhase.ALL_THROUGH));
        refused(fixture.givenCurrentTime(T1).andGiven(drafted(two))
                .when(new ReviseProposalCommand(PROPOSAL,
                        changes(Applicability.phases(SchoolPhase.ALL_THROUGH, SchoolPhase.PRIMARY)), null, 1),
                        as(CHAIR)), "the revision changes nothing");
    }

    @Test
    void aRevisionThatLeavesApplicabilityOutKeepsIt() {
        fixture.givenCurrentTime(T1).andGiven(drafted(CONTENT))
                .when(new ReviseProposalCommand(PROPOSAL, new ProposalChanges("KS2 history", null, null, null, null,
                        null, null), null, 1), as(CHAIR))
                .expectEvents(new ProposalRevisedEvent(PROPOSAL, TRUST, TEAM, 2, new ProposalContent("KS2 history",
                        Area.CURRICULUM, AlignmentLevel.ADAPTABLE, "History in chronological order.", null,
                        LocalDate.of(2025, 9, 1), null, PRIMARY), null, CHAIR, T1));
    }

    @Test
    void aRevisionNamingASchoolOutsideTheTrustIsRefused() {
        refused(fixture.givenCurrentTime(T1).andGiven(drafted(CONTENT))
                .when(new ReviseProposalCommand(PROPOSAL, changes(new Applicability(List.of(), List.of(),
                        List.of("school-1", "school-elsewhere"))), null, 1), as(CHAIR)),
                "applicability names school 'school-elsewhere', which is not a school of this trust");
    }

    private static ProposalContent withApplicability(Applicability applicability) {
        return new ProposalContent(CONTENT.title(), CONTENT.area(), CONTENT.alignment(), CONTENT.statement(),
                CONTENT.rationale(), CONTENT.effectiveFrom(), CONTENT.reviewBy(), applicability);
    }

    private static ProposalChanges changes(Applicability applicability) {
        return new ProposalChanges(null, null, null, null, null, null, null, applicability);
    }

    private static DraftProposalCommand draft(ProposalKind kind, String standardId, Integer amendsVersion,
                                              ProposalContent content) {
        return new DraftProposalCommand(PROPOSAL, TEAM, kind, standardId, amendsVersion, content);
    }

    private static ProposalDraftedEvent drafted(ProposalContent content) {
        return new ProposalDraftedEvent(PROPOSAL, TRUST, TEAM, ProposalKind.NEW_STANDARD, null, null, content, P1, T0);
    }

    private static Map<String, String> as(String actorId) {
        return Map.of(Actor.METADATA_KEY, actorId);
    }

    private static void refused(ResultValidator<Proposal> result, String message) {
        result.expectException(DomainException.class)
                .expectException(refusedAs(BAD_REQUEST))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString(message))
                .expectNoEvents();
    }
}
