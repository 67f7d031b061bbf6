package org.accord.app.proposal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.accord.api.proposal.DelegatedVotes;
import org.accord.api.proposal.Tally;
import org.accord.api.proposal.VoteChoice;
import org.accord.api.proposal.VotingOutcome;
import org.accord.api.team.DecisionMode;
import org.accord.api.team.DecisionRule;

/**
 * Where a vote is counted: the outcome of a proposal under the decision rule fixed when voting opened. Pure, so every
 * edge is tested directly (DecisionReckoningTest). The votes counted are those {@link DelegatedVotes} says: each
 * voter's own standing vote, or, for a delegator who has not voted, their delegate's own vote; a delegated vote counts
 * exactly like one cast by the delegator, in the quorum, the threshold and (in CONSENT mode) as a standing objection.
 * The rule, in order:
 * <ol>
 *   <li>Recused voters are not counted: the electorate is the eligible voters less the recused ones. If that leaves
 *       nobody, the proposal LAPSES.</li>
 *   <li>Quorum: the voters who took part (approve, object or abstain) must be at least {@code quorum} × electorate;
 *       exactly at quorum is enough. Otherwise the proposal LAPSES.</li>
 *   <li>MAJORITY: RATIFIED when approvals reach {@code threshold} of approvals + objections, and outnumber the
 *       objections (a tie never carries, whatever the threshold); REJECTED otherwise, also when nobody approved or
 *       objected.</li>
 *   <li>CONSENT: one standing objection blocks (REJECTED); without objections, RATIFIED if at least one approved.
 *       The threshold plays no part.</li>
 * </ol>
 * Shares are compared in decimal arithmetic, so that 7 of 25 meets a quorum of 0.28 exactly (in binary floating
 * point, 0.28 × 25 comes out just above 7).
 */
public final class DecisionReckoning {

    private DecisionReckoning() {
    }

    public record Result(VotingOutcome outcome, Tally tally) {
    }

    /**
     * @param eligible the voters fixed when voting opened
     * @param standing each voter's latest vote (recused voters have none)
     * @param recused  the eligible voters who declared an interest
     */
    public static Result reckon(DecisionRule rule, Collection<String> eligible, Map<String, VoteChoice> standing,
                                Set<String> recused) {
        return reckon(rule, eligible, standing, recused, List.of());
    }

    /** @param delegations the delegations in force (not revoked) on the proposal */
    public static Result reckon(DecisionRule rule, Collection<String> eligible, Map<String, VoteChoice> standing,
                                Set<String> recused, Collection<DelegatedVotes.Delegation> delegations) {
        DelegatedVotes.Counted counted = DelegatedVotes.count(eligible, standing, recused, delegations);
        Map<String, VoteChoice> votes = counted.votes();
        int approve = count(votes, VoteChoice.APPROVE);
        int object = count(votes, VoteChoice.OBJECT);
        int abstain = count(votes, VoteChoice.ABSTAIN);
        int recusedCount = (int) eligible.stream().filter(recused::contains).count();
        Tally tally = new Tally(approve, object, abstain, recusedCount, eligible.size(), counted.castBy().size());

        int electorate = eligible.size() - recusedCount;
        if (electorate <= 0) {
            return new Result(VotingOutcome.LAPSED, tally);
        }
        int tookPart = approve + object + abstain;
        if (!reaches(tookPart, electorate, rule.quorum())) {
            return new Result(VotingOutcome.LAPSED, tally);
        }
        boolean ratified = rule.mode() == DecisionMode.CONSENT
                ? object == 0 && approve > 0
                : approve > object && reaches(approve, approve + object, rule.threshold());
        return new Result(ratified ? VotingOutcome.RATIFIED : VotingOutcome.REJECTED, tally);
    }

    /** part / whole ≥ share, exactly. */
    static boolean reaches(int part, int whole, double share) {
        return BigDecimal.valueOf(part).compareTo(BigDecimal.valueOf(share).multiply(BigDecimal.valueOf(whole))) >= 0;
    }

    private static int count(Map<String, VoteChoice> standing, VoteChoice choice) {
        return (int) standing.values().stream().filter(choice::equals).count();
    }
}
