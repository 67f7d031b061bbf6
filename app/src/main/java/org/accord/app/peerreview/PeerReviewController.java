package org.accord.app.peerreview;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.accord.api.peerreview.AddPeerReviewFindingCommand;
import org.accord.api.peerreview.AgreePeerReviewActionCommand;
import org.accord.api.peerreview.FindPeerReviewQuery;
import org.accord.api.peerreview.FindPeerReviewsQuery;
import org.accord.api.peerreview.FollowUpPeerReviewActionCommand;
import org.accord.api.peerreview.NoteFindingAgainstStandardCommand;
import org.accord.api.peerreview.PeerReviewPage;
import org.accord.api.peerreview.PeerReviewView;
import org.accord.api.peerreview.RaiseRequestFromFindingCommand;
import org.accord.api.peerreview.RecordPeerReviewCommand;
import org.accord.api.request.FindRequestQuery;
import org.accord.api.request.RequestView;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.FindStandardsQuery;
import org.accord.api.standard.StandardView;
import org.accord.api.team.FindTeamsQuery;
import org.accord.api.team.TeamView;
import org.accord.api.trust.FindPeopleQuery;
import org.accord.api.trust.FindSchoolsQuery;
import org.accord.api.trust.PersonRole;
import org.accord.api.trust.PersonView;
import org.accord.api.trust.SchoolView;
import org.accord.api.trust.TrustView;
import org.accord.app.security.AccordUser;
import org.accord.app.shared.Check;
import org.accord.app.shared.Commands;
import org.accord.app.shared.Connection;
import org.accord.app.shared.DomainClock;
import org.accord.app.shared.Ids;
import org.accord.app.shared.Queries;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * Peer reviews between schools. A review is read by the two schools (or the reviewing team) and the trust's
 * executives and board, as {@link AccordUser#mayReadAmong} decides; to anyone else, of the trust or not, it does not
 * exist. The board's summary is counts only, for the whole trust.
 */
@Controller
public class PeerReviewController {

    private static final int SUMMARY_PAGE = 100;

    private final Commands commands;
    private final Queries queries;

    public PeerReviewController(Commands commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @QueryMapping
    public PeerReviewView peerReview(@Argument String id, @AuthenticationPrincipal AccordUser caller) {
        PeerReviewView review = find(id);
        return review != null && mayRead(caller, review) ? review : null;
    }

    /**
     * The trust's peer reviews, oldest first: every one for its executives and board; for anyone else, their own
     * school's (reviewed or reviewing), which is also what {@code schoolId} narrows to. A page may hold fewer than
     * {@code first} where a review involves a school the caller may not read (their school's part in it shown).
     */
    @QueryMapping
    public Connection<PeerReviewView> peerReviews(@Argument String trustId, @Argument String schoolId,
                                                  @Argument Integer first, @Argument String after,
                                                  @AuthenticationPrincipal AccordUser caller) {
        int size = Check.pageSize(first);
        if (!caller.mayRead(trustId)) {
            return Connection.empty();
        }
        PersonView reader = reader(caller);
        String school = schoolId;
        if (school == null && !leadsTheTrust(reader)) {
            school = reader == null ? null : reader.schoolId();
            if (school == null) {
                return Connection.empty();
            }
        }
        PeerReviewPage page = queries.one(new FindPeerReviewsQuery(trustId, school, size, after),
                PeerReviewPage.class);
        List<PeerReviewView> shown = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        for (int i = 0; i < page.peerReviews().size(); i++) {
            if (mayRead(caller, reader, page.peerReviews().get(i))) {
                shown.add(page.peerReviews().get(i));
                cursors.add(page.cursors().get(i));
            }
        }
        return Connection.of(shown, cursors, page.hasNextPage());
    }

    @SchemaMapping(typeName = "Trust")
    public PeerReviewSummary peerReviewSummary(TrustView trust, @Argument LocalDate asOf) {
        List<PeerReviewView> all = new ArrayList<>();
        String after = null;
        PeerReviewPage page;
        do {
            page = queries.one(new FindPeerReviewsQuery(trust.id(), null, SUMMARY_PAGE, after), PeerReviewPage.class);
            all.addAll(page.peerReviews());
            after = page.cursors().isEmpty() ? null : page.cursors().get(page.cursors().size() - 1);
        } while (page.hasNextPage() && after != null);
        return PeerReviewSummary.of(all, asOf == null ? DomainClock.today() : asOf);
    }

    @MutationMapping
    public PeerReviewPayload recordPeerReview(@Argument RecordPeerReviewInput input,
                                              @AuthenticationPrincipal AccordUser caller) {
        String id = commands.send(new RecordPeerReviewCommand(Ids.next(), input.trustId(), input.reviewedSchoolId(),
                input.reviewingSchoolId(), input.reviewingTeamId(), input.areas(), input.reviewedOn()),
                caller.personId(), input.clientMutationId(), input);
        return new PeerReviewPayload(input.clientMutationId(), find(id), null);
    }

    @MutationMapping
    public PeerReviewPayload addPeerReviewFinding(@Argument AddPeerReviewFindingInput input,
                                                  @AuthenticationPrincipal AccordUser caller) {
        requireReview(input.peerReviewId(), caller);
        commands.send(new AddPeerReviewFindingCommand(input.peerReviewId(), Ids.next(), input.area(), input.kind(),
                input.text()), caller.personId(), input.clientMutationId(), input);
        return new PeerReviewPayload(input.clientMutationId(), find(input.peerReviewId()), null);
    }

    @MutationMapping
    public PeerReviewPayload agreePeerReviewAction(@Argument AgreePeerReviewActionInput input,
                                                   @AuthenticationPrincipal AccordUser caller) {
        requireReview(input.peerReviewId(), caller);
        commands.send(new AgreePeerReviewActionCommand(input.peerReviewId(), Ids.next(), input.findingId(),
                input.action(), input.dueBy()), caller.personId(), input.clientMutationId(), input);
        return new PeerReviewPayload(input.clientMutationId(), find(input.peerReviewId()), null);
    }

    @MutationMapping
    public PeerReviewPayload followUpPeerReviewAction(@Argument FollowUpPeerReviewActionInput input,
                                                      @AuthenticationPrincipal AccordUser caller) {
        requireReview(input.peerReviewId(), caller);
        commands.send(new FollowUpPeerReviewActionCommand(input.peerReviewId(), input.actionId(), input.progress(),
                input.note()), caller.personId(), input.clientMutationId(), input);
        return new PeerReviewPayload(input.clientMutationId(), find(input.peerReviewId()), null);
    }

    @MutationMapping
    public PeerReviewPayload raiseRequestFromFinding(@Argument RaiseRequestFromFindingInput input,
                                                     @AuthenticationPrincipal AccordUser caller) {
        requireReview(input.peerReviewId(), caller);
        String requestId = Ids.next();
        commands.send(new RaiseRequestFromFindingCommand(input.peerReviewId(), input.findingId(), requestId,
                input.title(), input.reason(), Boolean.TRUE.equals(input.routeToExecutive())), caller.personId(),
                input.clientMutationId(), input);
        PeerReviewView review = find(input.peerReviewId());
        String raised = review.findings().stream().filter(f -> f.id().equals(input.findingId()))
                .map(PeerReviewView.Finding::requestId).findFirst().orElse(requestId);
        return new PeerReviewPayload(input.clientMutationId(), review,
                queries.one(new FindRequestQuery(raised), RequestView.class));
    }

    @MutationMapping
    public PeerReviewPayload noteFindingAgainstStandard(@Argument NoteFindingAgainstStandardInput input,
                                                        @AuthenticationPrincipal AccordUser caller) {
        requireReview(input.peerReviewId(), caller);
        commands.send(new NoteFindingAgainstStandardCommand(input.peerReviewId(), input.findingId(),
                input.standardId()), caller.personId(), input.clientMutationId(), input);
        return new PeerReviewPayload(input.clientMutationId(), find(input.peerReviewId()), null);
    }

    @SchemaMapping(typeName = "PeerReview")
    public SchoolView reviewedSchool(PeerReviewView review) {
        return school(review.reviewedSchoolId());
    }

    @SchemaMapping(typeName = "PeerReview")
    public SchoolView reviewingSchool(PeerReviewView review) {
        return review.reviewingSchoolId() == null ? null : school(review.reviewingSchoolId());
    }

    @SchemaMapping(typeName = "PeerReview")
    public TeamView reviewingTeam(PeerReviewView review) {
        return review.reviewingTeamId() == null ? null
                : queries.first(new FindTeamsQuery(List.of(review.reviewingTeamId())), TeamView.class);
    }

    @SchemaMapping(typeName = "PeerReview")
    public PersonView recordedBy(PeerReviewView review) {
        return person(review.recordedBy());
    }

    @SchemaMapping(typeName = "PeerReviewFinding")
    public PersonView addedBy(PeerReviewView.Finding finding) {
        return person(finding.addedBy());
    }

    @SchemaMapping(typeName = "PeerReviewFinding")
    public RequestView request(PeerReviewView.Finding finding) {
        return finding.requestId() == null ? null
                : queries.one(new FindRequestQuery(finding.requestId()), RequestView.class);
    }

    @SchemaMapping(typeName = "PeerReviewStandardNote")
    public StandardView standard(PeerReviewView.StandardNote note) {
        return queries.first(new FindStandardsQuery(List.of(note.standardId())), StandardView.class);
    }

    @SchemaMapping(typeName = "PeerReviewStandardNote")
    public PersonView notedBy(PeerReviewView.StandardNote note) {
        return person(note.notedBy());
    }

    @SchemaMapping(typeName = "PeerReviewAction")
    public PersonView agreedBy(PeerReviewView.Action action) {
        return person(action.agreedBy());
    }

    @SchemaMapping(typeName = "PeerReviewAction")
    public boolean overdue(PeerReviewView.Action action) {
        return PeerReviewSummary.overdue(action, DomainClock.today());
    }

    @SchemaMapping(typeName = "PeerReviewFollowUp")
    public PersonView by(PeerReviewView.FollowUp followUp) {
        return person(followUp.by());
    }

    /**
     * A review the caller may not read is unknown to them, exactly as one that does not exist: someone of the trust
     * but of neither school learns nothing of it either.
     */
    private void requireReview(String peerReviewId, AccordUser caller) {
        PeerReviewView review = find(peerReviewId);
        if (review == null || !mayRead(caller, review)) {
            throw DomainException.notFound("unknown peer review '" + peerReviewId + "'");
        }
    }

    private boolean mayRead(AccordUser caller, PeerReviewView review) {
        return mayRead(caller, reader(caller), review);
    }

    private static boolean mayRead(AccordUser caller, PersonView reader, PeerReviewView review) {
        List<String> schools = new ArrayList<>();
        schools.add(review.reviewedSchoolId());
        if (review.reviewingSchoolId() != null) {
            schools.add(review.reviewingSchoolId());
        }
        return caller.mayReadAmong(review.trustId(), reader, schools,
                review.reviewingTeamId() == null ? List.of() : List.of(review.reviewingTeamId()));
    }

    private static boolean leadsTheTrust(PersonView reader) {
        return reader != null && (reader.roles().contains(PersonRole.TRUST_EXECUTIVE)
                || reader.roles().contains(PersonRole.BOARD_MEMBER));
    }

    private PersonView reader(AccordUser caller) {
        return caller.personId() == null ? null : person(caller.personId());
    }

    private SchoolView school(String id) {
        return queries.first(new FindSchoolsQuery(List.of(id)), SchoolView.class);
    }

    private PersonView person(String id) {
        return id == null ? null : queries.first(new FindPeopleQuery(List.of(id)), PersonView.class);
    }

    private PeerReviewView find(String id) {
        return id == null ? null : queries.one(new FindPeerReviewQuery(id), PeerReviewView.class);
    }
}
