package org.accord.app.proposal;

import static org.accord.api.proposal.VoteChoice.ABSTAIN;
import static org.accord.api.proposal.VoteChoice.APPROVE;
import static org.accord.api.proposal.VoteChoice.OBJECT;
import static org.accord.api.proposal.VotingOutcome.LAPSED;
import static org.accord.api.proposal.VotingOutcome.RATIFIED;
import static org.accord.api.proposal.VotingOutcome.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.accord.api.proposal.DelegatedVotes;
import org.accord.api.proposal.DelegationStatus;
import org.accord.api.proposal.Tally;
import org.accord.api.proposal.VoteChoice;
import org.accord.api.proposal.VotingOutcome;
import org.accord.api.team.DecisionMode;
import org.accord.api.team.DecisionRule;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every edge of the rule in {@link DecisionReckoning}'s javadoc, one rule per test. */
class DecisionReckoningTest {

    private static DecisionRule majority(double quorum, double threshold) {
        return new DecisionRule(DecisionMode.MAJORITY, quorum, threshold, 168);
    }

    private static DecisionRule consent(double quorum) {
        return new DecisionRule(DecisionMode.CONSENT, quorum, 0.5, 168);
    }

    private static DecisionRule rule(DecisionMode mode, double quorum) {
        return new DecisionRule(mode, quorum, 0.5, 168);
    }

    /**
     * A vote among {@code eligible} voters v1..vN: the first {@code approve} approve, the next {@code object} object,
     * the next {@code abstain} abstain, the rest do nothing. Nobody recused.
     */
    private static Ballot ballot(int eligible, int approve, int object, int abstain) {
        return new Ballot(eligible).votes(approve, object, abstain);
    }

    /** The voters, their standing votes and the recused ones, built up test by test. */
    private static final class Ballot {

        final List<String> eligible = new ArrayList<>();
        final Map<String, VoteChoice> standing = new LinkedHashMap<>();
        final Set<String> recused = new LinkedHashSet<>();
        final List<DelegatedVotes.Delegation> delegations = new ArrayList<>();
        private int next;

        Ballot(int eligible) {
            IntStream.rangeClosed(1, eligible).forEach(i -> this.eligible.add("v" + i));
        }

        Ballot votes(int approve, int object, int abstain) {
            cast(approve, APPROVE);
            cast(object, OBJECT);
            cast(abstain, ABSTAIN);
            return this;
        }

        /** The next {@code count} voters who have not voted declare an interest. */
        Ballot recuse(int count) {
            for (int i = 0; i < count; i++) {
                recused.add(eligible.get(next++));
            }
            return this;
        }

        Ballot recuse(String voterId) {
            recused.add(voterId);
            return this;
        }

        /** {@code delegator} delegates their vote to {@code delegate}. */
        Ballot delegate(String delegator, String delegate) {
            delegations.add(new DelegatedVotes.Delegation(delegator, delegate));
            return this;
        }

        /** {@code voterId} casts their own vote. */
        Ballot vote(String voterId, VoteChoice choice) {
            standing.put(voterId, choice);
            return this;
        }

        private void cast(int count, VoteChoice choice) {
            for (int i = 0; i < count; i++) {
                standing.put(eligible.get(next++), choice);
            }
        }

        DecisionReckoning.Result under(DecisionRule rule) {
            return DecisionReckoning.reckon(rule, Collections.unmodifiableList(eligible),
                    Collections.unmodifiableMap(standing), Collections.unmodifiableSet(recused),
                    List.copyOf(delegations));
        }

        VotingOutcome outcomeUnder(DecisionRule rule) {
            return under(rule).outcome();
        }
    }

    @Nested
    class Majority {

        @Test
        void aSimpleMajorityRatifies() {
            assertThat(ballot(5, 3, 2, 0).outcomeUnder(majority(0.5, 0.5))).isEqualTo(RATIFIED);
        }

        @Test
        void aMinorityOfApprovalsIsRejected() {
            assertThat(ballot(5, 2, 3, 0).outcomeUnder(majority(0.5, 0.5))).isEqualTo(REJECTED);
        }

        @ParameterizedTest(name = "threshold {0}")
        @ValueSource(doubles = {0.5, 0.4, 0.1})
        void aTieNeverCarriesWhateverTheThreshold(double threshold) {
            // 2 of 4 meets any threshold up to 0.5, but approvals must also outnumber objections
            assertThat(ballot(4, 2, 2, 0).outcomeUnder(majority(0.5, threshold))).isEqualTo(REJECTED);
        }

