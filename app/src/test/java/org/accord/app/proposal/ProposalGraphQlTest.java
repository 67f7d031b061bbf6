package org.accord.app.proposal;

import static org.accord.app.support.GraphQlErrors.expectError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

class ProposalGraphQlTest extends AccordHttpTest {

    private static final String ENGLISH = "demo-team-english";

    @Test
    void aTeamTakesAProposalFromDraftToRatification() {
        String id = draft("member1", "Shared spelling lists", null);
        as("member2").documentName("reviseProposal")
                .variable("input", Map.of("proposalId", id, "statement", "Each school keeps a shared spelling list",
                        "note", "narrower", "expectedRevision", 1))
                .execute()
                .path("reviseProposal.proposal.revisions[*].number").entityList(Integer.class).containsExactly(1, 2)
                .path("reviseProposal.proposal.revisions[1].note").entity(String.class).isEqualTo("narrower")
                .path("reviseProposal.proposal.revisions[1].revisedBy.id").entity(String.class)
                .isEqualTo("demo-person-member2")
                // the first revision keeps its own text, so a client can show what changed
                .path("reviseProposal.proposal.revisions[0].statement").entity(String.class)
                .isEqualTo("A statement of Shared spelling lists")
                .path("reviseProposal.proposal.statement").entity(String.class)
                .isEqualTo("Each school keeps a shared spelling list");

        as("chair").documentName("openVoting").variable("input", Map.of("proposalId", id)).execute()
                .path("openVoting.proposal.status").entity(String.class).isEqualTo("VOTING")
                .path("openVoting.proposal.eligibleVoters[*].id").entityList(String.class).hasSize(4)
                .path("openVoting.proposal.decisionRule.mode").entity(String.class).isEqualTo("MAJORITY")
                .path("openVoting.proposal.closesAt").hasValue();

        vote("member1", id, "APPROVE", null);
        vote("member2", id, "APPROVE", null);
        vote("member3", id, "OBJECT", "Too prescriptive for a primary school");

        as("chair").documentName("closeVoting").variable("input", Map.of("proposalId", id)).execute()
                .path("closeVoting.proposal.status").entity(String.class).isEqualTo("RATIFIED")
                .path("closeVoting.proposal.outcome").entity(String.class).isEqualTo("RATIFIED")
                .path("closeVoting.proposal.tally").entity(Map.class)
                .isEqualTo(Map.of("approve", 2, "object", 1, "abstain", 0, "recused", 0, "eligible", 4))
                .path("closeVoting.proposal.closedAt").hasValue();

        List<String> voters = as("board").documentName("proposal").variable("id", id).execute()
                .path("proposal.proposer.id").entity(String.class).isEqualTo("demo-person-member1")
                .path("proposal.votes[*].voter.id").entityList(String.class).get();
        assertThat(voters).containsExactlyInAnyOrder("demo-person-member1", "demo-person-member2",
                "demo-person-member3");
    }

