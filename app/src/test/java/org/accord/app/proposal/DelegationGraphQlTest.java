package org.accord.app.proposal;

import static org.accord.app.support.GraphQlErrors.expectError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.Test;

/** delegateVote and revokeDelegation over HTTP, as the demo accounts, with the refusals that record nothing. */
class DelegationGraphQlTest extends AccordHttpTest {

    private static final String ENGLISH = "demo-team-english";
    private static final String MEMBER1 = "demo-person-member1";
    private static final String MEMBER2 = "demo-person-member2";
    private static final String MEMBER3 = "demo-person-member3";
    private static final String CHAIR = "demo-person-chair";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void aDelegatesVoteCountsForTheDelegatorAndShowsForWhomItWasCast() throws Exception {
        String id = openProposal("Delegated spelling");
        as("member1").documentName("delegateVote")
                .variable("input", Map.of("proposalId", id, "delegateId", MEMBER2, "clientMutationId", "d-1"))
                .execute()
                .path("delegateVote.clientMutationId").entity(String.class).isEqualTo("d-1")
                .path("delegateVote.delegation.delegator.id").entity(String.class).isEqualTo(MEMBER1)
                .path("delegateVote.delegation.delegate.id").entity(String.class).isEqualTo(MEMBER2)
                .path("delegateVote.delegation.proposal.id").entity(String.class).isEqualTo(id)
                .path("delegateVote.delegation.team.id").entity(String.class).isEqualTo(ENGLISH)
                .path("delegateVote.delegation.status").entity(String.class).isEqualTo("IN_FORCE")
                .path("delegateVote.team").valueIsNull();
        vote("member2", id, "APPROVE", null);

        as("board").documentName("proposalDelegations").variable("id", id).execute()
                .path("proposal.votes[0].voter.id").entity(String.class).isEqualTo(MEMBER2)
                .path("proposal.votes[0].castFor[*].id").entityList(String.class).containsExactly(MEMBER1)
                .path("proposal.tally").entity(Map.class).isEqualTo(Map.of("approve", 2, "object", 0, "abstain", 0,
                        "recused", 0, "eligible", 4, "delegated", 1));

        // 2 of 4 meets the quorum of a half only through the delegation
        as("chair").documentName("closeVoting").variable("input", Map.of("proposalId", id)).execute()
                .path("closeVoting.proposal.outcome").entity(String.class).isEqualTo("RATIFIED");
        as("board").documentName("proposalDelegations").variable("id", id).execute()
                .path("proposal.tally.delegated").entity(Integer.class).isEqualTo(1)
                .path("proposal.votes[0].castFor[*].id").entityList(String.class).containsExactly(MEMBER1);

        // the board pack lists the delegated vote as the delegator's, saying who cast it
        HttpResponse<String> pack = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/board-pack.csv?trustId=demo-trust&from=2000-01-01"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("board:demo".getBytes(
                        StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(pack.body()).contains(",VoteAtClose," + MEMBER1 + ",", "proposal," + id + ",", "APPROVE,cast for"
                + " them by their delegate ");
    }

    @Test
    void theDemoTrustHoldsADelegatedVoteAndAPeriodDelegation() {
        // other tests may have member3 vote on the open proposal since, which overrides the delegation: not its status
        as("board").documentName("proposalDelegations").variable("id", "demo-proposal-library-lesson").execute()
                .path("proposal.delegations[0].id").entity(String.class).isEqualTo("demo-delegation-library-member3")
                .path("proposal.delegations[0].delegator.id").entity(String.class).isEqualTo(MEMBER3)
                .path("proposal.delegations[0].delegate.id").entity(String.class).isEqualTo(CHAIR);
        as("board").documentName("teamDelegations").variable("id", "demo-team-send").execute()
                .path("team.delegations[0].id").entity(String.class).isEqualTo("demo-delegation-send-riverside")
                .path("team.delegations[0].delegator.id").entity(String.class).isEqualTo("demo-person-sendco-riverside")
                .path("team.delegations[0].status").entity(String.class).isEqualTo("IN_FORCE");
    }