        @Test
        void approvalsExactlyAtTheThresholdAreEnough() {
            // 3 of 5 is exactly 0.6
            assertThat(ballot(5, 3, 2, 0).outcomeUnder(majority(0.5, 0.6))).isEqualTo(RATIFIED);
        }

        @Test
        void approvalsJustBelowTheThresholdAreRejectedEvenWhenTheyOutnumberObjections() {
            // 2 of 3 is 0.667: more approvals than objections, but short of three quarters
            assertThat(ballot(3, 2, 1, 0).outcomeUnder(majority(0.5, 0.75))).isEqualTo(REJECTED);
        }

        @Test
        void approvalsExactlyAtAThresholdThatBinaryFloatingPointOvershootsAreEnough() {
            // 0.56 × 25 is 14.000000000000002 in doubles, so a floating-point comparison would reject 14 of 25
            assertThat(ballot(25, 14, 11, 0).outcomeUnder(majority(0.0, 0.56))).isEqualTo(RATIFIED);
        }

        @Test
        void abstentionsDoNotCountTowardTheThreshold() {
            // 2 of 3 sides is 0.667 ≥ 0.6; counting the abstentions it would be 2 of 5 = 0.4
            assertThat(ballot(5, 2, 1, 2).outcomeUnder(majority(0.5, 0.6))).isEqualTo(RATIFIED);
        }

        @Test
        void abstentionsDoNotBreakATie() {
            assertThat(ballot(5, 1, 1, 3).outcomeUnder(majority(0.5, 0.5))).isEqualTo(REJECTED);
        }

        @Test
        void onlyAbstentionsAreRejected() {
            // quorum is met, but nobody approved or objected
            assertThat(ballot(3, 0, 0, 3).outcomeUnder(majority(0.5, 0.5))).isEqualTo(REJECTED);
        }

        @Test
        void aThresholdOfOneIsMetWhenEveryApproveOrObjectVoteApproves() {
            // abstentions do not block a unanimous threshold
            assertThat(ballot(5, 3, 0, 2).outcomeUnder(majority(0.5, 1.0))).isEqualTo(RATIFIED);
        }

        @Test
        void aSingleObjectionRejectsUnderAThresholdOfOne() {
            assertThat(ballot(10, 9, 1, 0).outcomeUnder(majority(0.5, 1.0))).isEqualTo(REJECTED);
        }
    }

    @Nested
    class Quorum {

        @Test
        void exactlyAtQuorumIsEnough() {
            // 3 of 5 is exactly 0.6
            assertThat(ballot(5, 3, 0, 0).outcomeUnder(majority(0.6, 0.5))).isEqualTo(RATIFIED);
        }

        @Test
        void oneBelowQuorumLapses() {
            assertThat(ballot(5, 2, 0, 0).outcomeUnder(majority(0.6, 0.5))).isEqualTo(LAPSED);
        }

        @ParameterizedTest(name = "{0} of {1} at quorum {2}")
        @CsvSource({"7, 25, 0.28", "14, 25, 0.56"})
        void exactlyAtAQuorumThatBinaryFloatingPointOvershootsIsEnough(int tookPart, int eligible, double quorum) {
            // quorum × eligible is a hair above the whole number in doubles (7.000000000000001, 14.000000000000002)
            assertThat(ballot(eligible, tookPart, 0, 0).outcomeUnder(majority(quorum, 0.5))).isEqualTo(RATIFIED);
        }

        @Test
        void abstentionsCountTowardQuorum() {
            // 1 approval alone is 1 of 5; with the 2 abstentions 3 of 5 took part
            assertThat(ballot(5, 1, 0, 2).outcomeUnder(majority(0.6, 0.5))).isEqualTo(RATIFIED);
        }

        @Test
        void objectionsCountTowardQuorum() {
            assertThat(ballot(5, 1, 2, 0).outcomeUnder(majority(0.6, 0.5))).isEqualTo(REJECTED);
        }

        @Test
        void recusedVotersAreRemovedFromTheElectorateForQuorum() {
            // 1 of the 2 not recused is 0.5; 1 of all 4 would be 0.25
            Ballot ballot = new Ballot(4).recuse(2).votes(1, 0, 0);
            assertThat(ballot.outcomeUnder(majority(0.5, 0.5))).isEqualTo(RATIFIED);
        }

