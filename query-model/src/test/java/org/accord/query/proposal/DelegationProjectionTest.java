package org.accord.query.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.accord.api.proposal.DelegationStatus;
import org.accord.api.proposal.FindPeriodDelegationsQuery;
import org.accord.api.proposal.FindProposalQuery;
import org.accord.api.proposal.FindVoteHistoryQuery;
import org.accord.api.proposal.ProposalContent;
import org.accord.api.proposal.ProposalDraftedEvent;
import org.accord.api.proposal.ProposalKind;
import org.accord.api.proposal.ProposalView;
import org.accord.api.proposal.Tally;
import org.accord.api.proposal.VoteCastEvent;
import org.accord.api.proposal.VoteChoice;
import org.accord.api.proposal.VoteDelegatedEvent;
import org.accord.api.proposal.VoteDelegationRevokedEvent;
import org.accord.api.proposal.VoteDelegationView;
import org.accord.api.proposal.VoterRecusedEvent;
import org.accord.api.proposal.VotingClosedEvent;
import org.accord.api.proposal.VotingOpenedEvent;
import org.accord.api.proposal.VotingOutcome;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Area;
import org.accord.api.team.DecisionMode;
import org.accord.api.team.DecisionRule;
import org.accord.api.team.PeriodDelegationRevokedEvent;
import org.accord.api.team.TeamMemberRemovedEvent;
import org.accord.api.team.VotesDelegatedForPeriodEvent;
import org.accord.query.ReadModelMongo;
import org.accord.query.runtime.mongodb.MongoReadModelStore;
import org.accord.query.shared.ReadModelStore;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** A proposal's delegations and a team's period delegations, from their events, as the queries show them. */
class DelegationProjectionTest {

    private static final String TRUST = "trust-1";
    private static final String TEAM = "team-1";
    private static final String P = "proposal-1";
    private static final String A = "person-a";
    private static final String B = "person-b";
    private static final String C = "person-c";
    private static final String D = "person-d";
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final DecisionRule MAJORITY = new DecisionRule(DecisionMode.MAJORITY, 0.5, 0.5, 72);
    private static final ProposalContent CONTENT = new ProposalContent("Visitor sign-in", Area.SAFEGUARDING,
            AlignmentLevel.REQUIRED, "Every visitor signs in.", null, null, null);

    private MongoServer server;
    private MongoClient client;
    private ProposalProjection proposals;
    private PeriodDelegationProjection periods;
    private ProposalQueries queries;
    private long sequence;

