package org.accord.app.home;

import static org.accord.app.support.GraphQlErrors.expectError;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.Test;

/** The home page's query over HTTP: always the caller's own work, each piece gone once it is done. */
class MyWorkGraphQlTest extends AccordHttpTest {

    @Test
    void aVoteOpenInTheCallersTeamIsTheirsToCastUntilTheyVote() {
        String id = as("member1").documentName("draftProposal").variable("input", Map.of("teamId",
                        "demo-team-english", "kind", "NEW_STANDARD", "title", "Handwriting in Year 7", "area",
                        "CURRICULUM", "alignment", "GUIDANCE", "statement", "Year 7 practise joined handwriting.",
                        "rationale", "A home page test", "effectiveFrom", "2099-09-01")).execute()
                .path("draftProposal.proposal.id").entity(String.class).get();
        as("member2").documentName("myWork").execute()
                .path("myWork.votesToCast[?(@.id == '" + id + "')]").entityList(Object.class).hasSize(0);
        as("chair").documentName("openVoting").variable("input", Map.of("proposalId", id)).execute()
                .path("openVoting.proposal.status").entity(String.class).isEqualTo("VOTING");

        as("member2").documentName("myWork").execute()
                .path("myWork.votesToCast[?(@.id == '" + id + "')].team.id").entityList(String.class)
                .containsExactly("demo-team-english");
        // the board is in no team: nothing of it is the board's to cast
        as("board").documentName("myWork").execute()
                .path("myWork.votesToCast[?(@.id == '" + id + "')]").entityList(Object.class).hasSize(0);

        as("member2").documentName("castVote").variable("input", Map.of("proposalId", id, "choice", "APPROVE"))
                .execute().path("castVote.proposal.status").entity(String.class).isEqualTo("VOTING");
        as("member2").documentName("myWork").execute()
                .path("myWork.votesToCast[?(@.id == '" + id + "')]").entityList(Object.class).hasSize(0);
        as("member3").documentName("recuse").variable("input", Map.of("proposalId", id, "interest",
                "I wrote the handwriting scheme")).execute();
        as("member3").documentName("myWork").execute()
                .path("myWork.votesToCast[?(@.id == '" + id + "')]").entityList(Object.class).hasSize(0);
        as("member1").documentName("myWork").execute()
                .path("myWork.votesToCast[?(@.id == '" + id + "')]").entityList(Object.class).hasSize(1);
    }

    @Test
    void aRatifiedProposalWaitsForTheExecutiveUntilAdoptionIsDecided() {
        String id = as("member1").documentName("draftProposal").variable("input", Map.of("teamId",
                        "demo-team-english", "kind", "NEW_STANDARD", "title", "Silent reading in Year 8", "area",
                        "CURRICULUM", "alignment", "GUIDANCE", "statement", "Year 8 read silently for ten minutes.",
                        "rationale", "A home page test", "effectiveFrom", "2099-09-01")).execute()
                .path("draftProposal.proposal.id").entity(String.class).get();
        as("chair").documentName("openVoting").variable("input", Map.of("proposalId", id)).execute();
        for (String member : java.util.List.of("chair", "member1", "member2", "member3")) {
            as(member).documentName("castVote").variable("input", Map.of("proposalId", id, "choice", "APPROVE"))
                    .execute().path("castVote.proposal.status").entity(String.class).isEqualTo("VOTING");
        }
        as("exec").documentName("myWork").execute()
                .path("myWork.proposalsToAdopt[?(@.id == '" + id + "')]").entityList(Object.class).hasSize(0);
        as("chair").documentName("closeVoting").variable("input", Map.of("proposalId", id)).execute()
                .path("closeVoting.proposal.status").entity(String.class).isEqualTo("RATIFIED");

        as("exec").documentName("myWork").execute()
                .path("myWork.proposalsToAdopt[?(@.id == '" + id + "')].status").entityList(String.class)
                .containsExactly("RATIFIED");
        as("chair").documentName("myWork").execute()
                .path("myWork.proposalsToAdopt").entityList(Object.class).hasSize(0);
        as("exec").documentName("declineAdoption").variable("input", Map.of("proposalId", id, "reason",
                "Covered by the reading standard")).execute();
        as("exec").documentName("myWork").execute()
                .path("myWork.proposalsToAdopt[?(@.id == '" + id + "')]").entityList(Object.class).hasSize(0);
    }