        @ParameterizedTest
        @EnumSource(DecisionMode.class)
        void everyoneRecusedLapses(DecisionMode mode) {
            // even with no quorum to meet, nobody was left to decide
            Ballot ballot = new Ballot(3).recuse(3);
            assertThat(ballot.outcomeUnder(rule(mode, 0.0))).isEqualTo(LAPSED);
        }

        @Test
        void nobodyEligibleLapses() {
            assertThat(new Ballot(0).outcomeUnder(majority(0.0, 0.5))).isEqualTo(LAPSED);
        }

        @ParameterizedTest
        @EnumSource(DecisionMode.class)
        void aQuorumOfZeroWithNobodyVotingIsRejectedNotLapsed(DecisionMode mode) {
            assertThat(ballot(4, 0, 0, 0).outcomeUnder(rule(mode, 0.0))).isEqualTo(REJECTED);
        }
    }

    @Nested
    class Consent {

        @Test
        void oneStandingObjectionBlocksEvenWithManyApprovals() {
            assertThat(ballot(10, 9, 1, 0).outcomeUnder(consent(0.5))).isEqualTo(REJECTED);
        }

        @Test
        void withoutObjectionsOneApprovalRatifies() {
            assertThat(ballot(5, 1, 0, 4).outcomeUnder(consent(0.5))).isEqualTo(RATIFIED);
        }

        @ParameterizedTest(name = "threshold {0}")
        @ValueSource(doubles = {0.0, 0.5, 1.0})
        void theThresholdPlaysNoPart(double threshold) {
            DecisionRule rule = new DecisionRule(DecisionMode.CONSENT, 0.5, threshold, 168);
            assertThat(ballot(5, 1, 0, 4).outcomeUnder(rule)).isEqualTo(RATIFIED);
        }

        @Test
        void onlyAbstentionsAreRejected() {
            assertThat(ballot(5, 0, 0, 5).outcomeUnder(consent(0.5))).isEqualTo(REJECTED);
        }

        @Test
        void consentStillNeedsQuorum() {
            // unanimous approval of those who voted, but only 2 of 5 took part
            assertThat(ballot(5, 2, 0, 0).outcomeUnder(consent(0.6))).isEqualTo(LAPSED);
        }
    }

    @Nested
    class Tallying {

        @Test
        void theTallyCountsEachKindOfVoteTheRecusedAndTheEligible() {
            Ballot ballot = new Ballot(7).votes(2, 1, 1).recuse(2);
            assertThat(ballot.under(majority(0.5, 0.5)).tally()).isEqualTo(new Tally(2, 1, 1, 2, 7));
        }

        @Test
        void theTallyIsTheSameWhateverTheOutcome() {
            Ballot ballot = new Ballot(7).votes(1, 0, 0).recuse(1);
            DecisionReckoning.Result result = ballot.under(majority(0.9, 0.5));
            assertThat(result.outcome()).isEqualTo(LAPSED);
            assertThat(result.tally()).isEqualTo(new Tally(1, 0, 0, 1, 7));
        }

        @Test
        void recusedVotersWhoAreNotEligibleAreNotCounted() {
            Ballot ballot = new Ballot(4).votes(2, 0, 0).recuse("v1-stranger").recuse("v9");
            DecisionReckoning.Result result = ballot.under(majority(0.5, 0.5));
            assertThat(result.tally()).isEqualTo(new Tally(2, 0, 0, 0, 4));
        }

        @Test
        void recusedVotersWhoAreNotEligibleDoNotShrinkTheElectorate() {
            // 1 of 4 misses a quorum of 0.5; were the 2 strangers taken off the electorate it would be 1 of 2
            Ballot ballot = new Ballot(4).votes(1, 0, 0).recuse("stranger-1").recuse("stranger-2");
            assertThat(ballot.outcomeUnder(majority(0.5, 0.5))).isEqualTo(LAPSED);
        }
    }

    /** Delegated votes, counted as {@link DelegatedVotes} says: exactly like the delegator's own. */
    @Nested
    class Delegations {

        /** Four voters v1..v4, nobody has voted yet. */
        private Ballot four() {
            return new Ballot(4);
        }

