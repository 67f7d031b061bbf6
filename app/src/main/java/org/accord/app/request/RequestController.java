package org.accord.app.request;

import java.util.List;

import org.accord.api.proposal.FindProposalQuery;
import org.accord.api.proposal.ProposalView;
import org.accord.api.request.DeclineRequestCommand;
import org.accord.api.request.FindRequestOfProposalQuery;
import org.accord.api.request.FindRequestQuery;
import org.accord.api.request.FindRequestsQuery;
import org.accord.api.request.RaiseRequestCommand;
import org.accord.api.request.RequestPage;
import org.accord.api.request.RequestStatus;
import org.accord.api.request.RequestSupportView;
import org.accord.api.request.RequestView;
import org.accord.api.request.SupportRequestCommand;
import org.accord.api.request.TakeUpRequestCommand;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.FindStandardsQuery;
import org.accord.api.standard.StandardView;
import org.accord.api.team.FindTeamsQuery;
import org.accord.api.team.TeamView;
import org.accord.api.trust.FindPeopleQuery;
import org.accord.api.trust.FindSchoolsQuery;
import org.accord.api.trust.PersonView;
import org.accord.api.trust.SchoolView;
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

/** Schools' requests for standardisation: raised, supported, taken up into a draft proposal or declined. */
@Controller
public class RequestController {

    private final Commands commands;
    private final Queries queries;

    public RequestController(Commands commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @QueryMapping
    public RequestView request(@Argument String id, @AuthenticationPrincipal AccordUser caller) {
        RequestView request = find(id);
        return request != null && caller.mayRead(request.trustId()) ? request : null;
    }

    @QueryMapping
    public Connection<RequestView> requests(@Argument String trustId, @Argument RequestStatus status,
                                            @Argument Integer first, @Argument String after,
                                            @AuthenticationPrincipal AccordUser caller) {
        int size = Check.pageSize(first);
        if (!caller.mayRead(trustId)) {
            return Connection.empty();
        }
        RequestPage page = queries.one(new FindRequestsQuery(trustId, status, size, after), RequestPage.class);
        return Connection.of(page.requests(), page.cursors(), page.hasNextPage());
    }

    @MutationMapping
    public RaiseRequestPayload raiseRequest(@Argument RaiseRequestInput input,
                                            @AuthenticationPrincipal AccordUser caller) {
        String id = commands.send(new RaiseRequestCommand(Ids.next(), input.trustId(), input.area(), input.title(),
                input.reason(), Boolean.TRUE.equals(input.routeToExecutive())), caller.personId(),
                input.clientMutationId(), input);
        return new RaiseRequestPayload(input.clientMutationId(), find(id));
    }

    @MutationMapping
    public SupportRequestPayload supportRequest(@Argument SupportRequestInput input,
                                                @AuthenticationPrincipal AccordUser caller) {
        requireRequest(input.requestId(), caller);
        commands.send(new SupportRequestCommand(input.requestId(), input.reason()), caller.personId(),
                input.clientMutationId(), input);
        return new SupportRequestPayload(input.clientMutationId(), find(input.requestId()));
    }

    @MutationMapping
    public TakeUpRequestPayload takeUpRequest(@Argument TakeUpRequestInput input,
                                              @AuthenticationPrincipal AccordUser caller) {
        requireRequest(input.requestId(), caller);
        commands.send(new TakeUpRequestCommand(input.requestId(), Ids.next(), input.teamId(), input.content()),
                caller.personId(), input.clientMutationId(), input);
        RequestView request = find(input.requestId());
        return new TakeUpRequestPayload(input.clientMutationId(), request, proposal(request));
    }

    @MutationMapping
    public DeclineRequestPayload declineRequest(@Argument DeclineRequestInput input,
                                                @AuthenticationPrincipal AccordUser caller) {
        requireRequest(input.requestId(), caller);
        commands.send(new DeclineRequestCommand(input.requestId(), input.reason()), caller.personId(),
                input.clientMutationId(), input);
        return new DeclineRequestPayload(input.clientMutationId(), find(input.requestId()));
    }

    @SchemaMapping(typeName = "Proposal")
    public RequestView fromRequest(ProposalView proposal) {
        return queries.one(new FindRequestOfProposalQuery(proposal.id()), RequestView.class);
    }

    @SchemaMapping(typeName = "Request")
    public ProposalView proposal(RequestView request) {
        return request.proposalId() == null ? null
                : queries.one(new FindProposalQuery(request.proposalId()), ProposalView.class);
    }

    @SchemaMapping(typeName = "Request")
    public StandardView standard(RequestView request) {
        return request.standardId() == null ? null
                : queries.first(new FindStandardsQuery(List.of(request.standardId())), StandardView.class);
    }

    @SchemaMapping(typeName = "Request")
    public SchoolView school(RequestView request) {
        return school(request.schoolId());
    }

    @SchemaMapping(typeName = "Request")
    public PersonView raisedBy(RequestView request) {
        return person(request.raisedBy());
    }

    @SchemaMapping(typeName = "Request")
    public PersonView decidedBy(RequestView request) {
        return request.decidedBy() == null ? null : person(request.decidedBy());
    }

    @SchemaMapping(typeName = "Request")
    public List<TeamView> routedTo(RequestView request) {
        return queries.list(new FindTeamsQuery(request.routedTeamIds()), TeamView.class);
    }

    @SchemaMapping(typeName = "Request")
    public TeamView team(RequestView request) {
        return request.teamId() == null ? null
                : queries.first(new FindTeamsQuery(List.of(request.teamId())), TeamView.class);
    }

    @SchemaMapping(typeName = "RequestSupport")
    public PersonView supporter(RequestSupportView support) {
        return person(support.supporterId());
    }

    @SchemaMapping(typeName = "RequestSupport")
    public SchoolView school(RequestSupportView support) {
        return school(support.schoolId());
    }

    /** A request of another trust is unknown to the caller, exactly as one that does not exist. */
    private void requireRequest(String requestId, AccordUser caller) {
        RequestView request = find(requestId);
        if (request == null || !caller.mayRead(request.trustId())) {
            throw DomainException.notFound("unknown request '" + requestId + "'");
        }
    }

    private SchoolView school(String id) {
        return queries.first(new FindSchoolsQuery(List.of(id)), SchoolView.class);
    }

    private PersonView person(String id) {
        return queries.first(new FindPeopleQuery(List.of(id)), PersonView.class);
    }

    private RequestView find(String id) {
        return id == null ? null : queries.one(new FindRequestQuery(id), RequestView.class);
    }
}
