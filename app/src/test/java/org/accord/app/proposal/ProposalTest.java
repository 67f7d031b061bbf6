package org.accord.app.proposal;

import static org.accord.app.support.Refusals.refusedAs;
import static org.accord.api.shared.DomainException.Kind.BAD_REQUEST;
import static org.accord.api.shared.DomainException.Kind.CONFLICT;
import static org.accord.api.shared.DomainException.Kind.FORBIDDEN;
import static org.accord.api.shared.DomainException.Kind.NOT_FOUND;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.accord.api.proposal.CastVoteCommand;
import org.accord.api.proposal.CloseVotingCommand;
import org.accord.api.proposal.RemindVotersCommand;
import org.accord.api.proposal.VoteDelegatedEvent;
import org.accord.api.proposal.VotingClosingSoonEvent;
import org.accord.api.proposal.DraftProposalCommand;
import org.accord.api.proposal.OpenVotingCommand;
import org.accord.api.proposal.ProposalChanges;
import org.accord.api.proposal.ProposalContent;
import org.accord.api.proposal.ProposalDraftedEvent;
import org.accord.api.proposal.ProposalKind;
import org.accord.api.proposal.ProposalRevisedEvent;
import org.accord.api.proposal.ProposalWithdrawnEvent;
import org.accord.api.proposal.RecuseCommand;
import org.accord.api.proposal.ReviseProposalCommand;
import org.accord.api.proposal.Tally;
import org.accord.api.proposal.VoteCastEvent;
import org.accord.api.proposal.VoteChoice;
import org.accord.api.proposal.VoterRecusedEvent;
import org.accord.api.proposal.VotingClosedEvent;
import org.accord.api.proposal.VotingOpenedEvent;
import org.accord.api.proposal.VotingOutcome;
import org.accord.api.proposal.WithdrawProposalCommand;
import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Area;
import org.accord.api.team.DecisionMode;
import org.accord.api.team.DecisionRule;
import org.accord.api.trust.PersonRole;
import org.accord.app.shared.Check;
import org.accord.app.standard.StandardLookup;
import org.accord.app.team.TeamRoster;
import org.accord.app.team.TeamRosters;
import org.accord.app.trust.Roster;
import org.accord.app.trust.TrustRosters;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ProposalTest {

    private static final String TRUST = "trust-1";
    private static final String TEAM = "team-1";
    private static final String PROPOSAL = "proposal-1";
    private static final String CHAIR = "p-chair";
    private static final String P1 = "p-1";
    private static final String P2 = "p-2";
    private static final String P3 = "p-3";
    private static final String P4 = "p-4";
    private static final String EXEC = "p-exec";
    private static final String BOARD = "p-board";
    private static final String OUTSIDER = "p-outsider";
    private static final String STANDARD = "std-1";

    private static final List<String> MEMBERS = List.of(CHAIR, P1, P2, P3);
    private static final DecisionRule RULE = new DecisionRule(DecisionMode.MAJORITY, 0.5, 0.5, 168);

    private static final Roster ROSTER = new Roster(TRUST, Map.of(
            CHAIR, new Roster.Membership(Set.of(PersonRole.HEADTEACHER), "school-1"),
            P1, new Roster.Membership(Set.of(PersonRole.STAFF), "school-1"),
            P2, new Roster.Membership(Set.of(PersonRole.STAFF), "school-2"),
            P3, new Roster.Membership(Set.of(PersonRole.STAFF), "school-2"),
            P4, new Roster.Membership(Set.of(PersonRole.STAFF), "school-1"),
            EXEC, new Roster.Membership(Set.of(PersonRole.TRUST_EXECUTIVE), null),
            BOARD, new Roster.Membership(Set.of(PersonRole.BOARD_MEMBER), null)),
            Set.of("school-1", "school-2"));

    /** Drafted. */
    private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
    private static final Instant REVISED_AT = T0.plus(Duration.ofMinutes(30));
    private static final Instant OPENED_AT = T0.plus(Duration.ofHours(1));
    /** The team's window of 168 hours from opening. */
    private static final Instant CLOSES_AT = OPENED_AT.plus(Duration.ofHours(168));
    private static final Instant VOTE_AT = OPENED_AT.plus(Duration.ofDays(1));
    private static final Instant CLOSED_EARLY_AT = OPENED_AT.plus(Duration.ofDays(2));

    private static final LocalDate EFFECTIVE_FROM = LocalDate.of(2025, 9, 1);
    private static final LocalDate REVIEW_BY = LocalDate.of(2026, 9, 1);
    private static final ProposalContent CONTENT = new ProposalContent("Phones away in lessons", Area.BEHAVIOUR,
            AlignmentLevel.REQUIRED, "Pupils' phones stay in their bags during lessons.",
            "Fewer distractions in class.", EFFECTIVE_FROM, REVIEW_BY);

    private FixtureConfiguration<Proposal> fixture;
    private FakeTeams teams;
    private FakeStandards standards;

    @BeforeEach
    void setUp() {
        teams = new FakeTeams();
        standards = new FakeStandards();
        fixture = new AggregateTestFixture<>(Proposal.class);
        fixture.registerInjectableResource(teams);
        fixture.registerInjectableResource(new KnownTrusts(ROSTER));
        fixture.registerInjectableResource(standards);
    }

    private static Map<String, String> as(String actorId) {
        return Map.of(Actor.METADATA_KEY, actorId);
    }

    private static CommandMessage<?> command(Object command, String actorId) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(as(actorId));
    }

    /** These events happened, and it is now {@code now}. */
    private TestExecutor<Proposal> at(Instant now, Object... events) {
        return fixture.givenCurrentTime(now).andGiven(events);
    }

    private static void expectRefusal(ResultValidator<Proposal> result, DomainException.Kind kind, String message) {
        result.expectException(DomainException.class)
              .expectException(refusedAs(kind))
              .expectExceptionMessage(message)
              .expectNoEvents();
    }

    // commands

    private static DraftProposalCommand draftNew(ProposalContent content) {
        return new DraftProposalCommand(PROPOSAL, TEAM, ProposalKind.NEW_STANDARD, null, null, content);
    }

    private static DraftProposalCommand draft(ProposalKind kind, String standardId, Integer amendsVersion,
                                              ProposalContent content) {
        return new DraftProposalCommand(PROPOSAL, TEAM, kind, standardId, amendsVersion, content);
    }

    private static ReviseProposalCommand revise(ProposalChanges changes, String note, Integer expectedRevision) {
        return new ReviseProposalCommand(PROPOSAL, changes, note, expectedRevision);
    }

    private static ProposalChanges newTitle(String title) {
        return new ProposalChanges(title, null, null, null, null, null, null);
    }

    private static CastVoteCommand vote(VoteChoice choice, String rationale) {
        return new CastVoteCommand(PROPOSAL, choice, rationale);
    }

    private static CloseVotingCommand close() {
        return new CloseVotingCommand(PROPOSAL);
    }

    private static WithdrawProposalCommand withdraw(String reason) {
        return new WithdrawProposalCommand(PROPOSAL, reason);
    }

    // events

    /** P1 drafted a new standard at T0. */
    private static ProposalDraftedEvent drafted() {
        return new ProposalDraftedEvent(PROPOSAL, TRUST, TEAM, ProposalKind.NEW_STANDARD, null, null, CONTENT, P1, T0);
    }

    private static ProposalRevisedEvent revised(int revision, ProposalContent content) {
        return new ProposalRevisedEvent(PROPOSAL, TRUST, TEAM, revision, content, null, P2, REVISED_AT);
    }

    /** The chair opened voting for the four members under the team's rule. */
    private static VotingOpenedEvent opened() {
        return opened(RULE);
    }

    private static VotingOpenedEvent opened(DecisionRule rule) {
        return new VotingOpenedEvent(PROPOSAL, TRUST, TEAM, MEMBERS, rule, OPENED_AT, CLOSES_AT, CHAIR);
    }

    private static VoteCastEvent voted(String voterId, VoteChoice choice) {
        return voted(voterId, choice, choice == VoteChoice.OBJECT ? "Not convinced." : null, VOTE_AT);
    }

    private static VoteCastEvent voted(String voterId, VoteChoice choice, String rationale, Instant castAt) {
        return new VoteCastEvent(PROPOSAL, TRUST, TEAM, voterId, choice, rationale, castAt);
    }

    private static VoterRecusedEvent recused(String voterId) {
        return new VoterRecusedEvent(PROPOSAL, TRUST, TEAM, voterId, "Married to the author.", VOTE_AT);
    }

    private static VotingClosedEvent closed(VotingOutcome outcome, Tally tally, Instant closedAt, boolean atDeadline,
                                            String closedBy) {
        return new VotingClosedEvent(PROPOSAL, TRUST, TEAM, outcome, tally, closedAt, atDeadline, closedBy);
    }

    /** Ratified by the chair ahead of the deadline, 3 approvals to none. */
    private static VotingClosedEvent ratified() {
        return closed(VotingOutcome.RATIFIED, new Tally(3, 0, 0, 0, 4), CLOSED_EARLY_AT, false, CHAIR);
    }

    private static ProposalWithdrawnEvent withdrawn() {
        return new ProposalWithdrawnEvent(PROPOSAL, TRUST, TEAM, "Superseded.", P1, REVISED_AT);
    }

    @Nested
    class Drafting {

        @Test
        void aMemberDraftsANewStandard() {
            fixture.givenCurrentTime(T0)
                    .when(draftNew(CONTENT), as(P1))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(drafted());
        }

        @Test
        void textIsStoredWithoutSurroundingWhitespaceAndABlankRationaleAsNone() {
            fixture.givenCurrentTime(T0)
                    .when(draftNew(new ProposalContent("  Phones away in lessons ", Area.BEHAVIOUR,
                            AlignmentLevel.REQUIRED, "\tPupils' phones stay in their bags during lessons.\n", "   ",
                            EFFECTIVE_FROM, REVIEW_BY)), as(P1))
                    .expectEvents(new ProposalDraftedEvent(PROPOSAL, TRUST, TEAM, ProposalKind.NEW_STANDARD, null,
                            null, new ProposalContent("Phones away in lessons", Area.BEHAVIOUR,
                            AlignmentLevel.REQUIRED, "Pupils' phones stay in their bags during lessons.", null,
                            EFFECTIVE_FROM, REVIEW_BY), P1, T0));
        }

        @Test
        void someoneOutsideTheTrustIsToldTheTeamIsUnknown() {
            expectRefusal(fixture.givenCurrentTime(T0).when(draftNew(CONTENT), as(OUTSIDER)),
                    NOT_FOUND, "unknown team '" + TEAM + "'");
        }

        @ParameterizedTest
        @ValueSource(strings = {P4, EXEC, BOARD})
        void aPersonOfTheTrustWhoIsNotOnTheTeamMayNotPropose(String actorId) {
            expectRefusal(fixture.givenCurrentTime(T0).when(draftNew(CONTENT), as(actorId)),
                    FORBIDDEN, "only members of the team may propose in it");
        }

        @Test
        void aTeamThatDoesNotExistIsNotFound() {
            expectRefusal(fixture.givenCurrentTime(T0)
                            .when(new DraftProposalCommand(PROPOSAL, "team-9", ProposalKind.NEW_STANDARD, null, null,
                                    CONTENT), as(P1)),
                    NOT_FOUND, "unknown team 'team-9'");
        }

        @Test
        void aProposalWithoutKindIsRefused() {
            expectRefusal(fixture.givenCurrentTime(T0).when(draft(null, null, null, CONTENT), as(P1)),
                    BAD_REQUEST, "kind is required");
        }

        @Test
        void aProposalWithoutContentIsRefused() {
            expectRefusal(fixture.givenCurrentTime(T0).when(draftNew(null), as(P1)),
                    BAD_REQUEST, "content is required");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t\n"})
        void aBlankTitleIsRefused(String title) {
            expectRefusal(fixture.givenCurrentTime(T0).when(draftNew(new ProposalContent(title, Area.BEHAVIOUR,
                            AlignmentLevel.REQUIRED, CONTENT.statement(), null, null, null)), as(P1)),
                    BAD_REQUEST, "title must not be blank");
        }

        @Test
        void aMissingAreaIsRefused() {
            expectRefusal(fixture.givenCurrentTime(T0).when(draftNew(new ProposalContent(CONTENT.title(), null,
                            AlignmentLevel.REQUIRED, CONTENT.statement(), null, null, null)), as(P1)),
                    BAD_REQUEST, "area is required");
        }

        @Test
        void aNewStandardWithoutAlignmentIsRefused() {
            expectRefusal(fixture.givenCurrentTime(T0).when(draftNew(new ProposalContent(CONTENT.title(),
                            Area.BEHAVIOUR, null, CONTENT.statement(), null, null, null)), as(P1)),
                    BAD_REQUEST, "alignment is required");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = "  ")
        void aBlankStatementIsRefused(String statement) {
            expectRefusal(fixture.givenCurrentTime(T0).when(draftNew(new ProposalContent(CONTENT.title(),
                            Area.BEHAVIOUR, AlignmentLevel.REQUIRED, statement, null, null, null)), as(P1)),
                    BAD_REQUEST, "statement must not be blank");
        }

        @Test
        void retiringAStandardNeedsNoAlignment() {
            standards.versions.put(STANDARD, 2);
            ProposalContent retirement = new ProposalContent("Retire the phone rule", Area.BEHAVIOUR, null,
                    "The phone rule is withdrawn.", null, null, null);
            fixture.givenCurrentTime(T0)
                    .when(draft(ProposalKind.RETIRE_STANDARD, STANDARD, null, retirement), as(P1))
                    .expectEvents(new ProposalDraftedEvent(PROPOSAL, TRUST, TEAM, ProposalKind.RETIRE_STANDARD,
                            STANDARD, null, retirement, P1, T0));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1})
        void aReviewDateNotAfterTheEffectiveDateIsRefused(int daysAfter) {
            LocalDate reviewBy = EFFECTIVE_FROM.plusDays(daysAfter);
            expectRefusal(fixture.givenCurrentTime(T0).when(draftNew(new ProposalContent(CONTENT.title(),
                            Area.BEHAVIOUR, AlignmentLevel.REQUIRED, CONTENT.statement(), null, EFFECTIVE_FROM,
                            reviewBy)), as(P1)),
                    BAD_REQUEST, "reviewBy (" + reviewBy + ") must be after effectiveFrom (" + EFFECTIVE_FROM + ")");
        }

        @Test
        void aNewStandardNamingAStandardIsRefused() {
            standards.versions.put(STANDARD, 2);
            expectRefusal(fixture.givenCurrentTime(T0)
                            .when(draft(ProposalKind.NEW_STANDARD, STANDARD, null, CONTENT), as(P1)),
                    BAD_REQUEST, "a NEW_STANDARD proposal names no standardId or amendsVersion");
        }

        @Test
        void aNewStandardNamingAVersionToAmendIsRefused() {
            expectRefusal(fixture.givenCurrentTime(T0)
                            .when(draft(ProposalKind.NEW_STANDARD, null, 2, CONTENT), as(P1)),
                    BAD_REQUEST, "a NEW_STANDARD proposal names no standardId or amendsVersion");
        }

        @ParameterizedTest
        @EnumSource(value = ProposalKind.class, names = {"AMEND_STANDARD", "RETIRE_STANDARD"})
        void amendingOrRetiringAStandardThatDoesNotExistIsNotFound(ProposalKind kind) {
            Integer amends = kind == ProposalKind.AMEND_STANDARD ? 1 : null;
            expectRefusal(fixture.givenCurrentTime(T0).when(draft(kind, STANDARD, amends, CONTENT), as(P1)),
                    NOT_FOUND, "unknown standard '" + STANDARD + "'");
        }

        @ParameterizedTest
        @EnumSource(value = ProposalKind.class, names = {"AMEND_STANDARD", "RETIRE_STANDARD"})
        void amendingOrRetiringWithoutNamingTheStandardIsRefused(ProposalKind kind) {
            expectRefusal(fixture.givenCurrentTime(T0).when(draft(kind, null, null, CONTENT), as(P1)),
                    BAD_REQUEST, "standardId is required");
        }

        @Test
        void anAmendmentWithoutTheVersionItAmendsIsRefused() {
            standards.versions.put(STANDARD, 2);
            expectRefusal(fixture.givenCurrentTime(T0)
                            .when(draft(ProposalKind.AMEND_STANDARD, STANDARD, null, CONTENT), as(P1)),
                    BAD_REQUEST, "amendsVersion is required");
        }

        @Test
        void anAmendmentOfASupersededVersionConflictsAndNamesTheCurrentVersion() {
            standards.versions.put(STANDARD, 2);
            expectRefusal(fixture.givenCurrentTime(T0)
                            .when(draft(ProposalKind.AMEND_STANDARD, STANDARD, 1, CONTENT), as(P1)),
                    CONFLICT, "standard '" + STANDARD + "' is at version 2: an amendment must be made against the"
                            + " current version, not 1");
        }

        @Test
        void anAmendmentOfTheCurrentVersionIsDrafted() {
            standards.versions.put(STANDARD, 2);
            fixture.givenCurrentTime(T0)
                    .when(draft(ProposalKind.AMEND_STANDARD, STANDARD, 2, CONTENT), as(P1))
                    .expectEvents(new ProposalDraftedEvent(PROPOSAL, TRUST, TEAM, ProposalKind.AMEND_STANDARD,
                            STANDARD, 2, CONTENT, P1, T0));
        }

        @Test
        void aRetirementNamingAVersionIsRefused() {
            standards.versions.put(STANDARD, 2);
            expectRefusal(fixture.givenCurrentTime(T0)
                            .when(draft(ProposalKind.RETIRE_STANDARD, STANDARD, 2, CONTENT), as(P1)),
                    BAD_REQUEST, "a RETIRE_STANDARD proposal names no amendsVersion");
        }
    }

    @Nested
    class Revising {

        private final ProposalContent retitled = new ProposalContent("Phones away all day", CONTENT.area(),
                CONTENT.alignment(), CONTENT.statement(), CONTENT.rationale(), CONTENT.effectiveFrom(),
                CONTENT.reviewBy());

        @Test
        void aMemberRevisesAndTheRevisionCarriesTheWholeContent() {
            at(REVISED_AT, drafted())
                    .when(revise(newTitle("Phones away all day"), "  Wider scope ", 1), as(P2))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ProposalRevisedEvent(PROPOSAL, TRUST, TEAM, 2, retitled, "Wider scope", P2,
                            REVISED_AT));
        }

        @Test
        void eachRevisionTakesTheNextNumber() {
            ProposalContent rescoped = new ProposalContent(retitled.title(), Area.CURRICULUM, retitled.alignment(),
                    retitled.statement(), retitled.rationale(), retitled.effectiveFrom(), retitled.reviewBy());
            at(REVISED_AT.plus(Duration.ofMinutes(5)), drafted(), revised(2, retitled))
                    .when(revise(new ProposalChanges(null, Area.CURRICULUM, null, null, null, null, null), null, 2),
                            as(P1))
                    .expectEvents(new ProposalRevisedEvent(PROPOSAL, TRUST, TEAM, 3, rescoped, null, P1,
                            REVISED_AT.plus(Duration.ofMinutes(5))));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = "   ")
        void theNoteIsOptional(String note) {
            at(REVISED_AT, drafted())
                    .when(revise(newTitle("Phones away all day"), note, null), as(P2))
                    .expectEvents(new ProposalRevisedEvent(PROPOSAL, TRUST, TEAM, 2, retitled, null, P2,
                            REVISED_AT));
        }

        @Test
        void aRevisionThatChangesNothingIsRefused() {
            expectRefusal(at(REVISED_AT, drafted())
                            .when(revise(new ProposalChanges(null, null, null, null, null, null, null), null, 1),
                                    as(P2)),
                    BAD_REQUEST, "the revision changes nothing");
        }

        @Test
        void aRevisionRepeatingTheCurrentContentIsRefused() {
            // different only in surrounding whitespace, which is not kept
            expectRefusal(at(REVISED_AT, drafted())
                            .when(revise(new ProposalChanges(" " + CONTENT.title() + " ", CONTENT.area(),
                                    CONTENT.alignment(), CONTENT.statement(), CONTENT.rationale(),
                                    CONTENT.effectiveFrom(), CONTENT.reviewBy()), null, 1), as(P2)),
                    BAD_REQUEST, "the revision changes nothing");
        }

        @Test
        void aRevisionIsValidatedAsAWhole() {
            LocalDate reviewBy = EFFECTIVE_FROM.minusDays(1);
            expectRefusal(at(REVISED_AT, drafted())
                            .when(revise(new ProposalChanges(null, null, null, null, null, null, reviewBy), null, 1),
                                    as(P2)),
                    BAD_REQUEST, "reviewBy (" + reviewBy + ") must be after effectiveFrom (" + EFFECTIVE_FROM + ")");
        }

        @Test
        void aRevisionWithoutChangesIsRefused() {
            expectRefusal(at(REVISED_AT, drafted()).when(revise(null, null, 1), as(P2)),
                    BAD_REQUEST, "changes is required");
        }

        @Test
        void aRevisionAfterVotingOpenedConflicts() {
            expectRefusal(at(VOTE_AT, drafted(), opened())
                            .when(revise(newTitle("Phones away all day"), null, 1), as(P1)),
                    CONFLICT, "the proposal is VOTING: only a draft can be revised");
        }

        @Test
        void aRevisionOfAWithdrawnProposalConflicts() {
            expectRefusal(at(VOTE_AT, drafted(), withdrawn())
                            .when(revise(newTitle("Phones away all day"), null, null), as(P1)),
                    CONFLICT, "the proposal is WITHDRAWN: only a draft can be revised");
        }

        @Test
        void aRevisionOfAStaleRevisionConflicts() {
            expectRefusal(at(REVISED_AT.plus(Duration.ofMinutes(5)), drafted(), revised(2, retitled))
                            .when(revise(newTitle("Phones away at all times"), null, 1), as(P3)),
                    CONFLICT, "the proposal was revised meanwhile: it is at revision 2, not 1");
        }

        @ParameterizedTest
        @ValueSource(strings = {P4, EXEC})
        void aPersonOfTheTrustWhoIsNotOnTheTeamMayNotRevise(String actorId) {
            expectRefusal(at(REVISED_AT, drafted()).when(revise(newTitle("Phones away all day"), null, 1),
                            as(actorId)),
                    FORBIDDEN, "only members of the team may revise its proposals");
        }

        @Test
        void someoneOutsideTheTrustIsToldTheProposalIsUnknown() {
            expectRefusal(at(REVISED_AT, drafted()).when(revise(newTitle("Phones away all day"), null, 1),
                            as(OUTSIDER)),
                    NOT_FOUND, "unknown proposal '" + PROPOSAL + "'");
        }
    }

    @Nested
    class OpeningVoting {

        @Test
        void theChairOpensVotingForTheTeamsWindowByDefault() {
            at(OPENED_AT, drafted())
                    .when(new OpenVotingCommand(PROPOSAL, null), as(CHAIR))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new VotingOpenedEvent(PROPOSAL, TRUST, TEAM, MEMBERS, RULE, OPENED_AT,
                            OPENED_AT.plus(Duration.ofHours(168)), CHAIR));
        }

        @Test
        void theChairMayChooseTheDeadline() {
            Instant closesAt = OPENED_AT.plus(Duration.ofDays(3));
            at(OPENED_AT, drafted())
                    .when(new OpenVotingCommand(PROPOSAL, closesAt), as(CHAIR))
                    .expectEvents(new VotingOpenedEvent(PROPOSAL, TRUST, TEAM, MEMBERS, RULE, OPENED_AT, closesAt,
                            CHAIR));
        }

        @ParameterizedTest
        @ValueSource(strings = {P1, P2, P4, EXEC})
        void onlyTheChairMayOpenVoting(String actorId) {
            // not even the proposer (P1) or a trust executive
            expectRefusal(at(OPENED_AT, drafted()).when(new OpenVotingCommand(PROPOSAL, null), as(actorId)),
                    FORBIDDEN, "only the chair of the team may open voting");
        }

        @Test
        void someoneOutsideTheTrustIsToldTheProposalIsUnknown() {
            expectRefusal(at(OPENED_AT, drafted()).when(new OpenVotingCommand(PROPOSAL, null), as(OUTSIDER)),
                    NOT_FOUND, "unknown proposal '" + PROPOSAL + "'");
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -1, -3600})
        void aDeadlineThatIsNotInTheFutureIsRefused(long secondsFromNow) {
            Instant closesAt = OPENED_AT.plusSeconds(secondsFromNow);
            expectRefusal(at(OPENED_AT, drafted()).when(new OpenVotingCommand(PROPOSAL, closesAt), as(CHAIR)),
                    BAD_REQUEST, "closesAt must be in the future, was " + closesAt);
        }

        @Test
        void aDeadlineMoreThanAYearAwayIsRefused() {
            Instant closesAt = OPENED_AT.plus(Duration.ofDays(366)).plusSeconds(1);
            expectRefusal(at(OPENED_AT, drafted()).when(new OpenVotingCommand(PROPOSAL, closesAt), as(CHAIR)),
                    BAD_REQUEST, "closesAt must be within a year, was " + closesAt);
        }

        @Test
        void aDeadlineExactlyAYearAwayIsAccepted() {
            // a year of 366 days, as the team's longest window
            Instant closesAt = OPENED_AT.plus(Duration.ofDays(366));
            at(OPENED_AT, drafted())
                    .when(new OpenVotingCommand(PROPOSAL, closesAt), as(CHAIR))
                    .expectEvents(new VotingOpenedEvent(PROPOSAL, TRUST, TEAM, MEMBERS, RULE, OPENED_AT, closesAt,
                            CHAIR));
        }

        @Test
        void theEligibleVotersAreTheMembersWhenVotingOpens() {
            teams.members.remove(P3);
            teams.members.add(P4);
            at(OPENED_AT, drafted())
                    .when(new OpenVotingCommand(PROPOSAL, null), as(CHAIR))
                    .expectEvents(new VotingOpenedEvent(PROPOSAL, TRUST, TEAM, List.of(CHAIR, P1, P2, P4), RULE,
                            OPENED_AT, CLOSES_AT, CHAIR));
        }

        @Test
        void theTeamsCurrentRuleIsFixedWhenVotingOpens() {
            DecisionRule consent = new DecisionRule(DecisionMode.CONSENT, 0.75, 1.0, 24);
            teams.rule = consent;
            at(OPENED_AT, drafted())
                    .when(new OpenVotingCommand(PROPOSAL, null), as(CHAIR))
                    .expectEvents(new VotingOpenedEvent(PROPOSAL, TRUST, TEAM, MEMBERS, consent, OPENED_AT,
                            OPENED_AT.plus(Duration.ofHours(24)), CHAIR));
        }

        @Test
        void votingOpensOnlyOnce() {
            expectRefusal(at(VOTE_AT, drafted(), opened()).when(new OpenVotingCommand(PROPOSAL, null), as(CHAIR)),
                    CONFLICT, "the proposal is VOTING: voting opens only on a draft");
        }

        @Test
        void votingDoesNotOpenOnAWithdrawnProposal() {
            expectRefusal(at(OPENED_AT, drafted(), withdrawn())
                            .when(new OpenVotingCommand(PROPOSAL, null), as(CHAIR)),
                    CONFLICT, "the proposal is WITHDRAWN: voting opens only on a draft");
        }
    }

    @Nested
    class Voting {

        @ParameterizedTest
        @EnumSource(VoteChoice.class)
        void aMemberVotes(VoteChoice choice) {
            at(VOTE_AT, drafted(), opened())
                    .when(vote(choice, "  Because.  "), as(P2))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(voted(P2, choice, "Because.", VOTE_AT));
        }

        @Test
        void anApprovalNeedsNoRationale() {
            at(VOTE_AT, drafted(), opened())
                    .when(vote(VoteChoice.APPROVE, "  "), as(P2))
                    .expectEvents(voted(P2, VoteChoice.APPROVE, null, VOTE_AT));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\n"})
        void anObjectionWithoutARationaleIsRefused(String rationale) {
            expectRefusal(at(VOTE_AT, drafted(), opened()).when(vote(VoteChoice.OBJECT, rationale), as(P2)),
                    BAD_REQUEST, "an objection needs a rationale");
        }

        @Test
        void aVoteWithoutAChoiceIsRefused() {
            expectRefusal(at(VOTE_AT, drafted(), opened()).when(vote(null, "Hmm."), as(P2)),
                    BAD_REQUEST, "choice is required");
        }

        @Test
        void aVoteOnADraftIsRefused() {
            expectRefusal(at(VOTE_AT, drafted()).when(vote(VoteChoice.APPROVE, null), as(P2)),
                    BAD_REQUEST, "voting has not opened on this proposal: cannot vote yet");
        }

        @ParameterizedTest
        @ValueSource(longs = {0, 1, 3 * 3600})
        void aVoteAtOrAfterTheDeadlineConflictsEvenBeforeTheCloseIsRecorded(long secondsAfterDeadline) {
            expectRefusal(at(CLOSES_AT.plusSeconds(secondsAfterDeadline), drafted(), opened())
                            .when(vote(VoteChoice.APPROVE, null), as(P2)),
                    CONFLICT, "voting closed at " + CLOSES_AT);
        }

        @Test
        void aVoteInTheLastSecondBeforeTheDeadlineIsCast() {
            Instant lastSecond = CLOSES_AT.minusSeconds(1);
            at(lastSecond, drafted(), opened())
                    .when(vote(VoteChoice.APPROVE, null), as(P2))
                    .expectEvents(voted(P2, VoteChoice.APPROVE, null, lastSecond));
        }

        @Test
        void aVoteAfterTheCloseConflicts() {
            expectRefusal(at(CLOSED_EARLY_AT.plusSeconds(60), drafted(), opened(), voted(CHAIR, VoteChoice.APPROVE),
                            voted(P1, VoteChoice.APPROVE), voted(P3, VoteChoice.APPROVE), ratified())
                            .when(vote(VoteChoice.OBJECT, "Too late?"), as(P2)),
                    CONFLICT, "voting is over: the proposal is RATIFIED");
        }

        @Test
        void aVoteOnAWithdrawnProposalConflicts() {
            expectRefusal(at(VOTE_AT, drafted(), opened(), withdrawn()).when(vote(VoteChoice.APPROVE, null), as(P2)),
                    CONFLICT, "voting is over: the proposal is WITHDRAWN");
        }

        @Test
        void aMemberWhoJoinedAfterVotingOpenedMayNotVote() {
            teams.members.add(P4);
            expectRefusal(at(VOTE_AT, drafted(), opened()).when(vote(VoteChoice.APPROVE, null), as(P4)),
                    FORBIDDEN, "only the 4 members of the team when voting opened may vote on this proposal or recuse from it");
        }

        @Test
        void aPersonOfTheTrustWhoIsNotOnTheTeamMayNotVote() {
            expectRefusal(at(VOTE_AT, drafted(), opened()).when(vote(VoteChoice.APPROVE, null), as(EXEC)),
                    FORBIDDEN, "only the 4 members of the team when voting opened may vote on this proposal or recuse from it");
        }

        @Test
        void someoneOutsideTheTrustIsToldTheProposalIsUnknown() {
            expectRefusal(at(VOTE_AT, drafted(), opened()).when(vote(VoteChoice.APPROVE, null), as(OUTSIDER)),
                    NOT_FOUND, "unknown proposal '" + PROPOSAL + "'");
        }

        @Test
        void aMemberWhoLeftAfterVotingOpenedMayStillVote() {
            teams.members.remove(P3);
            at(VOTE_AT, drafted(), opened())
                    .when(vote(VoteChoice.APPROVE, null), as(P3))
                    .expectEvents(voted(P3, VoteChoice.APPROVE, null, VOTE_AT));
        }

        @Test
        void aVoterMayChangeTheirVote() {
            Instant later = VOTE_AT.plus(Duration.ofHours(2));
            at(later, drafted(), opened(), voted(P2, VoteChoice.APPROVE))
                    .when(vote(VoteChoice.OBJECT, "Read the small print."), as(P2))
                    .expectEvents(voted(P2, VoteChoice.OBJECT, "Read the small print.", later));
        }

        @Test
        void theLaterOfTwoVotesStandsInTheOutcome() {
            // approvals 2 to 1 before P2 changed their mind; objections 2 to 1 after
            at(CLOSED_EARLY_AT, drafted(), opened(), voted(P1, VoteChoice.APPROVE), voted(P2, VoteChoice.APPROVE),
                    voted(P3, VoteChoice.OBJECT), voted(P2, VoteChoice.OBJECT))
                    .when(close(), as(CHAIR))
                    .expectEvents(closed(VotingOutcome.REJECTED, new Tally(1, 2, 0, 0, 4), CLOSED_EARLY_AT, false,
                            CHAIR));
        }

        @Test
        void aRecusedVoterCannotVote() {
            expectRefusal(at(VOTE_AT, drafted(), opened(), recused(P2)).when(vote(VoteChoice.APPROVE, null), as(P2)),
                    BAD_REQUEST, "you recused yourself from this proposal and cannot vote on it");
        }
    }

    @Nested
    class Recusing {

        @Test
        void anEligibleVoterRecusesNamingTheirInterest() {
            at(VOTE_AT, drafted(), opened())
                    .when(new RecuseCommand(PROPOSAL, "  Married to the author. "), as(P2))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new VoterRecusedEvent(PROPOSAL, TRUST, TEAM, P2, "Married to the author.",
                            VOTE_AT));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = "  ")
        void aRecusalWithoutAnInterestIsRefused(String interest) {
            expectRefusal(at(VOTE_AT, drafted(), opened()).when(new RecuseCommand(PROPOSAL, interest), as(P2)),
                    BAD_REQUEST, "interest must not be blank: say what the interest is");
        }

        @Test
        void aVoterRecusesOnlyOnce() {
            expectRefusal(at(VOTE_AT, drafted(), opened(), recused(P2))
                            .when(new RecuseCommand(PROPOSAL, "Still married."), as(P2)),
                    BAD_REQUEST, "you have already recused yourself from this proposal");
        }

        @Test
        void aVoterWhoVotedMayStillRecuse() {
            at(VOTE_AT, drafted(), opened(), voted(P2, VoteChoice.APPROVE))
                    .when(new RecuseCommand(PROPOSAL, "Married to the author."), as(P2))
                    .expectEvents(recused(P2));
        }

        @Test
        void aRecusalRemovesTheVoteCastBeforeItFromTheCount() {
            // counting P2's approval it would be 2 to 1 and ratified; without it a tie among the 3 left
            at(CLOSED_EARLY_AT, drafted(), opened(), voted(P1, VoteChoice.APPROVE), voted(P2, VoteChoice.APPROVE),
                    voted(P3, VoteChoice.OBJECT), recused(P2))
                    .when(close(), as(CHAIR))
                    .expectEvents(closed(VotingOutcome.REJECTED, new Tally(1, 1, 0, 1, 4), CLOSED_EARLY_AT, false,
                            CHAIR));
        }

        @Test
        void onlyAnEligibleVoterMayRecuse() {
            teams.members.add(P4);
            expectRefusal(at(VOTE_AT, drafted(), opened()).when(new RecuseCommand(PROPOSAL, "Interest."), as(P4)),
                    FORBIDDEN, "only the 4 members of the team when voting opened may vote on this proposal or recuse from it");
        }

        @Test
        void aRecusalOnADraftIsRefused() {
            expectRefusal(at(VOTE_AT, drafted()).when(new RecuseCommand(PROPOSAL, "Interest."), as(P2)),
                    BAD_REQUEST, "voting has not opened on this proposal: cannot recuse yet");
        }

        @Test
        void aRecusalAtTheDeadlineConflicts() {
            expectRefusal(at(CLOSES_AT, drafted(), opened()).when(new RecuseCommand(PROPOSAL, "Interest."), as(P2)),
                    CONFLICT, "voting closed at " + CLOSES_AT);
        }
    }

    @Nested
    class Closing {

        @Test
        void theChairClosesEarlyAndTheCloseIsRecordedWhenItHappens() {
            at(CLOSED_EARLY_AT, drafted(), opened(), voted(P1, VoteChoice.APPROVE), voted(P2, VoteChoice.APPROVE),
                    voted(P3, VoteChoice.OBJECT))
                    .when(close(), as(CHAIR))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(closed(VotingOutcome.RATIFIED, new Tally(2, 1, 0, 0, 4), CLOSED_EARLY_AT, false,
                            CHAIR));
        }

        @Test
        void tooFewVotersLapses() {
            at(CLOSED_EARLY_AT, drafted(), opened(), voted(P1, VoteChoice.APPROVE))
                    .when(close(), as(CHAIR))
                    .expectEvents(closed(VotingOutcome.LAPSED, new Tally(1, 0, 0, 0, 4), CLOSED_EARLY_AT, false,
                            CHAIR));
        }

        @Test
        void theRuleFixedWhenVotingOpenedDecidesNotTheTeamsCurrentOne() {
            // under the team's majority rule now, 3 to 1 would ratify; under consent, fixed at opening, it is blocked
            at(CLOSED_EARLY_AT, drafted(), opened(new DecisionRule(DecisionMode.CONSENT, 0.5, 0.5, 168)),
                    voted(CHAIR, VoteChoice.APPROVE), voted(P1, VoteChoice.APPROVE), voted(P2, VoteChoice.APPROVE),
                    voted(P3, VoteChoice.OBJECT))
                    .when(close(), as(CHAIR))
                    .expectEvents(closed(VotingOutcome.REJECTED, new Tally(3, 1, 0, 0, 4), CLOSED_EARLY_AT, false,
                            CHAIR));
        }

        @Test
        void theVotersFixedWhenVotingOpenedAreCountedNotTheTeamsCurrentMembers() {
            // P3 left the team and P4 joined since voting opened: P3's approval still counts
            teams.members.remove(P3);
            teams.members.add(P4);
            at(CLOSED_EARLY_AT, drafted(), opened(), voted(P3, VoteChoice.APPROVE), voted(P1, VoteChoice.APPROVE))
                    .when(close(), as(CHAIR))
                    .expectEvents(closed(VotingOutcome.RATIFIED, new Tally(2, 0, 0, 0, 4), CLOSED_EARLY_AT, false,
                            CHAIR));
        }

        @ParameterizedTest
        @ValueSource(strings = {P1, P2, EXEC})
        void onlyTheChairMayClose(String actorId) {
            expectRefusal(at(CLOSED_EARLY_AT, drafted(), opened()).when(close(), as(actorId)),
                    FORBIDDEN, "only the chair of the team may close voting");
        }

        @Test
        void someoneOutsideTheTrustIsToldTheProposalIsUnknown() {
            expectRefusal(at(CLOSED_EARLY_AT, drafted(), opened()).when(close(), as(OUTSIDER)),
                    NOT_FOUND, "unknown proposal '" + PROPOSAL + "'");
        }

        @ParameterizedTest
        @ValueSource(longs = {1, 3600, 24 * 3600})
        void accordCannotCloseBeforeTheDeadline(long secondsBeforeDeadline) {
            expectRefusal(at(CLOSES_AT.minusSeconds(secondsBeforeDeadline), drafted(), opened())
                            .when(close(), as(Actor.SYSTEM)),
                    CONFLICT, "voting closes at " + CLOSES_AT + ", not before");
        }

        @ParameterizedTest
        @ValueSource(longs = {0, 1, 5 * 3600, 3 * 24 * 3600})
        void accordClosingAfterTheDeadlineRecordsTheDeadlineAsTheClose(long secondsAfterDeadline) {
            // Accord may have been down when the deadline passed: voting still ended at the deadline
            at(CLOSES_AT.plusSeconds(secondsAfterDeadline), drafted(), opened(), voted(P1, VoteChoice.APPROVE),
                    voted(P2, VoteChoice.APPROVE))
                    .when(close(), as(Actor.SYSTEM))
                    .expectEvents(closed(VotingOutcome.RATIFIED, new Tally(2, 0, 0, 0, 4), CLOSES_AT, true,
                            Actor.SYSTEM));
        }

        @Test
        void theChairClosingAfterTheDeadlineAlsoRecordsTheDeadlineAsTheClose() {
            at(CLOSES_AT.plus(Duration.ofHours(2)), drafted(), opened(), voted(P1, VoteChoice.APPROVE),
                    voted(P2, VoteChoice.APPROVE))
                    .when(close(), as(CHAIR))
                    .expectEvents(closed(VotingOutcome.RATIFIED, new Tally(2, 0, 0, 0, 4), CLOSES_AT, true, CHAIR));
        }

        @Test
        void theDeadlinePassingRecordsNothingUntilAccordClosesTheVote() {
            // the aggregate schedules no deadline of its own: the close comes as a command from Accord
            at(VOTE_AT, drafted(), opened(), voted(P1, VoteChoice.APPROVE), voted(P2, VoteChoice.APPROVE))
                    .whenTimeElapses(Duration.ofDays(8))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @ParameterizedTest
        @ValueSource(strings = {CHAIR, Actor.SYSTEM})
        void votingClosesOnlyOnce(String actorId) {
            expectRefusal(at(CLOSES_AT.plus(Duration.ofHours(1)), drafted(), opened(),
                            voted(CHAIR, VoteChoice.APPROVE), voted(P1, VoteChoice.APPROVE),
                            voted(P3, VoteChoice.APPROVE), ratified())
                            .when(close(), as(actorId)),
                    CONFLICT, "voting is not open: the proposal is RATIFIED");
        }

        @Test
        void votingOnADraftCannotBeClosed() {
            expectRefusal(at(CLOSED_EARLY_AT, drafted()).when(close(), as(CHAIR)),
                    CONFLICT, "voting is not open: the proposal is DRAFT");
        }

        @Test
        void aVoteChangedInTheLastSecondBeforeTheDeadlineCounts() {
            Instant lastSecond = CLOSES_AT.minusSeconds(1);
            fixture.givenCurrentTime(VOTE_AT)
                    .andGiven(drafted(), opened(), voted(P1, VoteChoice.APPROVE), voted(P2, VoteChoice.APPROVE),
                            voted(P3, VoteChoice.OBJECT))
                    .andGivenCurrentTime(lastSecond)
                    .andGivenCommands(command(vote(VoteChoice.OBJECT, "Changed my mind."), P2))
                    .andGivenCurrentTime(CLOSES_AT.plus(Duration.ofHours(6)))
                    .when(close(), as(Actor.SYSTEM))
                    .expectEvents(closed(VotingOutcome.REJECTED, new Tally(1, 2, 0, 0, 4), CLOSES_AT, true,
                            Actor.SYSTEM));
        }
    }

    /** Accord reminds the voters who have not voted, once, from 48 hours before the deadline (issue 20, item 5). */
    @Nested
    class Reminding {

        private final Instant due = CLOSES_AT.minus(Duration.ofHours(48));

        private RemindVotersCommand remind() {
            return new RemindVotersCommand(PROPOSAL);
        }

        @Test
        void theVotersWhoHaveNotVotedRecusedOrDelegatedAreRemindedFrom48HoursBeforeTheDeadline() {
            at(due, drafted(), opened(), voted(P1, VoteChoice.APPROVE), recused(P2))
                    .when(remind(), as(Actor.SYSTEM))
                    .expectEvents(new VotingClosingSoonEvent(PROPOSAL, TRUST, TEAM, List.of(CHAIR, P3), 4, CLOSES_AT,
                            due));
        }

        @Test
        void aVoterWhoseVoteIsDelegatedIsNotReminded() {
            at(due.plusSeconds(60), drafted(), opened(),
                    new VoteDelegatedEvent(PROPOSAL, TRUST, TEAM, "d-1", P3, P1, null, VOTE_AT))
                    .when(remind(), as(Actor.SYSTEM))
                    .expectEvents(new VotingClosingSoonEvent(PROPOSAL, TRUST, TEAM, List.of(CHAIR, P1, P2), 4,
                            CLOSES_AT, due.plusSeconds(60)));
        }

        @Test
        void accordCannotRemindBeforeTheReminderIsDue() {
            expectRefusal(at(due.minusSeconds(1), drafted(), opened()).when(remind(), as(Actor.SYSTEM)),
                    CONFLICT, "the reminder is due at " + due + ", not before");
        }

        @Test
        void theVotersAreRemindedOnlyOnce() {
            expectRefusal(at(due.plusSeconds(5), drafted(), opened(),
                            new VotingClosingSoonEvent(PROPOSAL, TRUST, TEAM, List.of(P1), 4, CLOSES_AT, due))
                            .when(remind(), as(Actor.SYSTEM)),
                    CONFLICT, "the voters were already reminded");
        }

        @Test
        void aVoteOpenFor48HoursOrLessHasNoReminder() {
            expectRefusal(at(OPENED_AT.plusSeconds(60), drafted(),
                            new VotingOpenedEvent(PROPOSAL, TRUST, TEAM, MEMBERS, RULE, OPENED_AT,
                                    OPENED_AT.plus(Duration.ofHours(48)), CHAIR))
                            .when(remind(), as(Actor.SYSTEM)),
                    CONFLICT, "voting was open for 48 hours or less: no reminder is due");
        }

        @Test
        void aClosedVoteHasNoReminder() {
            expectRefusal(at(CLOSES_AT.plusSeconds(1), drafted(), opened(),
                            closed(VotingOutcome.LAPSED, new Tally(0, 0, 0, 0, 4), CLOSES_AT, true, Actor.SYSTEM))
                            .when(remind(), as(Actor.SYSTEM)),
                    CONFLICT, "voting is not open: the proposal is LAPSED");
        }

        @ParameterizedTest
        @ValueSource(strings = {CHAIR, P1, EXEC})
        void nobodyButAccordRemindsTheVoters(String actor) {
            expectRefusal(at(due, drafted(), opened()).when(remind(), as(actor)),
                    FORBIDDEN, "voters are reminded by Accord itself, not on request");
        }
    }

    @Nested
    class Withdrawing {

        private final Instant withdrawnAt = REVISED_AT;

        @Test
        void theProposerWithdrawsADraft() {
            at(withdrawnAt, drafted())
                    .when(withdraw("  Superseded. "), as(P1))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ProposalWithdrawnEvent(PROPOSAL, TRUST, TEAM, "Superseded.", P1, withdrawnAt));
        }

        @Test
        void theChairWithdrawsAProposalWhileVotingIsOpen() {
            at(VOTE_AT, drafted(), opened(), voted(P2, VoteChoice.APPROVE))
                    .when(withdraw("Overtaken by events."), as(CHAIR))
                    .expectEvents(new ProposalWithdrawnEvent(PROPOSAL, TRUST, TEAM, "Overtaken by events.", CHAIR,
                            VOTE_AT));
        }

        @Test
        void theProposerWithdrawsInTheLastSecondOfVoting() {
            Instant lastSecond = CLOSES_AT.minusSeconds(1);
            at(lastSecond, drafted(), opened())
                    .when(withdraw("Superseded."), as(P1))
                    .expectEvents(new ProposalWithdrawnEvent(PROPOSAL, TRUST, TEAM, "Superseded.", P1, lastSecond));
        }

        @ParameterizedTest
        @ValueSource(strings = {P2, P3, EXEC, Actor.SYSTEM})
        void onlyTheProposerOrTheChairMayWithdraw(String actorId) {
            expectRefusal(at(withdrawnAt, drafted()).when(withdraw("Superseded."), as(actorId)),
                    FORBIDDEN, "only the proposer or the chair of the team may withdraw a proposal");
        }

        @Test
        void someoneOutsideTheTrustIsToldTheProposalIsUnknown() {
            expectRefusal(at(withdrawnAt, drafted()).when(withdraw("Superseded."), as(OUTSIDER)),
                    NOT_FOUND, "unknown proposal '" + PROPOSAL + "'");
        }

        @ParameterizedTest
        @EnumSource(VotingOutcome.class)
        void aProposalWithAnOutcomeCannotBeWithdrawn(VotingOutcome outcome) {
            expectRefusal(at(CLOSES_AT.plus(Duration.ofDays(1)), drafted(), opened(),
                            closed(outcome, new Tally(0, 0, 0, 0, 4), CLOSES_AT, true, Actor.SYSTEM))
                            .when(withdraw("Superseded."), as(P1)),
                    CONFLICT, "the proposal is already " + outcome);
        }

        @Test
        void aWithdrawnProposalCannotBeWithdrawnAgain() {
            expectRefusal(at(VOTE_AT, drafted(), withdrawn()).when(withdraw("Really superseded."), as(CHAIR)),
                    CONFLICT, "the proposal is already WITHDRAWN");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = " \t ")
        void aWithdrawalWithoutAReasonIsRefused(String reason) {
            expectRefusal(at(withdrawnAt, drafted()).when(withdraw(reason), as(P1)),
                    BAD_REQUEST, "reason must not be blank");
        }

        @ParameterizedTest
        @ValueSource(longs = {0, 1, 5 * 3600})
        void aProposalWhoseVotingDeadlinePassedCannotBeWithdrawnBeforeTheCloseIsRecorded(long secondsAfter) {
            expectRefusal(at(CLOSES_AT.plusSeconds(secondsAfter), drafted(), opened(), voted(P1, VoteChoice.OBJECT))
                            .when(withdraw("Losing anyway."), as(P1)),
                    CONFLICT, "voting closed at " + CLOSES_AT + ": the outcome stands");
        }
    }

    /** Team-1 of trust-1, chaired by p-chair; its members and rule may change between the steps of a test. */
    private static final class FakeTeams implements TeamRosters {

        final List<String> members = new ArrayList<>(MEMBERS);
        DecisionRule rule = RULE;

        @Override
        public TeamRoster of(String teamId) {
            if (!TEAM.equals(teamId)) {
                throw DomainException.notFound("unknown team '" + teamId + "'");
            }
            return new TeamRoster(TEAM, TRUST, CHAIR, List.copyOf(members), rule);
        }
    }

    /** Knows the trusts it was given and, like the event-sourced lookup, refuses any other as NOT_FOUND. */
    private static final class KnownTrusts implements TrustRosters {

        private final Map<String, Roster> rosters;

        KnownTrusts(Roster roster) {
            this.rosters = Map.of(roster.trustId(), roster);
        }

        @Override
        public Roster of(String trustId) {
            Roster roster = trustId == null ? null : rosters.get(trustId);
            if (roster == null) {
                throw Roster.unknownTrust(trustId);
            }
            return roster;
        }
    }

    /** No standards until a test puts one in, at the version it says. */
    private static final class FakeStandards implements StandardLookup {

        final Map<String, Integer> versions = new HashMap<>();

        @Override
        public Optional<StandardFacts> find(String trustId, String standardId) {
            Integer version = TRUST.equals(trustId) ? versions.get(standardId) : null;
            return version == null ? Optional.empty() : Optional.of(new StandardFacts(trustId, version, false));
        }
    }
}