        @Test
        void aDelegatesVoteCountsForTheDelegatorToo() {
            DecisionReckoning.Result result = four().delegate("v2", "v1").vote("v1", APPROVE)
                    .under(majority(0.5, 0.5));
            assertThat(result.outcome()).isEqualTo(RATIFIED);
            assertThat(result.tally()).isEqualTo(new Tally(2, 0, 0, 0, 4, 1));
        }

        @Test
        void quorumIsReachedOnlyThroughADelegation() {
            // 1 of 4 misses a quorum of 0.5; with v2's vote delegated to v1 it is 2 of 4, exactly at quorum
            assertThat(four().vote("v1", APPROVE).outcomeUnder(majority(0.5, 0.5))).isEqualTo(LAPSED);
            assertThat(four().delegate("v2", "v1").vote("v1", APPROVE).outcomeUnder(majority(0.5, 0.5)))
                    .isEqualTo(RATIFIED);
        }

        @Test
        void aDelegateCountsForEveryoneWhoDelegatedToThem() {
            DecisionReckoning.Result result = four().delegate("v2", "v1").delegate("v3", "v1").vote("v1", OBJECT)
                    .vote("v4", APPROVE).under(majority(0.5, 0.5));
            assertThat(result.outcome()).isEqualTo(REJECTED);
            assertThat(result.tally()).isEqualTo(new Tally(1, 3, 0, 0, 4, 2));
        }

        @Test
        void aTieMadeByADelegatedVoteDoesNotCarry() {
            Ballot ballot = four().delegate("v2", "v1").vote("v1", APPROVE).vote("v3", OBJECT).vote("v4", OBJECT);
            assertThat(ballot.under(majority(0.5, 0.5)).tally()).isEqualTo(new Tally(2, 2, 0, 0, 4, 1));
            assertThat(ballot.outcomeUnder(majority(0.5, 0.5))).isEqualTo(REJECTED);
        }

        @Test
        void aDelegatedVoteBreaksATie() {
            assertThat(four().delegate("v4", "v1").vote("v1", APPROVE).vote("v2", APPROVE).vote("v3", OBJECT)
                    .outcomeUnder(majority(0.5, 0.6))).isEqualTo(RATIFIED);
        }

        @Test
        void aDelegatedObjectionIsAStandingObjectionInConsentMode() {
            // v1 approves for themselves; v3 objects, and the objection stands for v4 too
            DecisionReckoning.Result result = four().delegate("v4", "v3").vote("v1", APPROVE).vote("v3", OBJECT)
                    .under(consent(0.5));
            assertThat(result.outcome()).isEqualTo(REJECTED);
            assertThat(result.tally()).isEqualTo(new Tally(1, 2, 0, 0, 4, 1));
        }

        @Test
        void aDelegatorWhoVotesOverridesTheDelegation() {
            // v2 delegated to v1, then approved themselves: v1's objection counts only for v1
            DecisionReckoning.Result result = four().delegate("v2", "v1").vote("v1", OBJECT).vote("v2", APPROVE)
                    .vote("v3", APPROVE).under(majority(0.5, 0.5));
            assertThat(result.tally()).isEqualTo(new Tally(2, 1, 0, 0, 4, 0));
            assertThat(result.outcome()).isEqualTo(RATIFIED);
        }

        @Test
        void aDelegatorsOwnObjectionOverridesTheDelegateApprovalInConsentMode() {
            assertThat(four().delegate("v2", "v1").vote("v1", APPROVE).vote("v2", OBJECT)
                    .outcomeUnder(consent(0.5))).isEqualTo(REJECTED);
        }

        @Test
        void aRevokedDelegationIsNotInForceAndDoesNotCount() {
            // revoked: the aggregate no longer passes it; v2 took no part, so 1 of 4 misses the quorum
            assertThat(four().vote("v1", APPROVE).outcomeUnder(majority(0.5, 0.5))).isEqualTo(LAPSED);
        }

        @Test
        void aDelegateWhoHasNotVotedCastsNothingForTheDelegator() {
            DecisionReckoning.Result result = four().delegate("v2", "v1").vote("v3", APPROVE)
                    .under(majority(0.5, 0.5));
            assertThat(result.outcome()).isEqualTo(LAPSED);
            assertThat(result.tally()).isEqualTo(new Tally(1, 0, 0, 0, 4, 0));
        }

