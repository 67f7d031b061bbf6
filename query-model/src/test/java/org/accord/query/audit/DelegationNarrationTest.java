package org.accord.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.accord.api.proposal.Tally;
import org.accord.api.proposal.VoteDelegatedEvent;
import org.accord.api.proposal.VoteDelegationRevokedEvent;
import org.accord.api.proposal.VotingClosedEvent;
import org.accord.api.proposal.VotingOutcome;
import org.accord.api.standard.Area;
import org.accord.api.team.PeriodDelegationRevokedEvent;
import org.accord.api.team.VotesDelegatedForPeriodEvent;
import org.junit.jupiter.api.Test;

/** The decision log's words for delegations: what happened, to which proposal or team, never who by name. */
class DelegationNarrationTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    private static Narration narrate(Object event) {
        return DecisionNarrator.narrate(event, AT, id -> id.startsWith("team")
                ? new DecisionNarrator.Subject("Heads of English", null)
                : new DecisionNarrator.Subject("Phones away", Area.BEHAVIOUR));
    }

    @Test
    void aDelegationOnAProposalIsToldWithoutNames() {
        Narration made = narrate(new VoteDelegatedEvent("p-1", "t", "team-1", "d-1", "a", "b", null, AT));
        assertThat(made.summary()).isEqualTo("A voter delegated their vote on proposal 'Phones away' to another"
                + " eligible voter");
        assertThat(made.subjectId()).isEqualTo("p-1");
        Narration carried = narrate(new VoteDelegatedEvent("p-1", "t", "team-1", "pd-1:p-1", "a", "b", "pd-1", AT));
        assertThat(carried.summary()).isEqualTo("A voter's vote on proposal 'Phones away' went to their delegate,"
                + " as their period delegation 'pd-1' covers the day voting opened");
        assertThat(narrate(new VoteDelegationRevokedEvent("p-1", "t", "team-1", "d-1", "a", AT)).summary())
                .isEqualTo("A voter revoked the delegation of their vote on proposal 'Phones away'");
    }

    @Test
    void aPeriodDelegationIsToldOnItsTeam() {
        Narration made = narrate(new VotesDelegatedForPeriodEvent("team-1", "t", "pd-1", "a", "b",
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 20), AT));
        assertThat(made.summary()).isEqualTo("A member of team 'Heads of English' delegated their votes to another"
                + " member for the proposals whose voting opens from 2026-03-02 to 2026-03-20");
        assertThat(made.subjectType()).isEqualTo("team");
        assertThat(narrate(new PeriodDelegationRevokedEvent("team-1", "t", "pd-1", "a", AT)).summary())
                .isEqualTo("A member of team 'Heads of English' revoked their period delegation 'pd-1'");
    }

    @Test
    void theOutcomeSaysHowManyVotesADelegateCast() {
        assertThat(narrate(new VotingClosedEvent("p-1", "t", "team-1", VotingOutcome.RATIFIED,
                new Tally(3, 0, 0, 0, 4, 2), AT, false, "c")).summary()).isEqualTo("Proposal 'Phones away' RATIFIED:"
                + " 3 approve, 0 object, 0 abstain, 0 recused of 4 (2 cast by a delegate)");
    }
}
