package org.accord.api.proposal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Who counts for whom: the votes that count on a proposal once delegations are taken into account. Pure, and shared
 * by the aggregate (the outcome) and the read model (the live tally), so both count alike. The rule:
 * <ol>
 *   <li>A recused voter is not counted at all, whatever they delegated.</li>
 *   <li>A voter's own standing vote counts for them: a delegator who votes overrides their delegation.</li>
 *   <li>Otherwise, with a delegation in force, the delegate's <em>own</em> standing vote counts for the delegator too,
 *       when the delegate is an eligible voter who has not recused. A delegation is never transitive: what a delegate
 *       was delegated is never passed on, only their own vote counts for their delegators.</li>
 *   <li>Otherwise the voter did not take part.</li>
 * </ol>
 * A vote a delegate casts counts once for themselves and once for each delegator it stands for.
 */
public final class DelegatedVotes {

    private DelegatedVotes() {
    }

    /** A delegation in force (not revoked): {@code delegateId} votes for {@code delegatorId}. */
    public record Delegation(String delegatorId, String delegateId) {
    }

    /**
     * @param votes  each counted voter's choice, own or delegated, in the order of {@code eligible}
     * @param castBy for each delegator whose vote was cast by a delegate, that delegate
     */
    public record Counted(Map<String, VoteChoice> votes, Map<String, String> castBy) {
    }

    /**
     * @param eligible    the voters fixed when voting opened
     * @param standing    each voter's own latest vote
     * @param recused     the voters who declared an interest
     * @param delegations the delegations in force, at most one per delegator
     */
    public static Counted count(Collection<String> eligible, Map<String, VoteChoice> standing, Set<String> recused,
                                Collection<Delegation> delegations) {
        Map<String, String> delegateOf = new LinkedHashMap<>();
        delegations.forEach(d -> delegateOf.putIfAbsent(d.delegatorId(), d.delegateId()));
        Map<String, VoteChoice> votes = new LinkedHashMap<>();
        Map<String, String> castBy = new LinkedHashMap<>();
        for (String voter : eligible) {
            if (recused.contains(voter)) {
                continue;
            }
            VoteChoice own = standing.get(voter);
            if (own != null) {
                votes.put(voter, own);
                continue;
            }
            String delegate = delegateOf.get(voter);
            if (delegate != null && !delegate.equals(voter) && eligible.contains(delegate)
                    && !recused.contains(delegate) && standing.get(delegate) != null) {
                votes.put(voter, standing.get(delegate));
                castBy.put(voter, delegate);
            }
        }
        return new Counted(votes, castBy);
    }

    /** Where a delegation in force stands: counted, overridden, or made void by a recusal. */
    public static DelegationStatus status(Delegation delegation, Map<String, VoteChoice> standing,
                                          Set<String> recused) {
        if (recused.contains(delegation.delegatorId())) {
            return DelegationStatus.DELEGATOR_RECUSED;
        }
        if (standing.containsKey(delegation.delegatorId())) {
            return DelegationStatus.OVERRIDDEN;
        }
        if (recused.contains(delegation.delegateId())) {
            return DelegationStatus.DELEGATE_RECUSED;
        }
        return DelegationStatus.IN_FORCE;
    }
}