    @Test
    void aDelegatorWhoVotesOverridesTheDelegationAndMayRevokeIt() {
        String id = openProposal("Overridden");
        delegate("member3", id, MEMBER1);
        vote("member1", id, "APPROVE", null);
        vote("member3", id, "OBJECT", "I will speak for myself");
        as("board").documentName("proposalDelegations").variable("id", id).execute()
                .path("proposal.delegations[0].status").entity(String.class).isEqualTo("OVERRIDDEN")
                .path("proposal.tally.approve").entity(Integer.class).isEqualTo(1)
                .path("proposal.tally.object").entity(Integer.class).isEqualTo(1)
                .path("proposal.tally.delegated").entity(Integer.class).isEqualTo(0);

        as("member3").documentName("revokeDelegation").variable("input", Map.of("proposalId", id)).execute()
                .path("revokeDelegation.delegation.status").entity(String.class).isEqualTo("REVOKED")
                .path("revokeDelegation.delegation.revokedAt").hasValue()
                .path("revokeDelegation.proposal.delegations[0].status").entity(String.class).isEqualTo("REVOKED");
        long before = storedEvents();
        expectError(as("member3").documentName("revokeDelegation").variable("input", Map.of("proposalId", id))
                .execute(), "BAD_REQUEST", "you have not delegated your vote on this proposal");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aRevokedDelegationNoLongerCounts() {
        String id = openProposal("Revoked");
        delegate("member1", id, MEMBER2);
        vote("member2", id, "APPROVE", null);
        as("member1").documentName("revokeDelegation").variable("input", Map.of("proposalId", id)).execute()
                .path("revokeDelegation.proposal.tally.approve").entity(Integer.class).isEqualTo(1)
                .path("revokeDelegation.proposal.votes[0].castFor").entityList(Object.class).hasSize(0);
        as("chair").documentName("closeVoting").variable("input", Map.of("proposalId", id)).execute()
                .path("closeVoting.proposal.outcome").entity(String.class).isEqualTo("LAPSED");
    }

    @Test
    void badDelegationsAreRefusedAndRecordNothing() {
        String id = openProposal("Refusals");
        delegate("member1", id, MEMBER2);
        long before = storedEvents();
        expectError(delegateAs("member3", Map.of("proposalId", id, "delegateId", MEMBER3)), "BAD_REQUEST",
                "you cannot delegate your vote to yourself");
        expectError(delegateAs("member3", Map.of("proposalId", id, "delegateId", "demo-person-head")),
                "BAD_REQUEST", "delegate 'demo-person-head' is not an eligible voter on this proposal");
        expectError(delegateAs("member3", Map.of("proposalId", id, "delegateId", MEMBER1)), "BAD_REQUEST",
                "a delegation chain: 'demo-person-member1' has delegated their own vote");
        expectError(delegateAs("member2", Map.of("proposalId", id, "delegateId", MEMBER3)), "BAD_REQUEST",
                "a delegation chain: 'demo-person-member1' has delegated their vote on this proposal to you");
        expectError(delegateAs("member1", Map.of("proposalId", id, "delegateId", MEMBER3)), "BAD_REQUEST",
                "you have already delegated your vote on this proposal");
        expectError(delegateAs("head", Map.of("proposalId", id, "delegateId", MEMBER3)), "FORBIDDEN",
                "only the 4 members of the team when voting opened");
        expectError(delegateAs("outsider", Map.of("proposalId", id, "delegateId", MEMBER3)), "NOT_FOUND",
                "unknown proposal");
        expectError(delegateAs("member3", Map.of("proposalId", id, "teamId", ENGLISH, "delegateId", CHAIR)),
                "BAD_REQUEST", "give either proposalId");
        expectError(delegateAs("member3", Map.of("delegateId", CHAIR)), "BAD_REQUEST", "give either proposalId");
        expectError(delegateAs("member3", Map.of("proposalId", id, "delegateId", CHAIR, "to",
                TODAY.plusDays(3).toString())), "BAD_REQUEST", "from and to are for a period delegation");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void afterVotingClosesADelegationCanNeitherBeMadeNorRevoked() {
        String id = openProposal("Closed for delegations");
        delegate("member1", id, MEMBER2);
        as("chair").documentName("closeVoting").variable("input", Map.of("proposalId", id)).execute()
                .path("closeVoting.proposal.status").entity(String.class).isEqualTo("LAPSED");
        long before = storedEvents();
        expectError(as("member1").documentName("revokeDelegation").variable("input", Map.of("proposalId", id))
                .execute(), "CONFLICT", "voting is over: the proposal is LAPSED");
        expectError(delegateAs("member3", Map.of("proposalId", id, "delegateId", MEMBER2)), "CONFLICT",
                "voting is over: the proposal is LAPSED");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aDelegateWhoRecusesCastsNothingForTheDelegator() {
        String id = openProposal("Delegate recuses");
        delegate("member1", id, MEMBER2);
        vote("member2", id, "APPROVE", null);
        as("member2").documentName("recuse").variable("input", Map.of("proposalId", id, "interest",
                "My school wrote it")).execute()
                .path("recuse.proposal.tally.approve").entity(Integer.class).isEqualTo(0)
                .path("recuse.proposal.tally.recused").entity(Integer.class).isEqualTo(1);
        as("board").documentName("proposalDelegations").variable("id", id).execute()
                .path("proposal.delegations[0].status").entity(String.class).isEqualTo("DELEGATE_RECUSED");
    }

    @Test
    void aDelegationOnADraftIsRefused() {
        String id = draft("chair", "Not yet open");
        long before = storedEvents();
        expectError(delegateAs("member1", Map.of("proposalId", id, "delegateId", MEMBER2)), "BAD_REQUEST",
                "voting has not opened on this proposal");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aPeriodDelegationIsCarriedIntoEachProposalOpenedInItsPeriodAndRevokedOnTheTeam() {
        String period = as("member3").documentName("delegateVote").variable("input", Map.of("teamId", ENGLISH,
                        "delegateId", MEMBER1, "to", TODAY.plusDays(7).toString())).execute()
                .path("delegateVote.delegation.from").entity(String.class).isEqualTo(TODAY.toString())
                .path("delegateVote.delegation.to").entity(String.class).isEqualTo(TODAY.plusDays(7).toString())
                .path("delegateVote.delegation.proposal").valueIsNull()
                .path("delegateVote.delegation.status").entity(String.class).isEqualTo("IN_FORCE")
                .path("delegateVote.proposal").valueIsNull()
                .path("delegateVote.team.id").entity(String.class).isEqualTo(ENGLISH)
                .path("delegateVote.delegation.id").entity(String.class).get();
        try {
            as("member2").documentName("teamDelegations").variable("id", ENGLISH).execute()
                    .path("team.delegations[*].id").entityList(String.class).contains(period);

            String id = openProposal("Carried in");
            vote("member1", id, "OBJECT", "Not for us");
            as("board").documentName("proposalDelegations").variable("id", id).execute()
                    .path("proposal.delegations[0].periodDelegationId").entity(String.class).isEqualTo(period)
                    .path("proposal.delegations[0].delegator.id").entity(String.class).isEqualTo(MEMBER3)
                    .path("proposal.votes[0].castFor[*].id").entityList(String.class).containsExactly(MEMBER3)
                    .path("proposal.tally.object").entity(Integer.class).isEqualTo(2);

            // on the proposal, the carried-in delegation is the delegator's to take back
            as("member3").documentName("revokeDelegation").variable("input", Map.of("proposalId", id)).execute()
                    .path("revokeDelegation.proposal.tally.object").entity(Integer.class).isEqualTo(1);

            long before = storedEvents();
            expectError(as("member1").documentName("revokeDelegation").variable("input",
                    Map.of("teamId", ENGLISH, "delegationId", period)).execute(), "FORBIDDEN",
                    "only the member who delegated");
            assertThat(storedEvents()).isEqualTo(before);
        } finally {
            as("member3").documentName("revokeDelegation").variable("input",
                            Map.of("teamId", ENGLISH, "delegationId", period)).execute()
                    .path("revokeDelegation.delegation.status").entity(String.class).isEqualTo("REVOKED")
                    .path("revokeDelegation.team.id").entity(String.class).isEqualTo(ENGLISH);
        }
        String after = openProposal("After the revocation");
        as("board").documentName("proposalDelegations").variable("id", after).execute()
                .path("proposal.delegations").entityList(Object.class).hasSize(0);
    }

    @Test
    void badPeriodDelegationsAreRefusedAndRecordNothing() {
        long before = storedEvents();
        String later = TODAY.plusDays(30).toString();
        String sooner = TODAY.plusDays(20).toString();
        expectError(delegateAs("member2", Map.of("teamId", ENGLISH, "delegateId", MEMBER3, "from", later, "to",
                sooner)), "BAD_REQUEST", "to (" + sooner + ") must not be before from (" + later + ")");
        expectError(delegateAs("member2", Map.of("teamId", ENGLISH, "delegateId", "demo-person-head", "to",
                later)), "BAD_REQUEST", "delegate 'demo-person-head' is not a member of this team");
        expectError(delegateAs("member2", Map.of("teamId", ENGLISH, "delegateId", MEMBER2, "to", later)),
                "BAD_REQUEST", "you cannot delegate your vote to yourself");
        expectError(delegateAs("member2", Map.of("teamId", ENGLISH, "delegateId", MEMBER3)), "BAD_REQUEST",
                "to is required");
        expectError(delegateAs("head", Map.of("teamId", ENGLISH, "delegateId", MEMBER3, "to", later)),
                "FORBIDDEN", "only members of the team may delegate their votes");
        expectError(delegateAs("outsider", Map.of("teamId", ENGLISH, "delegateId", MEMBER3, "to", later)),
                "NOT_FOUND", "unknown team");
        expectError(as("member2").documentName("revokeDelegation").variable("input",
                Map.of("teamId", ENGLISH, "delegationId", "no-such-delegation")).execute(), "NOT_FOUND",
                "unknown delegation 'no-such-delegation'");
        expectError(as("member2").documentName("revokeDelegation").variable("input", Map.of("teamId", ENGLISH))
                .execute(), "BAD_REQUEST", "give proposalId");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aPeriodDelegationChainIsRefused() {
        String from = TODAY.plusDays(40).toString();
        String to = TODAY.plusDays(45).toString();
        String period = as("member2").documentName("delegateVote").variable("input", Map.of("teamId", ENGLISH,
                "delegateId", MEMBER3, "from", from, "to", to)).execute()
                .path("delegateVote.delegation.id").entity(String.class).get();
        try {
            long before = storedEvents();
            expectError(delegateAs("member1", Map.of("teamId", ENGLISH, "delegateId", MEMBER2, "from", from,
                    "to", to)), "BAD_REQUEST", "a delegation chain: 'demo-person-member2' has delegated their own"
                    + " votes");
            expectError(delegateAs("member3", Map.of("teamId", ENGLISH, "delegateId", MEMBER1, "from", from,
                    "to", to)), "BAD_REQUEST", "a delegation chain: 'demo-person-member2' has delegated their votes"
                    + " to you");
            assertThat(storedEvents()).isEqualTo(before);
        } finally {
            as("member2").documentName("revokeDelegation").variable("input",
                    Map.of("teamId", ENGLISH, "delegationId", period)).execute()
                    .path("revokeDelegation.delegation.status").entity(String.class).isEqualTo("REVOKED");
        }
    }

    @Test
    void aRetriedDelegationWithTheSameClientMutationIdRecordsOnce() {
        String id = openProposal("Retried delegation");
        Map<String, Object> input = Map.of("proposalId", id, "delegateId", MEMBER1,
                "clientMutationId", "retry-" + System.nanoTime());
        long before = storedEvents();
        String first = as("member2").documentName("delegateVote").variable("input", input).execute()
                .path("delegateVote.delegation.id").entity(String.class).get();
        String second = as("member2").documentName("delegateVote").variable("input", input).execute()
                .path("delegateVote.delegation.id").entity(String.class).get();
        assertThat(second).isEqualTo(first);
        assertThat(storedEvents()).isEqualTo(before + 1);
    }

    private org.springframework.graphql.test.tester.GraphQlTester.Response delegateAs(String account,
                                                                                     Map<String, Object> input) {
        return as(account).documentName("delegateVote").variable("input", input).execute();
    }

    private void delegate(String account, String proposalId, String delegateId) {
        delegateAs(account, Map.of("proposalId", proposalId, "delegateId", delegateId))
                .path("delegateVote.delegation.status").entity(String.class).isEqualTo("IN_FORCE");
    }

    private String openProposal(String title) {
        String id = draft("chair", title);
        as("chair").documentName("openVoting").variable("input", Map.of("proposalId", id)).execute()
                .path("openVoting.proposal.status").entity(String.class).isEqualTo("VOTING");
        return id;
    }

    private String draft(String account, String title) {
        Map<String, Object> input = new HashMap<>(Map.of("teamId", ENGLISH, "kind", "NEW_STANDARD", "title", title,
                "area", "CURRICULUM", "alignment", "ADAPTABLE", "statement", "A statement of " + title));
        return as(account).documentName("draftProposal").variable("input", input).execute()
                .path("draftProposal.proposal.id").entity(String.class).get();
    }

    private void vote(String account, String proposalId, String choice, String rationale) {
        Map<String, Object> input = new HashMap<>(Map.of("proposalId", proposalId, "choice", choice));
        if (rationale != null) {
            input.put("rationale", rationale);
        }
        as(account).documentName("castVote").variable("input", input).execute()
                .path("castVote.proposal.status").entity(String.class).isEqualTo("VOTING");
    }

}
