package org.accord.api.proposal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Area;
import org.accord.api.team.DecisionRule;

/**
 * A proposal as the read model holds it: current content, every revision and the standing votes. The history of
 * every vote cast is {@link FindVoteHistoryQuery}'s, read only when asked for.
 */
public record ProposalView(String id, String trustId, String teamId, ProposalKind kind, ProposalStatus status,
                           ProposalContent content, String standardId, Integer amendsVersion, String proposerId,
                           List<Revision> revisions, List<Vote> votes, List<Recusal> recusals, Tally tally,
                           List<String> eligibleVoters, DecisionRule rule, Instant openedAt, Instant closesAt,
                           Instant closedAt, VotingOutcome outcome, Adoption adoption,
                           List<VoteDelegationView> delegations) {

    /** A proposal without delegations. */
    public ProposalView(String id, String trustId, String teamId, ProposalKind kind, ProposalStatus status,
                        ProposalContent content, String standardId, Integer amendsVersion, String proposerId,
                        List<Revision> revisions, List<Vote> votes, List<Recusal> recusals,
                        Tally tally, List<String> eligibleVoters, DecisionRule rule, Instant openedAt,
                        Instant closesAt, Instant closedAt, VotingOutcome outcome, Adoption adoption) {
        this(id, trustId, teamId, kind, status, content, standardId, amendsVersion, proposerId, revisions, votes,
                recusals, tally, eligibleVoters, rule, openedAt, closesAt, closedAt, outcome, adoption,
                List.of());
    }

    /** The trust's decision on a ratified proposal: adopted as a version of a standard, or declined with a reason. */
    public record Adoption(Integer version, String declineReason, String decidedBy, Instant decidedAt) {
    }

    // the current revision's fields, read directly off the proposal by clients

    public String title() {
        return content.title();
    }

    public Area area() {
        return content.area();
    }

    public AlignmentLevel alignment() {
        return content.alignment();
    }

    public String statement() {
        return content.statement();
    }

    public String rationale() {
        return content.rationale();
    }

    public LocalDate effectiveFrom() {
        return content.effectiveFrom();
    }

    public LocalDate reviewBy() {
        return content.reviewBy();
    }

    public int currentRevision() {
        return revisions.isEmpty() ? 1 : revisions.get(revisions.size() - 1).number();
    }

    public record Revision(int number, ProposalContent content, String note, String revisedBy, Instant revisedAt) {

        public String title() {
            return content.title();
        }

        public Area area() {
            return content.area();
        }

        public AlignmentLevel alignment() {
            return content.alignment();
        }

        public String statement() {
            return content.statement();
        }

        public String rationale() {
            return content.rationale();
        }

        public LocalDate effectiveFrom() {
            return content.effectiveFrom();
        }

        public LocalDate reviewBy() {
            return content.reviewBy();
        }
    }

    /**
     * A vote; {@code castFor} are the delegators it also counts for (DelegatedVotes), empty for a vote that counts
     * for its voter alone and for the rows of the vote history.
     */
    public record Vote(String voterId, VoteChoice choice, String rationale, Instant castAt, List<String> castFor) {

        public Vote(String voterId, VoteChoice choice, String rationale, Instant castAt) {
            this(voterId, choice, rationale, castAt, List.of());
        }
    }

    public record Recusal(String voterId, String interest, Instant recusedAt) {
    }
}
