package org.accord.query.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.accord.api.proposal.FindProposalQuery;
import org.accord.api.proposal.FindProposalsQuery;
import org.accord.api.proposal.FindVoteHistoryQuery;
import org.accord.api.proposal.FindVotingsDueQuery;
import org.accord.api.proposal.ProposalContent;
import org.accord.api.proposal.ProposalDraftedEvent;
import org.accord.api.proposal.ProposalKind;
import org.accord.api.proposal.ProposalPage;
import org.accord.api.proposal.ProposalRevisedEvent;
import org.accord.api.proposal.ProposalStatus;
import org.accord.api.proposal.ProposalView;
import org.accord.api.proposal.ProposalWithdrawnEvent;
import org.accord.api.proposal.Tally;
import org.accord.api.proposal.VoteCastEvent;
import org.accord.api.proposal.VoteChoice;
import org.accord.api.proposal.VoterRecusedEvent;
import org.accord.api.proposal.VotingClosedEvent;
import org.accord.api.proposal.VotingOpenedEvent;
import org.accord.api.proposal.VotingOutcome;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Area;
import org.accord.api.team.DecisionMode;
import org.accord.api.team.DecisionRule;
import org.accord.query.ReadModelMongo;
import org.accord.query.runtime.mongodb.MongoReadModelStore;
import org.accord.query.shared.ReadModelStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

class ProposalProjectionTest {

