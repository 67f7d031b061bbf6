package org.accord.app.review;

import org.accord.api.proposal.DraftProposalCommand;
import org.accord.api.proposal.ProposalKind;
import org.accord.api.review.RaiseReviewProposalCommand;
import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.app.proposal.Proposal;
import org.accord.app.shared.Check;
import org.accord.app.standard.Standard;
import org.accord.app.standard.StandardLookup;
import org.accord.app.team.TeamRosters;
import org.accord.app.trust.TrustRosters;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * A review that raises a proposal changes two aggregates: the proposal is drafted (under every drafting rule of
 * {@link Proposal}: a member of the team, a standard of the team's trust) and the standard records that its review
 * raised it. One unit of work, so one transaction: both are recorded or neither. The standard cannot draft the
 * proposal itself, as the request does, because the proposal package already depends on the standard's.
 */
@Component
class StandardReviews {

    private final Repository<Standard> standards;
    private final Repository<Proposal> proposals;
    private final TrustRosters trusts;
    private final TeamRosters teams;
    private final StandardLookup lookup;

    StandardReviews(@Lazy Repository<Standard> standards, @Lazy Repository<Proposal> proposals, TrustRosters trusts,
                    TeamRosters teams, StandardLookup lookup) {
        this.standards = standards;
        this.proposals = proposals;
        this.trusts = trusts;
        this.teams = teams;
        this.lookup = lookup;
    }

    /** @return the id of the proposal drafted */
    @CommandHandler
    public String handle(RaiseReviewProposalCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId)
            throws Exception {
        Aggregate<Standard> standard = load(command.standardId());
        StandardLookup.StandardFacts facts = standard.invoke(Standard::facts);
        if (!trusts.of(facts.trustId()).hasPerson(actorId)) {
            throw unknown(command.standardId());
        }
        standard.execute(Standard::requireReviewable);
        ProposalKind kind = Check.present(command.kind(), "kind");
        if (kind == ProposalKind.NEW_STANDARD) {
            throw DomainException.badRequest("a review raises an AMEND_STANDARD or a RETIRE_STANDARD proposal, not a"
                    + " NEW_STANDARD one");
        }
        String proposalId = Check.present(command.proposalId(), "proposalId");
        DraftProposalCommand draft = new DraftProposalCommand(proposalId, command.teamId(), kind,
                command.standardId(), kind == ProposalKind.AMEND_STANDARD ? facts.currentVersion() : null,
                command.content());
        proposals.newInstance(() -> new Proposal(draft, actorId, teams, trusts, lookup));
        standard.execute(s -> s.recordReviewProposal(proposalId, command.teamId(), kind, actorId));
        return proposalId;
    }

    private Aggregate<Standard> load(String standardId) {
        try {
            return standards.load(Check.present(standardId, "standardId"));
        } catch (AggregateNotFoundException e) {
            throw unknown(standardId);
        }
    }

    private static DomainException unknown(String standardId) {
        return DomainException.notFound("unknown standard '" + standardId + "'");
    }
}
