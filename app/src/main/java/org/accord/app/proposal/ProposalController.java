package org.accord.app.proposal;

import java.util.List;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.accord.api.proposal.AdoptProposalCommand;
import org.accord.api.proposal.CastVoteCommand;
import org.accord.api.proposal.CloseVotingCommand;
import org.accord.api.proposal.DeclineAdoptionCommand;
import org.accord.api.proposal.DraftProposalCommand;
import org.accord.api.proposal.FindProposalQuery;
import org.accord.api.proposal.FindProposalsQuery;
import org.accord.api.proposal.FindVoteHistoryQuery;
import org.accord.api.proposal.OpenVotingCommand;
import org.accord.api.proposal.ProposalPage;
import org.accord.api.proposal.ProposalStatus;
import org.accord.api.proposal.ProposalView;
import org.accord.api.proposal.RecuseCommand;
import org.accord.api.proposal.ReviseProposalCommand;
import org.accord.api.proposal.WithdrawProposalCommand;
import org.accord.api.standard.FindStandardsQuery;
import org.accord.api.standard.StandardView;
import org.accord.api.team.DecisionRule;
import org.accord.api.team.FindTeamsQuery;
import org.accord.api.team.TeamView;
import org.accord.api.trust.FindPeopleQuery;
import org.accord.api.trust.PersonView;
import org.accord.app.security.AccordUser;
import org.accord.app.shared.Check;
import org.accord.app.shared.Commands;
import org.accord.app.shared.Connection;
import org.accord.app.shared.Ids;
import org.accord.app.shared.Queries;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** Proposals and their votes: the mutations of a team's decision, and the queries of its record. */
@Controller
public class ProposalController {

    /** What a payload's proposal shows that its standing votes give: the votes, the live tally, the delegations. */
    private static final String WITH_VOTES = "proposal/{votes,tally,delegations}";

    private final Commands commands;
    private final Queries queries;