    @Test
    void anExceptionRequestWaitsForTheExecutiveAndIsDueForTheHeadUntilDecided() {
        String expires = LocalDate.now(ZoneOffset.UTC).plusDays(10).toString();
        String id = as("head").documentName("requestException").variable("input", Map.of("schoolId",
                        "demo-school-oakwood", "standardId", "demo-standard-safeguarding-log", "version", 1,
                        "description", "Logged by the next morning", "justification", "A home page test",
                        "expiresOn", expires)).execute()
                .path("requestException.variation.id").entity(String.class).get();

        as("exec").documentName("myWork").execute()
                .path("myWork.exceptionsToDecide[?(@.id == '" + id + "')].school.name").entityList(String.class)
                .hasSize(1);
        as("head").documentName("myWork").execute()
                .path("myWork.exceptionsToDecide").entityList(Object.class).hasSize(0)
                .path("myWork.variationsDue[?(@.id == '" + id + "')].expiresOn").entityList(String.class)
                .containsExactly(expires);
        // a head of another school, and a member of staff, see none of it
        as("member1").documentName("myWork").execute()
                .path("myWork.variationsDue").entityList(Object.class).hasSize(0)
                .path("myWork.exceptionsToDecide").entityList(Object.class).hasSize(0);

        as("exec").documentName("declineException").variable("input", Map.of("variationId", id, "reason",
                "Log on the day, on paper if need be")).execute()
                .path("declineException.variation.status").entity(String.class).isEqualTo("DECLINED");
        as("exec").documentName("myWork").execute()
                .path("myWork.exceptionsToDecide[?(@.id == '" + id + "')]").entityList(Object.class).hasSize(0);
        as("head").documentName("myWork").execute()
                .path("myWork.variationsDue[?(@.id == '" + id + "')]").entityList(Object.class).hasSize(0);
    }

    @Test
    void aStandardDueForReviewIsTheExecutivesWithinTheHorizonAsked() {
        // the demo's safeguarding standard is to be reviewed by 31 August 2027
        LocalDate review = LocalDate.of(2027, 8, 31);
        long days = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.now(ZoneOffset.UTC), review);
        int within = (int) Math.max(0, Math.min(366, days));
        as("exec").documentName("myWork").variable("dueWithinDays", within).execute()
                .path("myWork.standardsDueForReview[?(@.id == 'demo-standard-safeguarding-log')]")
                .entityList(Object.class).hasSize(days <= 366 ? 1 : 0);
        if (days > 0) {
            as("exec").documentName("myWork").variable("dueWithinDays", (int) Math.min(366, days - 1)).execute()
                    .path("myWork.standardsDueForReview[?(@.id == 'demo-standard-safeguarding-log')]")
                    .entityList(Object.class).hasSize(0);
        }
        as("board").documentName("myWork").variable("dueWithinDays", 366).execute()
                .path("myWork.standardsDueForReview").entityList(Object.class).hasSize(0);
    }

    @Test
    void aHorizonOutsideNoneToAYearIsRefusedNamingTheField() {
        expectError(as("exec").documentName("myWork").variable("dueWithinDays", 367).execute(), "BAD_REQUEST",
                "dueWithinDays must be from 0 to 366");
        expectError(as("exec").documentName("myWork").variable("dueWithinDays", -1).execute(), "BAD_REQUEST",
                "dueWithinDays");
    }

    @Test
    void anOutsiderSeesNothingOfAnotherTrustsWork() {
        as("outsider").documentName("myWork").variable("dueWithinDays", 366).execute()
                .path("myWork.votesToCast[?(@.team.id == 'demo-team-english')]").entityList(Object.class).hasSize(0)
                .path("myWork.exceptionsToDecide").entityList(Object.class).hasSize(0)
                .path("myWork.standardsDueForReview[?(@.id == 'demo-standard-safeguarding-log')]")
                .entityList(Object.class).hasSize(0);
    }

    @Test
    void anAttestationChallengedByAVisitIsTheHeadsWorkUntilAVisitConfirmsIt() {
        String attestation = as("head").documentName("attest").variable("input", Map.of("schoolId",
                        "demo-school-oakwood", "standardId", "demo-standard-safeguarding-log", "version", 1,
                        "statement", "Logged on the day, a home page test.")).execute()
                .path("attest.attestation.id").entity(String.class).get();
        as("exec").documentName("recordQaFinding").variable("input", Map.of("attestationId", attestation,
                "outcome", "CHALLENGED", "actions", java.util.List.of("Re-check the paper log"),
                "followUpBy", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString())).execute();

        as("head").documentName("myWork").execute()
                .path("myWork.attestationsDue[?(@.standard.id == 'demo-standard-safeguarding-log')].state")
                .entityList(String.class).containsExactly("CHALLENGED")
                .path("myWork.attestationsDue[?(@.standard.id == 'demo-standard-safeguarding-log')]"
                        + ".attestation.latestFinding.actions[0]")
                .entityList(String.class).containsExactly("Re-check the paper log");
        // attesting is the head's alone: a member of a team and the board are owed nothing of it
        as("member2").documentName("myWork").execute().path("myWork.attestationsDue").entityList(Object.class)
                .hasSize(0);
        as("board").documentName("myWork").execute().path("myWork.attestationsDue").entityList(Object.class)
                .hasSize(0);

        as("exec").documentName("recordQaFinding").variable("input", Map.of("attestationId", attestation,
                "outcome", "CONFIRMED", "notes", "Re-visited.")).execute();
        as("head").documentName("myWork").execute()
                .path("myWork.attestationsDue[?(@.standard.id == 'demo-standard-safeguarding-log')]")
                .entityList(Object.class).hasSize(0);
    }
}
