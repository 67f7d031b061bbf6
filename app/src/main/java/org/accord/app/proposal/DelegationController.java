package org.accord.app.proposal;

import java.util.List;

import org.accord.api.proposal.DelegateVoteCommand;
import org.accord.api.proposal.FindPeriodDelegationsQuery;
import org.accord.api.proposal.FindProposalQuery;
import org.accord.api.proposal.ProposalView;
import org.accord.api.proposal.RevokeVoteDelegationCommand;
import org.accord.api.proposal.VoteDelegationView;
import org.accord.api.shared.DomainException;
import org.accord.api.team.DelegateVotesForPeriodCommand;
import org.accord.api.team.FindTeamsQuery;
import org.accord.api.team.RevokePeriodDelegationCommand;
import org.accord.api.team.TeamView;
import org.accord.api.trust.FindPeopleQuery;
import org.accord.api.trust.PersonView;
import org.accord.app.security.AccordUser;
import org.accord.app.shared.Commands;
import org.accord.app.shared.Ids;
import org.accord.app.shared.Queries;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * Delegated votes: on one proposal (the Proposal aggregate) or for a period of a team (the Team aggregate, carried into
 * each proposal as its voting opens). Which of the two an input means is decided here; every rule is the aggregate's.
 */
@Controller
public class DelegationController {

    private final Commands commands;
    private final Queries queries;

    public DelegationController(Commands commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @MutationMapping
    public DelegateVotePayload delegateVote(@Argument DelegateVoteInput input,
                                            @AuthenticationPrincipal AccordUser caller) {
        if ((input.proposalId() == null) == (input.teamId() == null)) {
            throw DomainException.badRequest("give either proposalId (a delegation on one proposal) or teamId"
                    + " (a delegation for a period), not both or neither");
        }
        if (input.proposalId() != null) {
            if (input.from() != null || input.to() != null) {
                throw DomainException.badRequest("from and to are for a period delegation (with teamId): a"
                        + " delegation on one proposal lasts until its voting closes");
            }
            String id = commands.send(new DelegateVoteCommand(input.proposalId(), Ids.next(), input.delegateId()),
                    caller.personId(), input.clientMutationId(), input);
            ProposalView proposal = proposal(input.proposalId());
            return new DelegateVotePayload(input.clientMutationId(), onProposal(proposal, id), proposal, null);
        }
        String id = commands.send(new DelegateVotesForPeriodCommand(input.teamId(), Ids.next(), input.delegateId(),
                input.from(), input.to()), caller.personId(), input.clientMutationId(), input);
        return new DelegateVotePayload(input.clientMutationId(), ofTeam(input.teamId(), id), null,
                team(input.teamId()));
    }

    @MutationMapping
    public RevokeDelegationPayload revokeDelegation(@Argument RevokeDelegationInput input,
                                                    @AuthenticationPrincipal AccordUser caller) {
        if (input.proposalId() != null) {
            if (input.teamId() != null) {
                throw DomainException.badRequest("give either proposalId or teamId with delegationId, not both");
            }
            String id = commands.send(new RevokeVoteDelegationCommand(input.proposalId()), caller.personId(),
                    input.clientMutationId(), input);
            ProposalView proposal = proposal(input.proposalId());
            return new RevokeDelegationPayload(input.clientMutationId(), onProposal(proposal, id), proposal, null);
        }
        if (input.teamId() == null || input.delegationId() == null) {
            throw DomainException.badRequest("give proposalId (your delegation on that proposal), or teamId and"
                    + " delegationId (one of your period delegations)");
        }
        String id = commands.send(new RevokePeriodDelegationCommand(input.teamId(), input.delegationId()),
                caller.personId(), input.clientMutationId(), input);
        return new RevokeDelegationPayload(input.clientMutationId(), ofTeam(input.teamId(), id), null,
                team(input.teamId()));
    }

    @SchemaMapping(typeName = "Team", field = "delegations")
    public List<VoteDelegationView> teamDelegations(TeamView team) {
        return queries.list(new FindPeriodDelegationsQuery(team.id()), VoteDelegationView.class);
    }

    @SchemaMapping(typeName = "Vote", field = "castFor")
    public List<PersonView> castFor(ProposalView.Vote vote) {
        return vote.castFor() == null || vote.castFor().isEmpty() ? List.of()
                : queries.list(new FindPeopleQuery(vote.castFor()), PersonView.class);
    }

    @SchemaMapping(typeName = "VoteDelegation")
    public PersonView delegator(VoteDelegationView delegation) {
        return person(delegation.delegatorId());
    }

    @SchemaMapping(typeName = "VoteDelegation")
    public PersonView delegate(VoteDelegationView delegation) {
        return person(delegation.delegateId());
    }

    @SchemaMapping(typeName = "VoteDelegation", field = "team")
    public TeamView delegationTeam(VoteDelegationView delegation) {
        return team(delegation.teamId());
    }

    @SchemaMapping(typeName = "VoteDelegation", field = "proposal")
    public ProposalView delegationProposal(VoteDelegationView delegation) {
        return delegation.proposalId() == null ? null : proposal(delegation.proposalId());
    }

    private static VoteDelegationView onProposal(ProposalView proposal, String delegationId) {
        return proposal.delegations().stream().filter(d -> d.id().equals(delegationId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("delegation " + delegationId + " is not on proposal "
                        + proposal.id() + " after the command that recorded it"));
    }

    private VoteDelegationView ofTeam(String teamId, String delegationId) {
        return queries.list(new FindPeriodDelegationsQuery(teamId), VoteDelegationView.class).stream()
                .filter(d -> d.id().equals(delegationId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("delegation " + delegationId + " is not in team "
                        + teamId + " after the command that recorded it"));
    }

    private ProposalView proposal(String id) {
        return queries.one(new FindProposalQuery(id), ProposalView.class);
    }

    private TeamView team(String id) {
        return queries.first(new FindTeamsQuery(List.of(id)), TeamView.class);
    }

    private PersonView person(String id) {
        return queries.first(new FindPeopleQuery(List.of(id)), PersonView.class);
    }
}