    public ProposalController(Commands commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @QueryMapping
    public ProposalView proposal(@Argument String id, @AuthenticationPrincipal AccordUser caller) {
        ProposalView proposal = find(id);
        return proposal != null && caller.mayRead(proposal.trustId()) ? proposal : null;
    }

    @QueryMapping
    public Connection<ProposalView> proposals(@Argument String trustId, @Argument ProposalStatus status,
                                        @Argument String teamId, @Argument Integer first, @Argument String after,
                                        @AuthenticationPrincipal AccordUser caller) {
        int size = Check.pageSize(first);
        if (!caller.mayRead(trustId)) {
            return Connection.empty();
        }
        return page(new FindProposalsQuery(trustId, status, teamId, size, after));
    }

    @SchemaMapping(typeName = "Team", field = "proposals")
    public Connection<ProposalView> teamProposals(TeamView team, @Argument ProposalStatus status, @Argument Integer first,
                                            @Argument String after) {
        return page(new FindProposalsQuery(team.trustId(), status, team.id(), Check.pageSize(first), after));
    }

    @MutationMapping
    public DraftProposalPayload draftProposal(@Argument DraftProposalInput input,
                                              @AuthenticationPrincipal AccordUser caller,
                                              DataFetchingFieldSelectionSet selection) {
        String id = commands.send(new DraftProposalCommand(Ids.next(), input.teamId(), input.kind(),
                input.standardId(), input.amendsVersion(), input.content()), caller.personId(),
                input.clientMutationId(), input);
        return new DraftProposalPayload(input.clientMutationId(), payload(id, selection));
    }

    @MutationMapping
    public AdoptProposalPayload adoptProposal(@Argument AdoptProposalInput input,
                                              @AuthenticationPrincipal AccordUser caller,
                                              DataFetchingFieldSelectionSet selection) {
        String standardId = commands.send(new AdoptProposalCommand(input.proposalId(), input.effectiveFrom(),
                input.reviewBy(), null, input.clusterId()), caller.personId(), input.clientMutationId(), input);
        return new AdoptProposalPayload(input.clientMutationId(),
                queries.first(new FindStandardsQuery(List.of(standardId)), StandardView.class),
                payload(input.proposalId(), selection));
    }

    @MutationMapping
    public DeclineAdoptionPayload declineAdoption(@Argument DeclineAdoptionInput input,
                                                  @AuthenticationPrincipal AccordUser caller,
                                                  DataFetchingFieldSelectionSet selection) {
        commands.send(new DeclineAdoptionCommand(input.proposalId(), input.reason(), input.clusterId()), caller.personId(),
                input.clientMutationId(), input);
        return new DeclineAdoptionPayload(input.clientMutationId(), payload(input.proposalId(), selection));
    }

    @MutationMapping
    public ReviseProposalPayload reviseProposal(@Argument ReviseProposalInput input,
                                                @AuthenticationPrincipal AccordUser caller,
                                                DataFetchingFieldSelectionSet selection) {
        commands.send(new ReviseProposalCommand(input.proposalId(), input.changes(), input.note(),
                input.expectedRevision()), caller.personId(), input.clientMutationId(), input);
        return new ReviseProposalPayload(input.clientMutationId(), payload(input.proposalId(), selection));
    }

    @MutationMapping
    public OpenVotingPayload openVoting(@Argument OpenVotingInput input, @AuthenticationPrincipal AccordUser caller,
                                        DataFetchingFieldSelectionSet selection) {
        commands.send(new OpenVotingCommand(input.proposalId(), input.closesAt()), caller.personId(),
                input.clientMutationId(), input);
        return new OpenVotingPayload(input.clientMutationId(), payload(input.proposalId(), selection));
    }

    @MutationMapping
    public CastVotePayload castVote(@Argument CastVoteInput input, @AuthenticationPrincipal AccordUser caller,
                                    DataFetchingFieldSelectionSet selection) {
        commands.send(new CastVoteCommand(input.proposalId(), input.choice(), input.rationale()), caller.personId(),
                input.clientMutationId(), input);
        return new CastVotePayload(input.clientMutationId(), payload(input.proposalId(), selection));
    }

    @MutationMapping
    public RecusePayload recuse(@Argument RecuseInput input, @AuthenticationPrincipal AccordUser caller,
                                DataFetchingFieldSelectionSet selection) {
        commands.send(new RecuseCommand(input.proposalId(), input.interest()), caller.personId(),
                input.clientMutationId(), input);
        return new RecusePayload(input.clientMutationId(), payload(input.proposalId(), selection));
    }

    @MutationMapping
    public CloseVotingPayload closeVoting(@Argument CloseVotingInput input,
                                          @AuthenticationPrincipal AccordUser caller,
                                          DataFetchingFieldSelectionSet selection) {
        commands.send(new CloseVotingCommand(input.proposalId()), caller.personId(), input.clientMutationId(), input);
        return new CloseVotingPayload(input.clientMutationId(), payload(input.proposalId(), selection));
    }

    @MutationMapping
    public WithdrawProposalPayload withdrawProposal(@Argument WithdrawProposalInput input,
                                                    @AuthenticationPrincipal AccordUser caller,
                                                    DataFetchingFieldSelectionSet selection) {
        commands.send(new WithdrawProposalCommand(input.proposalId(), input.reason()), caller.personId(),
                input.clientMutationId(), input);
        return new WithdrawProposalPayload(input.clientMutationId(), payload(input.proposalId(), selection));
    }

    @SchemaMapping(typeName = "Proposal")
    public PersonView proposer(ProposalView proposal) {
        return person(proposal.proposerId());
    }

    @SchemaMapping(typeName = "Proposal")
    public List<PersonView> eligibleVoters(ProposalView proposal) {
        return queries.list(new FindPeopleQuery(proposal.eligibleVoters()), PersonView.class);
    }

    /** Read only when a client asks for it: it grows with every vote (FindVoteHistoryQuery says why). */
    @SchemaMapping(typeName = "Proposal")
    public List<ProposalView.Vote> voteHistory(ProposalView proposal) {
        return queries.list(new FindVoteHistoryQuery(proposal.id()), ProposalView.Vote.class);
    }

    @SchemaMapping(typeName = "Proposal")
    public TeamView team(ProposalView proposal) {
        return queries.first(new FindTeamsQuery(List.of(proposal.teamId())), TeamView.class);
    }

    @SchemaMapping(typeName = "Proposal")
    public DecisionRule decisionRule(ProposalView proposal) {
        return proposal.rule();
    }

    @SchemaMapping(typeName = "Vote")
    public PersonView voter(ProposalView.Vote vote) {
        return person(vote.voterId());
    }

    @SchemaMapping(typeName = "Recusal", field = "voter")
    public PersonView recusedVoter(ProposalView.Recusal recusal) {
        return person(recusal.voterId());
    }

    @SchemaMapping(typeName = "ProposalRevision")
    public PersonView revisedBy(ProposalView.Revision revision) {
        return person(revision.revisedBy());
    }

    private PersonView person(String id) {
        return queries.first(new FindPeopleQuery(List.of(id)), PersonView.class);
    }

    private ProposalView find(String id) {
        return queries.one(new FindProposalQuery(id), ProposalView.class);
    }

    /**
     * The proposal a mutation's payload answers with. Its standing votes are a read of their own (a range of rows),
     * and a payload as Accord's pages ask for it shows only the proposal's id and status, so they are read only when
     * the payload asks for what needs them, however it asks (through fragments too): about a sixth of a vote's
     * request (docs/benchmarks.md, session 38).
     */
    private ProposalView payload(String id, DataFetchingFieldSelectionSet selection) {
        return queries.one(new FindProposalQuery(id, selection.containsAnyOf(WITH_VOTES)), ProposalView.class);
    }

    private Connection<ProposalView> page(FindProposalsQuery query) {
        ProposalPage page = queries.one(query, ProposalPage.class);
        return Connection.of(page.proposals(), page.cursors(), page.hasNextPage());
    }

}
