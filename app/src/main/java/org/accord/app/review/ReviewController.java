package org.accord.app.review;

import java.time.LocalDate;
import java.util.List;

import org.accord.api.proposal.FindProposalQuery;
import org.accord.api.proposal.ProposalView;
import org.accord.api.review.FindReviewsDueQuery;
import org.accord.api.review.FindStandardReviewsQuery;
import org.accord.api.review.RaiseReviewProposalCommand;
import org.accord.api.review.ReaffirmStandardCommand;
import org.accord.api.review.ReviewsDueView;
import org.accord.api.review.StandardReviewDue;
import org.accord.api.review.StandardReviewView;
import org.accord.api.review.StandardReviewsView;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.FindStandardsQuery;
import org.accord.api.standard.StandardView;
import org.accord.api.team.FindTeamsQuery;
import org.accord.api.team.TeamView;
import org.accord.api.trust.FindPeopleQuery;
import org.accord.api.trust.PersonView;
import org.accord.app.security.AccordUser;
import org.accord.app.shared.Commands;
import org.accord.app.shared.DomainClock;
import org.accord.app.shared.Ids;
import org.accord.app.shared.Queries;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** Reviews that act: what is due for review in a trust, and each standard's review reaffirming it or raising a proposal. */
@Controller
public class ReviewController {

    /** A window of more than a year ahead is a plan, not a list of what is due. */
    static final int MAX_WINDOW_DAYS = 366;

    private final Commands commands;
    private final Queries queries;

    public ReviewController(Commands commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @QueryMapping
    public ReviewsDueView reviewsDue(@Argument String trustId, @Argument LocalDate asOf, @Argument Integer within,
                                     @AuthenticationPrincipal AccordUser caller) {
        int days = within == null ? 30 : within;
        if (days < 0 || days > MAX_WINDOW_DAYS) {
            throw DomainException.badRequest("within must be from 0 to " + MAX_WINDOW_DAYS + " days, was " + days);
        }
        if (!caller.mayRead(trustId)) {
            return null;
        }
        return queries.one(new FindReviewsDueQuery(trustId, asOf == null ? DomainClock.today() : asOf, days),
                ReviewsDueView.class);
    }

    @MutationMapping
    public ReaffirmStandardPayload reaffirmStandard(@Argument ReaffirmStandardInput input,
                                                    @AuthenticationPrincipal AccordUser caller) {
        requireStandard(input.standardId(), caller);
        commands.send(new ReaffirmStandardCommand(input.standardId(), input.rationale(), input.nextReviewBy()),
                caller.personId(), input.clientMutationId(), input);
        List<StandardReviewView> reviews = reviews(input.standardId()).reviews();
        return new ReaffirmStandardPayload(input.clientMutationId(), standard(input.standardId()),
                reviews.stream().filter(r -> r.proposalId() == null).reduce((a, b) -> b).orElse(null));
    }

    @MutationMapping
    public RaiseReviewProposalPayload raiseReviewProposal(@Argument RaiseReviewProposalInput input,
                                                          @AuthenticationPrincipal AccordUser caller) {
        StandardView standard = requireStandard(input.standardId(), caller);
        String proposalId = commands.send(new RaiseReviewProposalCommand(input.standardId(), Ids.next(),
                input.teamId(), input.kind(), input.content(standard)), caller.personId(), input.clientMutationId(),
                input);
        return new RaiseReviewProposalPayload(input.clientMutationId(), standard(input.standardId()),
                review(input.standardId(), proposalId), proposal(proposalId));
    }

    @SchemaMapping(typeName = "Standard")
    public List<StandardReviewView> reviews(StandardView standard) {
        return reviews(standard.id()).reviews();
    }

    @SchemaMapping(typeName = "Standard")
    public LocalDate nextReviewBy(StandardView standard) {
        return reviews(standard.id()).nextReviewBy();
    }

    /** The review a proposal was raised from, if it was. */
    @SchemaMapping(typeName = "Proposal")
    public StandardReviewView fromReview(ProposalView proposal) {
        return proposal.standardId() == null ? null : review(proposal.standardId(), proposal.id());
    }

    @SchemaMapping(typeName = "StandardReview")
    public StandardView standard(StandardReviewView review) {
        return standard(review.standardId());
    }

    @SchemaMapping(typeName = "StandardReview")
    public PersonView reviewedBy(StandardReviewView review) {
        return queries.first(new FindPeopleQuery(List.of(review.reviewedBy())), PersonView.class);
    }

    @SchemaMapping(typeName = "StandardReview")
    public ProposalView proposal(StandardReviewView review) {
        return review.proposalId() == null ? null : proposal(review.proposalId());
    }

    @SchemaMapping(typeName = "StandardReview")
    public TeamView team(StandardReviewView review) {
        return review.teamId() == null ? null
                : queries.first(new FindTeamsQuery(List.of(review.teamId())), TeamView.class);
    }

    @SchemaMapping(typeName = "StandardReviewDue")
    public StandardView standard(StandardReviewDue due) {
        return standard(due.standardId());
    }

    @SchemaMapping(typeName = "StandardReviewDue")
    public List<ProposalView> proposals(StandardReviewDue due) {
        return due.openProposalIds().stream().map(this::proposal).filter(p -> p != null).toList();
    }

    /** A standard of another trust is unknown to the caller, exactly as one that does not exist. */
    private StandardView requireStandard(String standardId, AccordUser caller) {
        StandardView standard = standardId == null ? null : standard(standardId);
        if (standard == null || !caller.mayRead(standard.trustId())) {
            throw DomainException.notFound("unknown standard '" + standardId + "'");
        }
        return standard;
    }

    private StandardReviewView review(String standardId, String proposalId) {
        return reviews(standardId).reviews().stream().filter(r -> proposalId.equals(r.proposalId())).findFirst()
                .orElse(null);
    }

    private StandardReviewsView reviews(String standardId) {
        return queries.one(new FindStandardReviewsQuery(standardId), StandardReviewsView.class);
    }

    private StandardView standard(String id) {
        return queries.first(new FindStandardsQuery(List.of(id)), StandardView.class);
    }

    private ProposalView proposal(String id) {
        return queries.one(new FindProposalQuery(id), ProposalView.class);
    }
}