    private static final String TRUST = "trust-1";
    private static final String OTHER_TRUST = "trust-2";
    private static final String SAFEGUARDING = "team-safeguarding";
    private static final String CURRICULUM = "team-curriculum";
    private static final String HEAD = "person-head";
    private static final String TEACHER = "person-teacher";
    private static final String GOVERNOR = "person-governor";
    private static final String EXECUTIVE = "person-exec";
    private static final List<String> VOTERS = List.of(HEAD, TEACHER, GOVERNOR, EXECUTIVE);
    private static final DecisionRule MAJORITY = new DecisionRule(DecisionMode.MAJORITY, 0.5, 0.6, 72);

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    // dates at the turn of a year: a time-zone shift of a day would show up as a different year, not go unnoticed
    private static final ProposalContent FIRST_DRAFT = new ProposalContent("Visitor sign-in", Area.SAFEGUARDING,
            AlignmentLevel.REQUIRED, "Every visitor signs in at reception.", "We must know who is on site.",
            LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31));
    private static final ProposalContent SECOND = new ProposalContent("Visitor sign-in", Area.SAFEGUARDING,
            AlignmentLevel.REQUIRED, "Every visitor signs in at reception and wears a badge.",
            "We must know who is on site.", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31));
    private static final ProposalContent THIRD = new ProposalContent("Visitor sign-in", Area.SAFEGUARDING,
            AlignmentLevel.ADAPTABLE, "Every visitor signs in at reception and wears a badge.",
            "We must know who is on site.", LocalDate.of(2026, 12, 31), LocalDate.of(2028, 1, 1));

    private MongoServer server;
    private MongoClient client;

    @BeforeEach
    void startMongo() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    @AfterEach
    void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aDraftedProposalIsFoundWithItsContentKindAndProposerAsADraftAtRevisionOne() {
        ReadModel model = readModel("test");
        model.apply(new ProposalDraftedEvent("p-1", TRUST, SAFEGUARDING, ProposalKind.NEW_STANDARD, null, null,
                FIRST_DRAFT, HEAD, at(0)));
        model.apply(new ProposalDraftedEvent("p-2", TRUST, CURRICULUM, ProposalKind.AMEND_STANDARD, "standard-7", 3,
                SECOND, TEACHER, at(1)));

        ProposalView drafted = model.proposal("p-1");
        assertThat(drafted.id()).isEqualTo("p-1");
        assertThat(drafted.trustId()).isEqualTo(TRUST);
        assertThat(drafted.teamId()).isEqualTo(SAFEGUARDING);
        assertThat(drafted.kind()).isEqualTo(ProposalKind.NEW_STANDARD);
        assertThat(drafted.status()).isEqualTo(ProposalStatus.DRAFT);
        assertThat(drafted.proposerId()).isEqualTo(HEAD);
        assertThat(drafted.content()).isEqualTo(FIRST_DRAFT);
        assertThat(drafted.effectiveFrom()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(drafted.reviewBy()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(drafted.standardId()).isNull();
        assertThat(drafted.amendsVersion()).isNull();
        assertThat(drafted.currentRevision()).isEqualTo(1);
        assertThat(drafted.revisions())
                .containsExactly(new ProposalView.Revision(1, FIRST_DRAFT, null, HEAD, at(0)));
        assertThat(drafted.votes()).isEmpty();
        assertThat(model.history("p-1")).isEmpty();
        assertThat(drafted.recusals()).isEmpty();
        assertThat(drafted.tally()).isEqualTo(new Tally(0, 0, 0, 0, 0));
        assertThat(drafted.eligibleVoters()).isEmpty();
        assertThat(drafted.openedAt()).isNull();
        assertThat(drafted.outcome()).isNull();

        ProposalView amendment = model.proposal("p-2");
        assertThat(amendment.kind()).isEqualTo(ProposalKind.AMEND_STANDARD);
        assertThat(amendment.standardId()).isEqualTo("standard-7");
        assertThat(amendment.amendsVersion()).isEqualTo(3);
        assertThat(amendment.proposerId()).isEqualTo(TEACHER);
        assertThat(amendment.content()).isEqualTo(SECOND);

        // stored as the calendar date itself, as the application's conversions store it, not as an instant
        Document content = model.raw("proposals", "p-1").get("content", Document.class);
        assertThat(content.get("effectiveFrom")).isEqualTo("2027-01-01");
        assertThat(content.get("reviewBy")).isEqualTo("2027-12-31");

        assertThat(model.queries.handle(new FindProposalQuery("p-unknown"))).isNull();
    }

    @Test
    void everyRevisionIsKeptInOrderWithItsWholeContentAndTheProposalShowsTheLatest() {
        ReadModel model = readModel("test");
        model.apply(drafted("p-1", SAFEGUARDING, 0));
        model.apply(new ProposalRevisedEvent("p-1", TRUST, SAFEGUARDING, 2, SECOND, "badges too", TEACHER, at(10)));
        model.apply(new ProposalRevisedEvent("p-1", TRUST, SAFEGUARDING, 3, THIRD, "schools may adapt", HEAD,
                at(20)));

        ProposalView proposal = model.proposal("p-1");

        assertThat(proposal.revisions()).containsExactly(
                new ProposalView.Revision(1, FIRST_DRAFT, null, HEAD, at(0)),
                new ProposalView.Revision(2, SECOND, "badges too", TEACHER, at(10)),
                new ProposalView.Revision(3, THIRD, "schools may adapt", HEAD, at(20)));
        assertThat(proposal.currentRevision()).isEqualTo(3);
        assertThat(proposal.content()).isEqualTo(THIRD);
        assertThat(proposal.effectiveFrom()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(proposal.reviewBy()).isEqualTo(LocalDate.of(2028, 1, 1));
        // a revision is not applied on top of the draft's status or proposer
        assertThat(proposal.status()).isEqualTo(ProposalStatus.DRAFT);
        assertThat(proposal.proposerId()).isEqualTo(HEAD);

        // comparing revisions 1 and 3 needs every field of both, the unchanged ones included
        ProposalView.Revision first = proposal.revisions().get(0);
        ProposalView.Revision third = proposal.revisions().get(2);
        assertThat(third.content()).usingRecursiveComparison()
                .ignoringFields("alignment", "statement", "effectiveFrom", "reviewBy")
                .isEqualTo(first.content());
        assertThat(first.alignment()).isEqualTo(AlignmentLevel.REQUIRED);
        assertThat(third.alignment()).isEqualTo(AlignmentLevel.ADAPTABLE);
        assertThat(first.statement()).isEqualTo("Every visitor signs in at reception.");
        assertThat(third.statement()).isEqualTo("Every visitor signs in at reception and wears a badge.");
        assertThat(first.effectiveFrom()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(third.effectiveFrom()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void openingVotingRecordsVotersRuleAndDeadlineAndTheVotingIsDueFromItsDeadlineUntilClosedOrWithdrawn() {
        ReadModel model = readModel("test");
        model.apply(drafted("p-1", SAFEGUARDING, 0));
        model.apply(drafted("p-2", CURRICULUM, 1));
        model.apply(drafted("p-3", SAFEGUARDING, 2));
        // the later-opened one closes first, so the due list is ordered by deadline, not by opening
        model.apply(opened("p-2", CURRICULUM, 10, 60));
        model.apply(opened("p-1", SAFEGUARDING, 11, 120));

        ProposalView opened = model.proposal("p-1");
        assertThat(opened.status()).isEqualTo(ProposalStatus.VOTING);
        assertThat(opened.eligibleVoters()).containsExactlyElementsOf(VOTERS);
        assertThat(opened.rule()).isEqualTo(MAJORITY);
        assertThat(opened.openedAt()).isEqualTo(at(11));
        assertThat(opened.closesAt()).isEqualTo(at(120));
        assertThat(opened.closedAt()).isNull();
        assertThat(opened.tally()).isEqualTo(new Tally(0, 0, 0, 0, 4));
        assertThat(model.proposal("p-3").status()).isEqualTo(ProposalStatus.DRAFT);

        assertThat(model.due(at(60).minusMillis(1))).isEmpty();
        assertThat(model.due(at(60))).containsExactly("p-2");
        assertThat(model.due(at(120).minusMillis(1))).containsExactly("p-2");
        assertThat(model.due(at(120))).containsExactly("p-2", "p-1");
        assertThat(model.due(at(10_000))).containsExactly("p-2", "p-1");

        model.apply(new VotingClosedEvent("p-2", TRUST, CURRICULUM, VotingOutcome.LAPSED, new Tally(0, 0, 0, 0, 4),
                at(60), true, "accord"));

        assertThat(model.due(at(10_000))).containsExactly("p-1");

        model.apply(new ProposalWithdrawnEvent("p-1", TRUST, SAFEGUARDING, "superseded", HEAD, at(100)));

        assertThat(model.due(at(10_000))).isEmpty();
        assertThat(model.proposal("p-1").status()).isEqualTo(ProposalStatus.WITHDRAWN);
    }

    @Test
    void theLatestVoteOfEachVoterStandsEveryVoteStaysInTheHistoryAndTheLiveTallyCountsStandingVotes() {
        ReadModel model = readModel("test");
        model.apply(drafted("p-1", SAFEGUARDING, 0));
        model.apply(opened("p-1", SAFEGUARDING, 10, 1000));

        model.apply(vote("p-1", HEAD, VoteChoice.APPROVE, "sensible", 20));
        model.apply(vote("p-1", TEACHER, VoteChoice.OBJECT, "too strict", 21));
        model.apply(vote("p-1", HEAD, VoteChoice.ABSTAIN, "on reflection, unsure", 22));
        model.apply(vote("p-1", GOVERNOR, VoteChoice.APPROVE, null, 23));

        ProposalView proposal = model.proposal("p-1");
        assertThat(proposal.votes()).containsExactly(
                new ProposalView.Vote(TEACHER, VoteChoice.OBJECT, "too strict", at(21)),
                new ProposalView.Vote(HEAD, VoteChoice.ABSTAIN, "on reflection, unsure", at(22)),
                new ProposalView.Vote(GOVERNOR, VoteChoice.APPROVE, null, at(23)));
        assertThat(model.history("p-1")).containsExactly(
                new ProposalView.Vote(HEAD, VoteChoice.APPROVE, "sensible", at(20)),
                new ProposalView.Vote(TEACHER, VoteChoice.OBJECT, "too strict", at(21)),
                new ProposalView.Vote(HEAD, VoteChoice.ABSTAIN, "on reflection, unsure", at(22)),
                new ProposalView.Vote(GOVERNOR, VoteChoice.APPROVE, null, at(23)));
        assertThat(proposal.tally()).isEqualTo(new Tally(1, 1, 1, 0, 4));
        assertThat(proposal.status()).isEqualTo(ProposalStatus.VOTING);
    }

    @Test
    void aRecusalRemovesTheVotersStandingVoteButKeepsTheirVotesInTheHistory() {
        ReadModel model = readModel("test");
        model.apply(drafted("p-1", SAFEGUARDING, 0));
        model.apply(opened("p-1", SAFEGUARDING, 10, 1000));
        model.apply(vote("p-1", HEAD, VoteChoice.APPROVE, null, 20));
        model.apply(vote("p-1", GOVERNOR, VoteChoice.APPROVE, "good idea", 21));
        model.apply(vote("p-1", GOVERNOR, VoteChoice.OBJECT, "changed my mind", 22));

        model.apply(new VoterRecusedEvent("p-1", TRUST, SAFEGUARDING, GOVERNOR, "supplies the badges", at(30)));

        ProposalView proposal = model.proposal("p-1");
        assertThat(proposal.votes()).containsExactly(new ProposalView.Vote(HEAD, VoteChoice.APPROVE, null, at(20)));
        assertThat(model.history("p-1")).containsExactly(
                new ProposalView.Vote(HEAD, VoteChoice.APPROVE, null, at(20)),
                new ProposalView.Vote(GOVERNOR, VoteChoice.APPROVE, "good idea", at(21)),
                new ProposalView.Vote(GOVERNOR, VoteChoice.OBJECT, "changed my mind", at(22)));
        assertThat(proposal.recusals())
                .containsExactly(new ProposalView.Recusal(GOVERNOR, "supplies the badges", at(30)));
        assertThat(proposal.tally()).isEqualTo(new Tally(1, 0, 0, 1, 4));
        // a recused voter stays among the eligible: eligibility was fixed when voting opened
        assertThat(proposal.eligibleVoters()).containsExactlyElementsOf(VOTERS);
    }

    @ParameterizedTest
    @EnumSource(VotingOutcome.class)
    void closingMakesTheOutcomeTheStatusAndShowsTheTallyRecordedAtCloseRatherThanTheLiveCount(
            VotingOutcome outcome) {
        ReadModel model = readModel("test");
        model.apply(drafted("p-1", SAFEGUARDING, 0));
        model.apply(drafted("p-2", SAFEGUARDING, 1));
        model.apply(opened("p-1", SAFEGUARDING, 10, 100));
        model.apply(vote("p-1", HEAD, VoteChoice.APPROVE, null, 20));
        model.apply(vote("p-1", TEACHER, VoteChoice.APPROVE, null, 21));
        // the recorded tally differs from the live count (2, 0, 0, 0, 4) so that it shows which of them is read
        Tally recorded = new Tally(1, 2, 1, 0, 4);

        model.apply(new VotingClosedEvent("p-1", TRUST, SAFEGUARDING, outcome, recorded, at(100), true, "accord"));

        ProposalStatus status = ProposalStatus.valueOf(outcome.name());
        ProposalView closed = model.proposal("p-1");
        assertThat(closed.status()).isEqualTo(status);
        assertThat(closed.outcome()).isEqualTo(outcome);
        assertThat(closed.closedAt()).isEqualTo(at(100));
        assertThat(closed.tally()).isEqualTo(recorded);
        assertThat(model.page(new FindProposalsQuery(TRUST, status, null, 10, null)).proposals())
                .extracting(ProposalView::id).containsExactly("p-1");
        assertThat(model.page(new FindProposalsQuery(TRUST, ProposalStatus.VOTING, null, 10, null)).proposals())
                .isEmpty();
    }

    @Test
    void aTrustsProposalsAreListedOldestDraftFirstAcrossTeamsAndNarrowedByStatusAndTeam() {
        ReadModel model = readModel("test");
        model.apply(drafted("p-1", SAFEGUARDING, 0));
        model.apply(drafted("p-2", CURRICULUM, 1));
        model.apply(new ProposalDraftedEvent("p-other", OTHER_TRUST, "team-elsewhere", ProposalKind.NEW_STANDARD,
                null, null, FIRST_DRAFT, "person-elsewhere", at(2)));
        model.apply(drafted("p-3", SAFEGUARDING, 3));
        model.apply(drafted("p-4", CURRICULUM, 4));
        model.apply(drafted("p-5", SAFEGUARDING, 5));
        // opened in another order than drafted, so the list cannot just be following the latest change
        model.apply(opened("p-3", SAFEGUARDING, 10, 1000));
        model.apply(opened("p-2", CURRICULUM, 11, 1000));
        model.apply(new ProposalWithdrawnEvent("p-4", TRUST, CURRICULUM, "duplicate", TEACHER, at(12)));

        assertThat(ids(model.page(new FindProposalsQuery(TRUST, null, null, 10, null))))
                .containsExactly("p-1", "p-2", "p-3", "p-4", "p-5");
        assertThat(ids(model.page(new FindProposalsQuery(TRUST, ProposalStatus.VOTING, null, 10, null))))
                .containsExactly("p-2", "p-3");
        assertThat(ids(model.page(new FindProposalsQuery(TRUST, ProposalStatus.DRAFT, null, 10, null))))
                .containsExactly("p-1", "p-5");
        assertThat(ids(model.page(new FindProposalsQuery(TRUST, ProposalStatus.WITHDRAWN, null, 10, null))))
                .containsExactly("p-4");
        assertThat(ids(model.page(new FindProposalsQuery(TRUST, null, CURRICULUM, 10, null))))
                .containsExactly("p-2", "p-4");
        assertThat(ids(model.page(new FindProposalsQuery(TRUST, ProposalStatus.VOTING, SAFEGUARDING, 10, null))))
                .containsExactly("p-3");
        assertThat(ids(model.page(new FindProposalsQuery(TRUST, ProposalStatus.RATIFIED, null, 10, null))))
                .isEmpty();
        assertThat(ids(model.page(new FindProposalsQuery(OTHER_TRUST, null, null, 10, null))))
                .containsExactly("p-other");

        // a page carries whole proposals, so a client listing them needs no query per proposal
        assertThat(model.page(new FindProposalsQuery(TRUST, null, CURRICULUM, 10, null)).proposals())
                .containsExactly(model.proposal("p-2"), model.proposal("p-4"));
    }

    @Test
    void pagesOfTwoFollowEachOtherByCursorWithoutRepeatsOrGapsEvenWhenProposalsAreDraftedBetweenPages() {
        ReadModel model = readModel("test");
        for (int i = 1; i <= 5; i++) {
            model.apply(drafted("p-" + i, i % 2 == 0 ? CURRICULUM : SAFEGUARDING, i));
        }

        ProposalPage first = model.page(new FindProposalsQuery(TRUST, null, null, 2, null));
        assertThat(ids(first)).containsExactly("p-1", "p-2");
        assertThat(first.hasNextPage()).isTrue();
        assertThat(first.cursors()).hasSize(2).doesNotHaveDuplicates().doesNotContainNull();

        // drafted after the first page was read: it goes to the end and moves no cursor already handed out
        model.apply(drafted("p-6", CURRICULUM, 6));
        model.apply(drafted("p-7", SAFEGUARDING, 7));

        ProposalPage second = model.page(new FindProposalsQuery(TRUST, null, null, 2, last(first.cursors())));
        assertThat(ids(second)).containsExactly("p-3", "p-4");
        assertThat(second.hasNextPage()).isTrue();

        ProposalPage third = model.page(new FindProposalsQuery(TRUST, null, null, 2, last(second.cursors())));
        assertThat(ids(third)).containsExactly("p-5", "p-6");
        assertThat(third.hasNextPage()).isTrue();

        ProposalPage fourth = model.page(new FindProposalsQuery(TRUST, null, null, 2, last(third.cursors())));
        assertThat(ids(fourth)).containsExactly("p-7");
        assertThat(fourth.hasNextPage()).isFalse();

        // every cursor is a position, not only a page's last: a client may resume after any proposal it has seen
        assertThat(ids(model.page(new FindProposalsQuery(TRUST, null, null, 2, second.cursors().get(0)))))
                .containsExactly("p-4", "p-5");
        List<String> allCursors = new ArrayList<>();
        List.of(first, second, third, fourth).forEach(page -> allCursors.addAll(page.cursors()));
        assertThat(allCursors).hasSize(7).doesNotHaveDuplicates();
    }

    @Test
    void pagingANarrowedListContinuesAfterTheLastMatchAndEndsExactlyAtTheLastOne() {
        ReadModel model = readModel("test");
        for (int i = 1; i <= 7; i++) {
            model.apply(drafted("p-" + i, i % 2 == 0 ? CURRICULUM : SAFEGUARDING, i));
        }

        List<String> walked = new ArrayList<>();
        List<Boolean> hasNext = new ArrayList<>();
        String after = null;
        do {
            ProposalPage page = model.page(new FindProposalsQuery(TRUST, null, SAFEGUARDING, 2, after));
            walked.addAll(ids(page));
            hasNext.add(page.hasNextPage());
            assertThat(page.cursors()).hasSameSizeAs(page.proposals());
            after = page.hasNextPage() ? last(page.cursors()) : null;
        } while (after != null);

        assertThat(walked).containsExactly("p-1", "p-3", "p-5", "p-7");
        // a page ending on the last match says so, rather than sending the client for an empty page
        assertThat(hasNext).containsExactly(true, false);

        model.apply(drafted("p-8", CURRICULUM, 8));
        ProposalPage firstAgain = model.page(new FindProposalsQuery(TRUST, null, SAFEGUARDING, 2, null));
        ProposalPage secondAgain = model.page(
                new FindProposalsQuery(TRUST, null, SAFEGUARDING, 2, last(firstAgain.cursors())));
        // entries of another team after the last match do not promise a next page
        assertThat(ids(secondAgain)).containsExactly("p-5", "p-7");
        assertThat(secondAgain.hasNextPage()).isFalse();
    }

    @Test
    void aCursorThatWasNotHandedOutIsRefusedAsABadRequest() {
        ReadModel model = readModel("test");
        model.apply(drafted("p-1", SAFEGUARDING, 0));
        model.apply(drafted("p-2", SAFEGUARDING, 1));

        for (String malformed : List.of("not a cursor!", "%%%", encoded("team:1"), encoded("proposal:"),
                encoded("proposal:one"), encoded("proposal:-1"))) {
            assertThatThrownBy(() -> model.page(new FindProposalsQuery(TRUST, null, null, 2, malformed)))
                    .as("cursor '%s'", malformed)
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.BAD_REQUEST));
        }
    }

    @Test
    void anUnknownTrustHasAnEmptyPageWithNothingAfterIt() {
        ReadModel model = readModel("test");
        model.apply(drafted("p-1", SAFEGUARDING, 0));

        assertThat(model.page(new FindProposalsQuery("trust-unknown", null, null, 10, null)))
                .isEqualTo(new ProposalPage(List.of(), List.of(), false));
    }

    @Test
    void votesAndChangesOfMindLeaveTheProposalDocumentAsItWasWithEachVotersStandingVoteARowOfItsOwn() {
        ReadModel model = readModel("bounded");
        model.apply(drafted("p-1", SAFEGUARDING, 0));
        model.apply(opened("p-1", SAFEGUARDING, 1, 10_000));
        Document opened = model.raw("proposals", "p-1");

        for (int minute = 2; minute < 102; minute++) {
            model.apply(vote("p-1", HEAD, minute % 2 == 0 ? VoteChoice.APPROVE : VoteChoice.OBJECT, null, minute));
        }
        model.apply(vote("p-1", TEACHER, VoteChoice.ABSTAIN, "unsure", 102));

        assertThat(model.raw("proposals", "p-1")).as("the proposal document").isEqualTo(opened);
        assertThat(model.rawDocuments().get("proposal_standing_votes")).extracting(d -> d.getString("_id"))
                .containsExactly("p-1@" + HEAD, "p-1@" + TEACHER);
        assertThat(model.history("p-1")).hasSize(101).extracting(ProposalView.Vote::castAt)
                .isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(model.proposal("p-1").votes()).containsExactly(
                new ProposalView.Vote(HEAD, VoteChoice.OBJECT, null, at(101)),
                new ProposalView.Vote(TEACHER, VoteChoice.ABSTAIN, "unsure", at(102)));
    }

    @Test
    void aVotesRowIsNamedByItsPlaceInTheProposalsStreamSoOneProposalsVotesShareAPrefix() {
        ReadModel model = readModel("vote-ids");
        model.apply(drafted("p-1", SAFEGUARDING, 0));
        model.apply(drafted("p-2", CURRICULUM, 1));
        model.apply(opened("p-1", SAFEGUARDING, 2, 100));
        model.apply(opened("p-2", CURRICULUM, 3, 100));
        model.apply(new Delivery(vote("p-1", HEAD, VoteChoice.APPROVE, null, 4), 2));
        model.apply(new Delivery(vote("p-2", HEAD, VoteChoice.OBJECT, null, 5), 2));
        model.apply(new Delivery(vote("p-1", TEACHER, VoteChoice.ABSTAIN, null, 6), 3));

        assertThat(model.rawDocuments().get("proposal_votes")).extracting(d -> d.getString("_id"))
                .containsExactly("p-1#2", "p-1#3", "p-2#2");
        assertThat(model.raw("proposal_votes", "p-1#3").getString("voterId")).isEqualTo(TEACHER);
    }

    @Test
    void redeliveringTheEventsAgainFromAnyPointLeavesEveryDocumentExactlyAsItWas() {
        // two proposals reach an end (closed, withdrawn), one stays a draft and one stays open, so that each kind of
        // write (set, unset, add to set, delete) is redelivered over a document it has already shaped
        List<Delivery> stream = deliveries(
                drafted("p-1", SAFEGUARDING, 0),
                drafted("p-2", CURRICULUM, 1),
                new ProposalRevisedEvent("p-1", TRUST, SAFEGUARDING, 2, SECOND, "badges too", TEACHER, at(2)),
                drafted("p-3", SAFEGUARDING, 3),
                opened("p-1", SAFEGUARDING, 4, 100),
                opened("p-2", CURRICULUM, 5, 200),
                vote("p-1", HEAD, VoteChoice.APPROVE, null, 6),
                vote("p-2", TEACHER, VoteChoice.OBJECT, "not now", 7),
                vote("p-1", TEACHER, VoteChoice.OBJECT, "too strict", 8),
                vote("p-1", GOVERNOR, VoteChoice.APPROVE, null, 9),
                vote("p-1", HEAD, VoteChoice.ABSTAIN, "unsure now", 10),
                new VoterRecusedEvent("p-1", TRUST, SAFEGUARDING, GOVERNOR, "supplies the badges", at(11)),
                new ProposalRevisedEvent("p-3", TRUST, SAFEGUARDING, 2, THIRD, "schools may adapt", HEAD, at(12)),
                new ProposalWithdrawnEvent("p-2", TRUST, CURRICULUM, "superseded", TEACHER, at(13)),
                new VotingClosedEvent("p-1", TRUST, SAFEGUARDING, VotingOutcome.REJECTED, new Tally(0, 1, 1, 1, 4),
                        at(100), true, "accord"),
                drafted("p-4", CURRICULUM, 101),
                opened("p-4", CURRICULUM, 102, 300),
                vote("p-4", EXECUTIVE, VoteChoice.APPROVE, null, 103));

        for (int k = 0; k < stream.size(); k++) {
            ReadModel model = readModel("redelivery-" + k);
            stream.forEach(model::apply);
            Map<String, List<Document>> before = model.rawDocuments();
            assertThat(before.values()).allSatisfy(documents -> assertThat(documents).isNotEmpty());
            List<ProposalView> viewsBefore = model.views("p-1", "p-2", "p-3", "p-4");

            stream.subList(k, stream.size()).forEach(model::apply);

            assertThat(model.rawDocuments()).as("redelivered from event %d", k).isEqualTo(before);
            assertThat(model.views("p-1", "p-2", "p-3", "p-4")).as("redelivered from event %d", k)
                    .isEqualTo(viewsBefore);
            ProposalView p1 = model.proposal("p-1");
            assertThat(p1.revisions()).as("redelivered from event %d", k)
                    .extracting(ProposalView.Revision::number).containsExactly(1, 2);
            assertThat(model.history("p-1")).as("redelivered from event %d", k)
                    .extracting(ProposalView.Vote::voterId).containsExactly(HEAD, TEACHER, GOVERNOR, HEAD);
            assertThat(p1.votes()).as("redelivered from event %d", k)
                    .extracting(ProposalView.Vote::voterId).containsExactly(TEACHER, HEAD);
            assertThat(p1.status()).isEqualTo(ProposalStatus.REJECTED);
            assertThat(model.proposal("p-3").revisions()).extracting(ProposalView.Revision::number)
                    .containsExactly(1, 2);
            assertThat(ids(model.page(new FindProposalsQuery(TRUST, null, null, 10, null))))
                    .as("redelivered from event %d", k)
                    .containsExactly("p-1", "p-2", "p-3", "p-4");
            assertThat(ids(model.page(new FindProposalsQuery(TRUST, ProposalStatus.VOTING, null, 10, null))))
                    .as("redelivered from event %d", k)
                    .containsExactly("p-4");
            assertThat(model.due(at(10_000))).as("redelivered from event %d", k).containsExactly("p-4");
        }
    }

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    private static ProposalDraftedEvent drafted(String proposalId, String teamId, int minute) {
        return new ProposalDraftedEvent(proposalId, TRUST, teamId, ProposalKind.NEW_STANDARD, null, null, FIRST_DRAFT,
                HEAD, at(minute));
    }

    private static VotingOpenedEvent opened(String proposalId, String teamId, int minute, int closesAtMinute) {
        return new VotingOpenedEvent(proposalId, TRUST, teamId, VOTERS, MAJORITY, at(minute), at(closesAtMinute),
                HEAD);
    }

    private static VoteCastEvent vote(String proposalId, String voterId, VoteChoice choice, String rationale,
                                      int minute) {
        return new VoteCastEvent(proposalId, TRUST, SAFEGUARDING, voterId, choice, rationale, at(minute));
    }

    /** Each event with the identifier it is stored under, which a redelivery gives it again. */
    private static List<Delivery> deliveries(Object... events) {
        List<Delivery> deliveries = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            deliveries.add(new Delivery(events[i], i + 1));
        }
        return deliveries;
    }

    private static List<String> ids(ProposalPage page) {
        return page.proposals().stream().map(ProposalView::id).toList();
    }

    private static String last(List<String> cursors) {
        return cursors.get(cursors.size() - 1);
    }

    private static String encoded(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private ReadModel readModel(String database) {
        return new ReadModel(ReadModelMongo.template(client, database));
    }

    /** {@code sequence}: the number its stream gave the event, in order, which a redelivery gives it again. */
    private record Delivery(Object event, long sequence) {
    }

    /** One database with the projection and queries over it, written to the way the processor would. */
    private static final class ReadModel {

        private final MongoTemplate mongo;
        private final ProposalProjection projection;
        private final ProposalQueries queries;
        private int published;

        ReadModel(MongoTemplate mongo) {
            this.mongo = mongo;
            ReadModelStore store = new MongoReadModelStore(mongo);
            this.projection = new ProposalProjection(store);
            this.queries = new ProposalQueries(store);
        }

        /** A newly published event, so one with an identifier of its own. */
        void apply(Object event) {
            published++;
            apply(new Delivery(event, published));
        }

        void apply(Delivery delivery) {
            Object event = delivery.event();
            if (event instanceof ProposalDraftedEvent e) {
                projection.on(e);
            } else if (event instanceof ProposalRevisedEvent e) {
                projection.on(e);
            } else if (event instanceof VotingOpenedEvent e) {
                projection.on(e);
            } else if (event instanceof VoteCastEvent e) {
                projection.on(e, delivery.sequence());
            } else if (event instanceof VoterRecusedEvent e) {
                projection.on(e);
            } else if (event instanceof VotingClosedEvent e) {
                projection.on(e);
            } else if (event instanceof ProposalWithdrawnEvent e) {
                projection.on(e);
            } else {
                throw new IllegalArgumentException("not a proposal event: " + event);
            }
        }

        ProposalView proposal(String proposalId) {
            ProposalView view = queries.handle(new FindProposalQuery(proposalId));
            assertThat(view).as("proposal %s", proposalId).isNotNull();
            return view;
        }

        List<ProposalView.Vote> history(String proposalId) {
            return queries.handle(new FindVoteHistoryQuery(proposalId));
        }

        List<ProposalView> views(String... proposalIds) {
            return Arrays.stream(proposalIds).map(this::proposal).toList();
        }

        ProposalPage page(FindProposalsQuery query) {
            return queries.handle(query);
        }

        List<String> due(Instant now) {
            return queries.handle(new FindVotingsDueQuery(now));
        }

        Document raw(String collection, String id) {
            return mongo.getCollection(collection).find(new Document("_id", id)).first();
        }

        Map<String, List<Document>> rawDocuments() {
            Map<String, List<Document>> documents = new TreeMap<>();
            for (Class<?> type : List.of(ProposalDocument.class, ProposalCountDocument.class,
                    ProposalStandingVoteDocument.class, ProposalVoteDocument.class, OpenVotingDocument.class)) {
                String collection = mongo.getCollectionName(type);
                List<Document> found = mongo.getCollection(collection).find().into(new ArrayList<>());
                found.sort(Comparator.comparing(d -> d.getString("_id")));
                documents.put(collection, found);
            }
            return documents;
        }
    }
}