        @Test
        void aDelegateWhoRecusesCastsNothingForTheDelegatorWhoStillCountsInTheElectorate() {
            // v1 recused: the electorate is 3 (v2, v3, v4); v3 alone took part, 1 of 3 misses 0.5
            DecisionReckoning.Result result = four().delegate("v2", "v1").recuse("v1").vote("v3", APPROVE)
                    .under(majority(0.5, 0.5));
            assertThat(result.outcome()).isEqualTo(LAPSED);
            assertThat(result.tally()).isEqualTo(new Tally(1, 0, 0, 1, 4, 0));
        }

        @Test
        void aDelegatorWhoRecusesIsNotCountedAtAllEvenThroughTheirDelegate() {
            // v2 recused: electorate 3; v1 and v3 approve, v4 objects; v1's approval counts once
            DecisionReckoning.Result result = four().delegate("v2", "v1").recuse("v2").vote("v1", APPROVE)
                    .vote("v3", APPROVE).vote("v4", OBJECT).under(majority(1.0, 0.5));
            assertThat(result.tally()).isEqualTo(new Tally(2, 1, 0, 1, 4, 0));
            assertThat(result.outcome()).isEqualTo(RATIFIED);
        }

        @Test
        void aDelegationIsNeverTransitive() {
            // v3 delegated to v2 and v2 to v1 (the aggregate refuses such a chain; the count ignores it anyway):
            // v2 did not vote, so nothing is cast for v3
            DecisionReckoning.Result result = four().delegate("v3", "v2").delegate("v2", "v1").vote("v1", APPROVE)
                    .under(majority(0.0, 0.5));
            assertThat(result.tally()).isEqualTo(new Tally(2, 0, 0, 0, 4, 1));
        }

        @Test
        void aDelegatorWhoIsNotAnEligibleVoterIsNotCounted() {
            // "late" joined the team after voting opened: their delegation gives them no vote
            DecisionReckoning.Result result = four().delegate("late", "v1").vote("v1", APPROVE)
                    .under(majority(0.5, 0.5));
            assertThat(result.tally()).isEqualTo(new Tally(1, 0, 0, 0, 4, 0));
            assertThat(result.outcome()).isEqualTo(LAPSED);
        }

        @Test
        void aDelegateWhoIsNotAnEligibleVoterCastsNothing() {
            DecisionReckoning.Result result = four().delegate("v2", "late").vote("late", APPROVE)
                    .vote("v1", APPROVE).under(majority(0.5, 0.5));
            assertThat(result.tally()).isEqualTo(new Tally(1, 0, 0, 0, 4, 0));
        }

        @Test
        void aDelegatedAbstentionCountsTowardsTheQuorumButNotTheThreshold() {
            DecisionReckoning.Result result = four().delegate("v2", "v1").delegate("v3", "v1").vote("v1", ABSTAIN)
                    .vote("v4", APPROVE).under(majority(1.0, 0.5));
            assertThat(result.tally()).isEqualTo(new Tally(1, 0, 3, 0, 4, 2));
            assertThat(result.outcome()).isEqualTo(RATIFIED);
        }

        @Test
        void everyoneDelegatingToOneVoterDecidesByThatVoterAlone() {
            Ballot ballot = four().delegate("v2", "v1").delegate("v3", "v1").delegate("v4", "v1").vote("v1", APPROVE);
            assertThat(ballot.under(consent(1.0)).tally()).isEqualTo(new Tally(4, 0, 0, 0, 4, 3));
            assertThat(ballot.outcomeUnder(consent(1.0))).isEqualTo(RATIFIED);
        }

        @Test
        void theStatusOfADelegationSaysWhetherItCounts() {
            DelegatedVotes.Delegation d = new DelegatedVotes.Delegation("v2", "v1");
            assertThat(DelegatedVotes.status(d, Map.of(), Set.of())).isEqualTo(DelegationStatus.IN_FORCE);
            assertThat(DelegatedVotes.status(d, Map.of("v2", APPROVE), Set.of()))
                    .isEqualTo(DelegationStatus.OVERRIDDEN);
            assertThat(DelegatedVotes.status(d, Map.of(), Set.of("v2"))).isEqualTo(DelegationStatus.DELEGATOR_RECUSED);
            assertThat(DelegatedVotes.status(d, Map.of(), Set.of("v1"))).isEqualTo(DelegationStatus.DELEGATE_RECUSED);
        }
    }
}