    @Test
    void aChangedVoteStandsAndEveryVoteIsKept() {
        String id = openProposal("Changed minds");
        vote("member2", id, "OBJECT", "Not yet");
        vote("member2", id, "APPROVE", "Persuaded");
        as("board").documentName("proposal").variable("id", id).execute()
                .path("proposal.votes[*].choice").entityList(String.class).containsExactly("APPROVE")
                .path("proposal.voteHistory[*].choice").entityList(String.class).containsExactly("OBJECT", "APPROVE")
                .path("proposal.tally.approve").entity(Integer.class).isEqualTo(1)
                .path("proposal.tally.object").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void aRecusedVoterIsNotCounted() {
        String id = openProposal("Recusal");
        vote("member3", id, "APPROVE", null);
        as("member3").documentName("recuse")
                .variable("input", Map.of("proposalId", id, "interest", "My school wrote the draft"))
                .execute()
                .path("recuse.proposal.recusals[0].voter.id").entity(String.class).isEqualTo("demo-person-member3")
                .path("recuse.proposal.tally.recused").entity(Integer.class).isEqualTo(1)
                .path("recuse.proposal.tally.approve").entity(Integer.class).isEqualTo(0);
        expectError(as("member3").documentName("castVote")
                .variable("input", Map.of("proposalId", id, "choice", "APPROVE")).execute(),
                "BAD_REQUEST", "recused");
    }

    @Test
    void aVotesPayloadShowsTheStandingVotesTallyAndDelegationsWheneverItAsksForThemThroughFragmentsToo() {
        String id = openProposal("Payloads");
        as("member1").documentName("delegateVote")
                .variable("input", Map.of("proposalId", id, "delegateId", "demo-person-member2")).execute()
                .path("delegateVote.delegation.status").entity(String.class).isEqualTo("IN_FORCE");
        // as Accord's pages ask: the status only
        as("member3").documentName("castVoteStatus")
                .variable("input", Map.of("proposalId", id, "choice", "OBJECT", "rationale", "Too soon")).execute()
                .path("castVote.proposal.id").entity(String.class).isEqualTo(id)
                .path("castVote.proposal.status").entity(String.class).isEqualTo("VOTING");

        // the tally under an alias, through an inline fragment; the votes and delegations through a named one
        as("member2").documentName("castVoteFragments")
                .variable("input", Map.of("proposalId", id, "choice", "APPROVE")).execute()
                .path("castVote.proposal.counted").entity(Map.class).isEqualTo(Map.of("approve", 2, "object", 1,
                        "abstain", 0, "recused", 0, "eligible", 4, "delegated", 1))
                .path("castVote.proposal.votes[*].voter.id").entityList(String.class)
                .containsExactly("demo-person-member3", "demo-person-member2")
                .path("castVote.proposal.votes[1].castFor[*].id").entityList(String.class)
                .containsExactly("demo-person-member1")
                .path("castVote.proposal.delegations[*].status").entityList(String.class).containsExactly("IN_FORCE");
        // the tally alone, under an alias
        as("chair").documentName("castVoteTally")
                .variable("input", Map.of("proposalId", id, "choice", "OBJECT", "rationale", "Not this term")).execute()
                .path("castVote.proposal.counted").entity(Map.class).isEqualTo(Map.of("approve", 2, "object", 2));
        // and a payload that asks for the whole proposal has what the query has
        as("member2").documentName("castVote")
                .variable("input", Map.of("proposalId", id, "choice", "ABSTAIN")).execute()
                .path("castVote.proposal.tally").entity(Map.class).isEqualTo(Map.of("approve", 0, "object", 2,
                        "abstain", 2, "recused", 0, "eligible", 4));
    }

    @Test
    void aRetryWithTheSameClientMutationIdRecordsOnceAndAnswersTheSame() {
        Map<String, Object> input = draftInput("Retried draft");
        input.put("clientMutationId", "retry-" + System.nanoTime());
        long before = storedEvents();
        String first = as("member1").documentName("draftProposal").variable("input", input).execute()
                .path("draftProposal.proposal.id").entity(String.class).get();
        String second = as("member1").documentName("draftProposal").variable("input", input).execute()
                .path("draftProposal.clientMutationId").entity(String.class).isEqualTo(input.get("clientMutationId"))
                .path("draftProposal.proposal.id").entity(String.class).get();
        assertThat(second).isEqualTo(first);
        assertThat(storedEvents()).isEqualTo(before + 1);

        // the same key from another caller is another request
        String other = as("member2").documentName("draftProposal").variable("input", input).execute()
                .path("draftProposal.proposal.id").entity(String.class).get();
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aClientMutationIdReusedForAnotherRequestIsRefused() {
        String key = "reused-" + System.nanoTime();
        Map<String, Object> input = draftInput("First use");
        input.put("clientMutationId", key);
        as("member1").documentName("draftProposal").variable("input", input).execute()
                .path("draftProposal.proposal.id").hasValue();
        Map<String, Object> other = draftInput("Second use");
        other.put("clientMutationId", key);
        long before = storedEvents();
        expectError(as("member1").documentName("draftProposal").variable("input", other).execute(),
                "BAD_REQUEST", "was already used for a different request");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void twoClientsClosingTheSameVoteAtOnceGetOneOutcomeAndOneConflict() throws Exception {
        String id = openProposal("Race");
        vote("member1", id, "APPROVE", null);
        vote("member2", id, "APPROVE", null);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<GraphQlTester.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Callable<GraphQlTester.Response> close = () -> {
                    start.await();
                    return as("chair").documentName("closeVoting").variable("input", Map.of("proposalId", id))
                            .execute();
                };
                answers.add(pool.submit(close));
            }
            start.countDown();
            int closed = 0;
            int conflicts = 0;
            for (Future<GraphQlTester.Response> answer : answers) {
                GraphQlTester.Response response = answer.get();
                List<String> classifications = new ArrayList<>();
                response.errors().satisfy(errors -> errors.forEach(
                        e -> classifications.add(String.valueOf(e.getExtensions().get("classification")))));
                if (classifications.isEmpty()) {
                    closed++;
                } else {
                    assertThat(classifications).containsExactly("CONFLICT");
                    conflicts++;
                }
            }
            assertThat(closed).isEqualTo(1);
            assertThat(conflicts).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        as("board").documentName("proposal").variable("id", id).execute()
                .path("proposal.status").entity(String.class).isEqualTo("RATIFIED");
    }

    @Test
    void badInputIsRefusedWithAClassifiedErrorAndRecordsNothing() {
        String draft = draft("member1", "Still a draft", null);
        String open = openProposal("Already open");
        long before = storedEvents();

        expectError(as("head").documentName("draftProposal").variable("input", draftInput("Not mine")).execute(),
                "FORBIDDEN", "only members of the team may propose");
        expectError(as("outsider").documentName("draftProposal").variable("input", draftInput("Intruder")).execute(),
                "NOT_FOUND", "unknown team 'demo-team-english'");
        Map<String, Object> blank = draftInput("x");
        blank.put("title", "  ");
        expectError(as("member1").documentName("draftProposal").variable("input", blank).execute(),
                "BAD_REQUEST", "title must not be blank");
        Map<String, Object> dates = draftInput("Backwards");
        dates.put("effectiveFrom", "2027-09-01");
        dates.put("reviewBy", "2027-01-01");
        expectError(as("member1").documentName("draftProposal").variable("input", dates).execute(),
                "BAD_REQUEST", "reviewBy (2027-01-01) must be after effectiveFrom (2027-09-01)");
        Map<String, Object> amend = draftInput("Amend nothing");
        amend.put("kind", "AMEND_STANDARD");
        amend.put("standardId", "no-such-standard");
        amend.put("amendsVersion", 1);
        expectError(as("member1").documentName("draftProposal").variable("input", amend).execute(),
                "NOT_FOUND", "unknown standard 'no-such-standard'");
        expectError(as("member1").documentName("castVote")
                .variable("input", Map.of("proposalId", draft, "choice", "APPROVE")).execute(),
                "BAD_REQUEST", "voting has not opened");
        expectError(as("member1").documentName("openVoting").variable("input", Map.of("proposalId", draft))
                .execute(), "FORBIDDEN", "only the chair");
        expectError(as("member1").documentName("reviseProposal")
                .variable("input", Map.of("proposalId", open, "title", "Too late")).execute(),
                "CONFLICT", "only a draft can be revised");
        expectError(as("member1").documentName("castVote")
                .variable("input", Map.of("proposalId", open, "choice", "OBJECT")).execute(),
                "BAD_REQUEST", "an objection needs a rationale");
        expectError(as("board").documentName("castVote")
                .variable("input", Map.of("proposalId", open, "choice", "APPROVE")).execute(),
                "FORBIDDEN", "may vote on this proposal");
        expectError(as("member2").documentName("withdrawProposal")
                .variable("input", Map.of("proposalId", draft, "reason", "Not mine to withdraw")).execute(),
                "FORBIDDEN", "only the proposer or the chair");
        expectError(as("chair").documentName("openVoting")
                .variable("input", Map.of("proposalId", draft, "closesAt", "2020-01-01T00:00:00Z")).execute(),
                "BAD_REQUEST", "closesAt must be in the future");
        expectError(as("member1").documentName("castVote")
                .variable("input", Map.of("proposalId", "demo-proposal-ks3-reading", "choice", "APPROVE"))
                .execute(), "CONFLICT", "voting is over");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void theProposerWithdrawsADraft() {
        String id = draft("member3", "Withdrawn idea", null);
        as("member3").documentName("withdrawProposal")
                .variable("input", Map.of("proposalId", id, "reason", "Superseded by a trust policy")).execute()
                .path("withdrawProposal.proposal.status").entity(String.class).isEqualTo("WITHDRAWN");
        expectError(as("chair").documentName("openVoting").variable("input", Map.of("proposalId", id)).execute(),
                "CONFLICT", "WITHDRAWN");
    }

    @Test
    void theDemoLogHoldsDecidedProposalsAndOneOpenForVoting() {
        // ratified, and since adopted into the backbone
        as("board").documentName("proposal").variable("id", "demo-proposal-ks3-reading").execute()
                .path("proposal.outcome").entity(String.class).isEqualTo("RATIFIED")
                .path("proposal.status").entity(String.class).isEqualTo("ADOPTED");
        as("board").documentName("proposal").variable("id", "demo-proposal-y9-calendar").execute()
                .path("proposal.status").entity(String.class).isEqualTo("REJECTED")
                .path("proposal.votes[?(@.choice == 'OBJECT')].rationale").entityList(String.class).hasSize(2);
        as("board").documentName("proposal").variable("id", "demo-proposal-send-profile").execute()
                .path("proposal.status").entity(String.class).isEqualTo("LAPSED");
        as("member1").documentName("proposal").variable("id", "demo-proposal-library-lesson").execute()
                .path("proposal.status").entity(String.class).isEqualTo("VOTING")
                .path("proposal.eligibleVoters[*].id").entityList(String.class)
                .contains("demo-person-member1", "demo-person-member2", "demo-person-member3");
        as("outsider").documentName("proposal").variable("id", "demo-proposal-ks3-reading").execute()
                .path("proposal").valueIsNull();
    }

    @Test
    void proposalsArePagedWithStableCursorsAndFiltered() {
        for (int i = 0; i < 3; i++) {
            draft("member2", "Paged " + i, null);
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            Map<String, Object> variables = new HashMap<>(Map.of("trustId", "demo-trust", "first", 2));
            if (after != null) {
                variables.put("after", after);
            }
            GraphQlTester.Request<?> request = as("board").documentName("proposals");
            for (Map.Entry<String, Object> v : variables.entrySet()) {
                request = request.variable(v.getKey(), v.getValue());
            }
            GraphQlTester.Response page = request.execute();
            List<String> ids = page.path("proposals.edges[*].node.id").entityList(String.class).get();
            assertThat(ids).hasSizeLessThanOrEqualTo(2);
            seen.addAll(ids);
            more = page.path("proposals.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("proposals.pageInfo.endCursor").entity(String.class).get();
            if (seen.size() == 2) {
                // appended while a client pages: it must not shift what the client has seen or will see
                draft("member2", "Appended mid-paging", null);
            }
        }
        assertThat(seen).doesNotHaveDuplicates()
                .startsWith("demo-proposal-ks3-reading", "demo-proposal-y9-calendar");

        as("member1").documentName("proposals")
                .variable("trustId", "demo-trust").variable("status", "LAPSED").execute()
                .path("proposals.edges[*].node.id").entityList(String.class).contains("demo-proposal-send-profile")
                .path("proposals.edges[*].node.status").entityList(String.class)
                .satisfies(statuses -> assertThat(statuses).containsOnly("LAPSED"));
        as("member1").documentName("teamProposals").variable("id", "demo-team-send").execute()
                .path("team.proposals.edges[*].node.id").entityList(String.class)
                .containsExactly("demo-proposal-send-profile", "demo-proposal-send-passport",
                        "demo-proposal-town-send-surgery", "demo-proposal-send-adaptive-teaching");
        as("outsider").documentName("proposals").variable("trustId", "demo-trust").execute()
                .path("proposals.edges").entityList(Object.class).hasSize(0);
        expectError(as("board").documentName("proposals").variable("trustId", "demo-trust")
                .variable("first", 1000).execute(), "BAD_REQUEST", "first must be from 1 to 100");
        expectError(as("board").documentName("proposals").variable("trustId", "demo-trust")
                .variable("after", "not-a-cursor").execute(), "BAD_REQUEST", "after is not a cursor");
    }

    private String openProposal(String title) {
        String id = draft("chair", title, null);
        as("chair").documentName("openVoting").variable("input", Map.of("proposalId", id)).execute()
                .path("openVoting.proposal.status").entity(String.class).isEqualTo("VOTING");
        return id;
    }

    private String draft(String account, String title, String clientMutationId) {
        Map<String, Object> input = draftInput(title);
        if (clientMutationId != null) {
            input.put("clientMutationId", clientMutationId);
        }
        return as(account).documentName("draftProposal").variable("input", input).execute()
                .path("draftProposal.proposal.status").entity(String.class).isEqualTo("DRAFT")
                .path("draftProposal.proposal.revisions[0].number").entity(Integer.class).isEqualTo(1)
                .path("draftProposal.proposal.id").entity(String.class).get();
    }

    private void vote(String account, String proposalId, String choice, String rationale) {
        Map<String, Object> input = new HashMap<>(Map.of("proposalId", proposalId, "choice", choice));
        if (rationale != null) {
            input.put("rationale", rationale);
        }
        as(account).documentName("castVote").variable("input", input).execute()
                .path("castVote.proposal.votes[*].choice").entityList(String.class).contains(choice);
    }

    private static Map<String, Object> draftInput(String title) {
        return new HashMap<>(Map.of("teamId", ENGLISH, "kind", "NEW_STANDARD", "title", title,
                "area", "CURRICULUM", "alignment", "ADAPTABLE", "statement", "A statement of " + title,
                "effectiveFrom", "2027-09-01", "reviewBy", "2029-07-31"));
    }
}