    @BeforeEach
    void startMongo() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        ReadModelStore store = new MongoReadModelStore(ReadModelMongo.template(client, "test"));
        proposals = new ProposalProjection(store);
        periods = new PeriodDelegationProjection(store);
        queries = new ProposalQueries(store);
    }

    @AfterEach
    void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    /** Drafted, then voting opened for A, B, C and D. */
    private void votingOpen() {
        proposals.on(new ProposalDraftedEvent(P, TRUST, TEAM, ProposalKind.NEW_STANDARD, null, null, CONTENT, A,
                at(0)));
        proposals.on(new VotingOpenedEvent(P, TRUST, TEAM, List.of(A, B, C, D), MAJORITY, at(1), at(100), A));
    }

    private void vote(String voter, VoteChoice choice, int minute) {
        sequence++;
        proposals.on(new VoteCastEvent(P, TRUST, TEAM, voter, choice, null, at(minute)), sequence);
    }

    private void delegate(String id, String delegator, String delegate, String period, int minute) {
        proposals.on(new VoteDelegatedEvent(P, TRUST, TEAM, id, delegator, delegate, period, at(minute)));
    }

    private ProposalView proposal() {
        return queries.handle(new FindProposalQuery(P));
    }

    @Test
    void aDelegatesVoteShowsForWhomItWasCastAndTheLiveTallyCountsIt() {
        votingOpen();
        delegate("d-1", B, A, null, 2);
        delegate("d-2", C, A, "period-9", 3);
        vote(A, VoteChoice.APPROVE, 4);
        vote(D, VoteChoice.OBJECT, 5);

        ProposalView proposal = proposal();
        assertThat(proposal.votes()).containsExactly(
                new ProposalView.Vote(A, VoteChoice.APPROVE, null, at(4), List.of(B, C)),
                new ProposalView.Vote(D, VoteChoice.OBJECT, null, at(5), List.of()));
        assertThat(queries.handle(new FindVoteHistoryQuery(P))).isNotEmpty()
                .allSatisfy(v -> assertThat(v.castFor()).isEmpty());
        assertThat(proposal.tally()).isEqualTo(new Tally(3, 1, 0, 0, 4, 2));
        assertThat(proposal.delegations()).containsExactly(
                new VoteDelegationView("d-1", TEAM, P, B, A, null, null, null, at(2), null,
                        DelegationStatus.IN_FORCE),
                new VoteDelegationView("d-2", TEAM, P, C, A, null, null, "period-9", at(3), null,
                        DelegationStatus.IN_FORCE));
    }

    @Test
    void aRevokedDelegationStaysListedAsRevokedAndNoLongerCounts() {
        votingOpen();
        delegate("d-1", B, A, null, 2);
        vote(A, VoteChoice.APPROVE, 3);
        proposals.on(new VoteDelegationRevokedEvent(P, TRUST, TEAM, "d-1", B, at(4)));
        // redelivered: the same again
        proposals.on(new VoteDelegationRevokedEvent(P, TRUST, TEAM, "d-1", B, at(4)));

        ProposalView proposal = proposal();
        assertThat(proposal.delegations()).containsExactly(new VoteDelegationView("d-1", TEAM, P, B, A, null, null,
                null, at(2), at(4), DelegationStatus.REVOKED));
        assertThat(proposal.votes().get(0).castFor()).isEmpty();
        assertThat(proposal.tally()).isEqualTo(new Tally(1, 0, 0, 0, 4, 0));
    }

    @Test
    void theStatusSaysWhenTheDelegatorVotedOrEitherRecused() {
        votingOpen();
        delegate("d-1", B, A, null, 2);
        delegate("d-2", C, D, null, 2);
        vote(A, VoteChoice.APPROVE, 3);
        vote(B, VoteChoice.OBJECT, 4);
        proposals.on(new VoterRecusedEvent(P, TRUST, TEAM, D, "My school.", at(5)));

        ProposalView proposal = proposal();
        assertThat(proposal.delegations()).extracting(VoteDelegationView::status)
                .containsExactly(DelegationStatus.OVERRIDDEN, DelegationStatus.DELEGATE_RECUSED);
        assertThat(proposal.tally()).isEqualTo(new Tally(1, 1, 0, 1, 4, 0));
        assertThat(proposal.votes()).allSatisfy(v -> assertThat(v.castFor()).isEmpty());
    }

    @Test
    void afterTheCloseTheTallyIsTheOneRecordedAndTheDelegationsStayListed() {
        votingOpen();
        delegate("d-1", B, A, null, 2);
        vote(A, VoteChoice.APPROVE, 3);
        proposals.on(new VotingClosedEvent(P, TRUST, TEAM, VotingOutcome.RATIFIED, new Tally(2, 0, 0, 0, 4, 1),
                at(10), false, A));

        ProposalView proposal = proposal();
        assertThat(proposal.tally()).isEqualTo(new Tally(2, 0, 0, 0, 4, 1));
        assertThat(proposal.votes().get(0).castFor()).containsExactly(B);
        assertThat(proposal.delegations()).hasSize(1);
    }

    @Test
    void aTallyRecordedBeforeDelegationsExistedReadsAsNoneDelegated() {
        votingOpen();
        // the stored shape of a closed proposal before delegations: a tally without "delegated", no delegations
        ReadModelMongo.template(client, "test").getCollection("proposals").updateOne(
                new org.bson.Document("_id", P), new org.bson.Document("$set", new org.bson.Document("finalTally",
                        new org.bson.Document("approve", 1).append("object", 0).append("abstain", 0)
                                .append("recused", 0).append("eligible", 4))));

        ProposalView proposal = proposal();
        assertThat(proposal.tally()).isEqualTo(new Tally(1, 0, 0, 0, 4, 0));
        assertThat(proposal.delegations()).isEmpty();
    }

    @Test
    void aTeamsPeriodDelegationsAreListedInTheOrderMadeWithRevokedAndEndedOnes() {
        periods.on(new VotesDelegatedForPeriodEvent(TEAM, TRUST, "pd-1", A, B, LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 20), at(0)), 5);
        periods.on(new VotesDelegatedForPeriodEvent(TEAM, TRUST, "pd-2", C, B, LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 30), at(1)), 6);
        periods.on(new VotesDelegatedForPeriodEvent(TEAM, TRUST, "pd-3", D, A, LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 30), at(2)), 7);
        periods.on(new VotesDelegatedForPeriodEvent("team-2", TRUST, "pd-4", D, A, LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 30), at(2)), 1);
        periods.on(new PeriodDelegationRevokedEvent(TEAM, TRUST, "pd-1", A, at(3)));
        EventMessage<TeamMemberRemovedEvent> removal = GenericEventMessage.asEventMessage(
                new TeamMemberRemovedEvent(TEAM, TRUST, D, "exec"));
        periods.on(removal.getPayload(), removal);

        List<VoteDelegationView> listed = periods.handle(new FindPeriodDelegationsQuery(TEAM));
        assertThat(listed).extracting(VoteDelegationView::id).containsExactly("pd-1", "pd-2", "pd-3");
        assertThat(listed).extracting(VoteDelegationView::status).containsExactly(DelegationStatus.REVOKED,
                DelegationStatus.IN_FORCE, DelegationStatus.ENDED);
        assertThat(listed.get(1)).isEqualTo(new VoteDelegationView("pd-2", TEAM, null, C, B,
                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), null, at(1), null, DelegationStatus.IN_FORCE));
        assertThat(listed.get(0).revokedAt()).isEqualTo(at(3));
    }
}
