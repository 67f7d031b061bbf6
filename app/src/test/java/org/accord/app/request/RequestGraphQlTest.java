package org.accord.app.request;

import static org.accord.app.support.GraphQlErrors.expectError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.Test;

class RequestGraphQlTest extends AccordHttpTest {

    private static final String TRUST = "demo-trust";

    private String raise(String account, String area, String title, Boolean toExecutive) {
        Map<String, Object> input = new HashMap<>(Map.of("trustId", TRUST, "area", area, "title", title,
                "reason", "Each school does it differently."));
        if (toExecutive != null) {
            input.put("routeToExecutive", toExecutive);
        }
        return as(account).documentName("raiseRequest").variable("input", input).execute()
                .path("raiseRequest.request.id").entity(String.class).get();
    }

    private String takeUp(String account, String requestId) {
        return as(account).documentName("takeUpRequest")
                .variable("input", Map.of("requestId", requestId, "teamId", "demo-team-english",
                        "alignment", "ADAPTABLE", "statement", "Each school plans spelling from one trust list.",
                        "rationale", "Asked for by schools."))
                .execute()
                .path("takeUpRequest.proposal.id").entity(String.class).get();
    }

    @Test
    void aHeadRaisesARequestThatGoesToTheTeamWhoseRemitCoversTheArea() {
        as("head").documentName("raiseRequest")
                .variable("input", Map.of("clientMutationId", "req-1", "trustId", TRUST, "area", "CURRICULUM",
                        "title", "A common spelling list", "reason", "Pupils move between our schools."))
                .execute()
                .path("raiseRequest.clientMutationId").entity(String.class).isEqualTo("req-1")
                .path("raiseRequest.request.status").entity(String.class).isEqualTo("OPEN")
                .path("raiseRequest.request.area").entity(String.class).isEqualTo("CURRICULUM")
                .path("raiseRequest.request.school.id").entity(String.class).isEqualTo("demo-school-oakwood")
                .path("raiseRequest.request.raisedBy.id").entity(String.class).isEqualTo("demo-person-head")
                .path("raiseRequest.request.routedTo[*].id").entityList(String.class)
                .containsExactly("demo-team-english")
                .path("raiseRequest.request.routedToExecutive").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void retryingARaiseWithTheSameKeyRecordsItOnce() {
        Map<String, Object> input = Map.of("clientMutationId", "req-retry", "trustId", TRUST, "area", "ASSESSMENT",
                "title", "Shared mock exam weeks", "reason", "Moderation across schools.");
        String first = as("member1").documentName("raiseRequest").variable("input", input).execute()
                .path("raiseRequest.request.id").entity(String.class).get();
        long before = storedEvents();
        as("member1").documentName("raiseRequest").variable("input", input).execute()
                .path("raiseRequest.request.id").entity(String.class).isEqualTo(first);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aRequestInAnAreaNobodyCoversWithoutARouteIsRefusedAndNothingIsRecorded() {
        long before = storedEvents();
        expectError(as("head").documentName("raiseRequest")
                .variable("input", Map.of("trustId", TRUST, "area", "ESTATES", "title", "One caretaking rota",
                        "reason", "Shared contractors."))
                .execute(), "BAD_REQUEST", "no team's remit covers ESTATES");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aRequestNobodyCoversGoesToTheExecutiveWhoMayDeclineIt() {
        String id = raise("head", "ESTATES", "One caretaking rota", true);
        as("board").documentName("request").variable("id", id).execute()
                .path("request.routedTo").entityList(Object.class).hasSize(0)
                .path("request.routedToExecutive").entity(Boolean.class).isEqualTo(true);
        expectError(as("chair").documentName("declineRequest")
                .variable("input", Map.of("requestId", id, "reason", "Not ours")).execute(),
                "FORBIDDEN", "only a trust executive may decline a request routed to the executive");
        as("exec").documentName("declineRequest")
                .variable("input", Map.of("clientMutationId", "dec-1", "requestId", id,
                        "reason", "Estates stay with each school's business manager."))
                .execute()
                .path("declineRequest.clientMutationId").entity(String.class).isEqualTo("dec-1")
                .path("declineRequest.request.status").entity(String.class).isEqualTo("DECLINED")
                .path("declineRequest.request.declineReason").entity(String.class)
                .isEqualTo("Estates stay with each school's business manager.")
                .path("declineRequest.request.decidedBy.id").entity(String.class).isEqualTo("demo-person-exec");
    }

    @Test
    void otherSchoolsSupportOnceAndTheRaiserNever() {
        String id = raise("head", "CURRICULUM", "A shared phonics scheme", null);
        as("member2").documentName("supportRequest")
                .variable("input", Map.of("clientMutationId", "sup-1", "requestId", id,
                        "reason", "Our Year 1 would use it."))
                .execute()
                .path("supportRequest.clientMutationId").entity(String.class).isEqualTo("sup-1")
                .path("supportRequest.request.supports[*].supporter.id").entityList(String.class)
                .containsExactly("demo-person-member2")
                .path("supportRequest.request.supports[0].school.id").entity(String.class)
                .isEqualTo("demo-school-castle-hill")
                .path("supportRequest.request.supports[0].reason").entity(String.class)
                .isEqualTo("Our Year 1 would use it.");

        long before = storedEvents();
        expectError(as("member2").documentName("supportRequest")
                .variable("input", Map.of("requestId", id, "reason", "Again")).execute(),
                "BAD_REQUEST", "you already support this request");
        expectError(as("head").documentName("supportRequest")
                .variable("input", Map.of("requestId", id, "reason", "Mine")).execute(),
                "BAD_REQUEST", "the raiser of a request cannot support their own request");
        expectError(as("member3").documentName("supportRequest")
                .variable("input", Map.of("requestId", id, "reason", "Same school")).execute(),
                "BAD_REQUEST", "support comes from other schools");
        expectError(as("outsider").documentName("supportRequest")
                .variable("input", Map.of("requestId", id, "reason", "Hello")).execute(),
                "NOT_FOUND", "unknown request '" + id + "'");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aRequestTakenUpBecomesADraftProposalAndThenAStandardLinkedBothWays() {
        String id = raise("head", "CURRICULUM", "A common spelling list for Key Stage 2", null);
        expectError(as("head").documentName("takeUpRequest")
                .variable("input", Map.of("requestId", id, "teamId", "demo-team-english", "alignment", "ADAPTABLE",
                        "statement", "S")).execute(),
                "FORBIDDEN", "only a member of a team the request was routed to may take it up");
        expectError(as("member1").documentName("takeUpRequest")
                .variable("input", Map.of("requestId", id, "teamId", "demo-team-send", "alignment", "ADAPTABLE",
                        "statement", "S")).execute(),
                "BAD_REQUEST", "the request was not routed to team 'demo-team-send'");

        String proposalId = as("member1").documentName("takeUpRequest")
                .variable("input", Map.of("clientMutationId", "take-1", "requestId", id,
                        "teamId", "demo-team-english", "alignment", "ADAPTABLE",
                        "statement", "Each school teaches spelling from one trust list.", "rationale", "Asked for."))
                .execute()
                .path("takeUpRequest.clientMutationId").entity(String.class).isEqualTo("take-1")
                .path("takeUpRequest.request.status").entity(String.class).isEqualTo("TAKEN_UP")
                .path("takeUpRequest.request.decidedBy.id").entity(String.class).isEqualTo("demo-person-member1")
                .path("takeUpRequest.request.team.id").entity(String.class).isEqualTo("demo-team-english")
                .path("takeUpRequest.proposal.status").entity(String.class).isEqualTo("DRAFT")
                .path("takeUpRequest.proposal.kind").entity(String.class).isEqualTo("NEW_STANDARD")
                .path("takeUpRequest.proposal.title").entity(String.class)
                .isEqualTo("A common spelling list for Key Stage 2")
                .path("takeUpRequest.proposal.area").entity(String.class).isEqualTo("CURRICULUM")
                .path("takeUpRequest.proposal.proposer.id").entity(String.class).isEqualTo("demo-person-member1")
                .path("takeUpRequest.proposal.fromRequest.id").entity(String.class).isEqualTo(id)
                .path("takeUpRequest.proposal.id").entity(String.class).get();
        as("board").documentName("request").variable("id", id).execute()
                .path("request.proposal.id").entity(String.class).isEqualTo(proposalId);

        long before = storedEvents();
        expectError(as("member2").documentName("takeUpRequest")
                .variable("input", Map.of("requestId", id, "teamId", "demo-team-english", "alignment", "ADAPTABLE",
                        "statement", "Again")).execute(),
                "CONFLICT", "the request is TAKEN_UP");
        expectError(as("member2").documentName("declineRequest")
                .variable("input", Map.of("requestId", id, "reason", "Too late")).execute(),
                "CONFLICT", "the request is TAKEN_UP");
        assertThat(storedEvents()).isEqualTo(before);

        as("chair").documentName("openVoting").variable("input", Map.of("proposalId", proposalId)).execute()
                .path("openVoting.proposal.status").entity(String.class).isEqualTo("VOTING");
        for (String voter : List.of("member1", "member2", "member3")) {
            as(voter).documentName("castVote")
                    .variable("input", Map.of("proposalId", proposalId, "choice", "APPROVE")).execute()
                    .path("castVote.proposal.id").hasValue();
        }
        as("chair").documentName("closeVoting").variable("input", Map.of("proposalId", proposalId)).execute()
                .path("closeVoting.proposal.status").entity(String.class).isEqualTo("RATIFIED");
        String standardId = as("exec").documentName("adoptProposal")
                .variable("input", Map.of("proposalId", proposalId)).execute()
                .path("adoptProposal.standard.id").entity(String.class).get();

        as("board").documentName("request").variable("id", id).execute()
                .path("request.status").entity(String.class).isEqualTo("BECAME_STANDARD")
                .path("request.standard.id").entity(String.class).isEqualTo(standardId)
                .path("request.proposal.status").entity(String.class).isEqualTo("ADOPTED");
        as("board").documentName("proposalFromRequest").variable("id", proposalId).execute()
                .path("proposal.fromRequest.id").entity(String.class).isEqualTo(id)
                .path("proposal.fromRequest.standard.id").entity(String.class).isEqualTo(standardId);
    }

    @Test
    void aTakeUpWhoseDraftBreaksTheDraftingRulesRecordsNothing() {
        String id = raise("head", "CURRICULUM", "Shared handwriting", null);
        long before = storedEvents();
        expectError(as("member1").documentName("takeUpRequest")
                .variable("input", Map.of("requestId", id, "teamId", "demo-team-english", "alignment", "ADAPTABLE",
                        "statement", " ")).execute(),
                "BAD_REQUEST", "statement");
        assertThat(storedEvents()).isEqualTo(before);
        as("board").documentName("request").variable("id", id).execute()
                .path("request.status").entity(String.class).isEqualTo("OPEN");
    }

    @Test
    void theRoutedTeamDeclinesWithAReasonAndOthersMayNot() {
        String id = raise("member1", "ASSESSMENT", "One marking policy", null);
        expectError(as("head").documentName("declineRequest")
                .variable("input", Map.of("requestId", id, "reason", "No")).execute(),
                "FORBIDDEN", "only a member of a team the request was routed to may decline it");
        expectError(as("chair").documentName("declineRequest")
                .variable("input", Map.of("requestId", id, "reason", " ")).execute(),
                "BAD_REQUEST", "reason must not be blank");
        as("chair").documentName("declineRequest")
                .variable("input", Map.of("requestId", id, "reason", "Marking stays with schools.")).execute()
                .path("declineRequest.request.status").entity(String.class).isEqualTo("DECLINED");
    }

    @Test
    void aTrustsRequestsArePagedAndAnOutsiderSeesNone() {
        raise("head", "CURRICULUM", "Paged one", null);
        raise("head", "CURRICULUM", "Paged two", null);
        String cursor = as("board").documentName("requests").variable("trustId", TRUST).variable("first", 1)
                .execute()
                .path("requests.edges").entityList(Object.class).hasSize(1)
                .path("requests.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("requests.pageInfo.endCursor").entity(String.class).get();
        as("board").documentName("requests").variable("trustId", TRUST).variable("first", 1)
                .variable("after", cursor).execute()
                .path("requests.edges").entityList(Object.class).hasSize(1);
        as("outsider").documentName("requests").variable("trustId", TRUST).execute()
                .path("requests.edges").entityList(Object.class).hasSize(0);
        expectError(as("board").documentName("requests").variable("trustId", TRUST).variable("first", 500)
                .execute(), "BAD_REQUEST", "first");
    }

    @Test
    void theDemoTrustShowsARequestThatBecameAStandardAndOneDeclined() {
        as("board").documentName("request").variable("id", "demo-request-send-adaptive-teaching").execute()
                .path("request.title").entity(String.class)
                .isEqualTo("A common approach to adaptive teaching for pupils with SEND")
                .path("request.status").entity(String.class).isEqualTo("BECAME_STANDARD")
                .path("request.routedTo[*].id").entityList(String.class).containsExactly("demo-team-send")
                .path("request.supports[*].school.id").entityList(String.class)
                .containsExactly("demo-school-willowbrook", "demo-school-meadowbank")
                .path("request.proposal.id").entity(String.class).isEqualTo("demo-proposal-send-adaptive-teaching")
                .path("request.proposal.fromRequest.id").entity(String.class)
                .isEqualTo("demo-request-send-adaptive-teaching")
                .path("request.standard.id").entity(String.class).isEqualTo("demo-standard-send-adaptive-teaching");
        as("head").documentName("request").variable("id", "demo-request-uniform-supplier").execute()
                .path("request.status").entity(String.class).isEqualTo("DECLINED")
                .path("request.routedToExecutive").entity(Boolean.class).isEqualTo(true)
                .path("request.decidedBy.id").entity(String.class).isEqualTo("demo-person-exec")
                .path("request.declineReason").hasValue();
    }
}
