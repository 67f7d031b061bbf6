package org.accord.app.proposal;

import org.accord.api.proposal.AdoptProposalCommand;
import org.accord.api.proposal.DeclineAdoptionCommand;
import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.app.shared.Ids;
import org.accord.app.standard.Standard;
import org.accord.app.trust.TrustRosters;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Adoption changes two aggregates: the standard gets its new version (or is created, or retired), and the proposal
 * is marked adopted. Both happen in one unit of work, so in one transaction: a crash keeps both or neither, and a
 * second adoption of the same proposal finds it already adopted.
 */
@Component
class AdoptionHandler {

    private final Repository<Proposal> proposals;
    private final Repository<Standard> standards;
    private final TrustRosters trusts;

    AdoptionHandler(@Lazy Repository<Proposal> proposals, @Lazy Repository<Standard> standards,
                    TrustRosters trusts) {
        this.proposals = proposals;
        this.standards = standards;
        this.trusts = trusts;
    }

    /** @return the id of the standard the proposal created, amended or retired */
    @CommandHandler
    public String handle(AdoptProposalCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId) {
        Aggregate<Proposal> proposal = load(command.proposalId());
        String target = proposal.invoke(Proposal::targetStandardId);
        String standardCluster = target == null ? null : standard(target).invoke(Standard::clusterId);
        AdoptionPlan plan = proposal.invoke(p -> p.planAdoption(actorId, trusts, command.effectiveFrom(),
                command.reviewBy(), command.clusterId(), standardCluster));
        String standardId;
        int version;
        switch (plan.kind()) {
            case NEW_STANDARD -> {
                standardId = command.newStandardId() != null ? command.newStandardId() : Ids.next();
                version = 1;
                try {
                    standards.newInstance(() -> Standard.adopt(plan.text().asVersion(standardId, plan.trustId(), 1),
                            plan.clusterId()));
                } catch (Exception e) {
                    throw new IllegalStateException("could not create standard " + standardId, e);
                }
            }
            case AMEND_STANDARD -> {
                standardId = plan.standardId();
                version = standard(standardId).invoke(s -> s.amend(plan.amendsVersion(), plan.text()));
            }
            case RETIRE_STANDARD -> {
                standardId = plan.standardId();
                Aggregate<Standard> standard = standard(standardId);
                standard.execute(s -> s.retire(plan.text().effectiveFrom(), command.proposalId(), actorId));
                version = standard.invoke(s -> s.facts().currentVersion());
            }
            default -> throw new IllegalStateException("unknown kind " + plan.kind());
        }
        proposal.execute(p -> p.markAdopted(standardId, version, actorId));
        return standardId;
    }

    /** Declining follows the same rights as adopting, so it needs the same standard's cluster. */
    @CommandHandler
    public void handle(DeclineAdoptionCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId) {
        Aggregate<Proposal> proposal = load(command.proposalId());
        String target = proposal.invoke(Proposal::targetStandardId);
        String standardCluster = target == null ? null : standard(target).invoke(Standard::clusterId);
        proposal.execute(p -> p.decline(command, actorId, trusts, standardCluster));
    }

    private Aggregate<Proposal> load(String proposalId) {
        try {
            return proposals.load(proposalId);
        } catch (AggregateNotFoundException e) {
            throw DomainException.notFound("unknown proposal '" + proposalId + "'");
        }
    }

    private Aggregate<Standard> standard(String standardId) {
        try {
            return standards.load(standardId);
        } catch (AggregateNotFoundException e) {
            throw DomainException.notFound("unknown standard '" + standardId + "'");
        }
    }
}
