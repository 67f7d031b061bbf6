package org.accord.app.review;

import static org.accord.app.support.GraphQlErrors.expectError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.Test;

/** Reviews that act, as a client meets them: what is due, a reaffirmation, a proposal raised from a review. */
class ReviewGraphQlTest extends AccordHttpTest {

    private static final String TRUST = "demo-trust";
    private static final String SAFEGUARDING = "demo-standard-safeguarding-log";
    private static final String PASSPORT = "demo-standard-send-passport";
    private static final String HISTORY = "demo-standard-ks2-history";
    /** A cluster standard of the town's primaries, whose lead is the account {@code head}. */
    private static final String TOWN_STANDARD = "demo-standard-send-adaptive-teaching";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static Map<String, Object> reaffirmation(String standardId, String rationale, LocalDate next) {
        Map<String, Object> input = new HashMap<>();
        input.put("standardId", standardId);
        input.put("rationale", rationale);
        input.put("nextReviewBy", next == null ? null : next.toString());
        return input;
    }

    /** A new standard of the English team's, drafted, ratified and adopted by the executive. */
    private String adoptedStandard(String title, LocalDate reviewBy) {
        String proposalId = as("member1").documentName("draftProposal")
                .variable("input", Map.of("teamId", "demo-team-english", "kind", "NEW_STANDARD", "title", title,
                        "area", "CURRICULUM", "alignment", "GUIDANCE", "statement", title + ", as written.",
                        "effectiveFrom", TODAY.minusDays(1).toString(), "reviewBy", reviewBy.toString()))
                .execute().path("draftProposal.proposal.id").entity(String.class).get();
        ratify(proposalId);
        return as("exec").documentName("adoptProposal").variable("input", Map.of("proposalId", proposalId))
                .execute().path("adoptProposal.standard.id").entity(String.class).get();
    }

    private void ratify(String proposalId) {
        as("chair").documentName("openVoting").variable("input", Map.of("proposalId", proposalId)).execute()
                .path("openVoting.proposal.status").entity(String.class).isEqualTo("VOTING");
        for (String voter : List.of("chair", "member1", "member2", "member3")) {
            as(voter).documentName("castVote")
                    .variable("input", Map.of("proposalId", proposalId, "choice", "APPROVE")).execute()
                    .path("castVote.proposal.id").hasValue();
        }
        as("chair").documentName("closeVoting").variable("input", Map.of("proposalId", proposalId)).execute()
                .path("closeVoting.proposal.status").entity(String.class).isEqualTo("RATIFIED");
    }

    @Test
    void theDemoTrustHasAStandardOverdueForReviewAndOneReaffirmed() {
        as("board").documentName("reviewsDue").variable("trustId", TRUST).execute()
                .path("reviewsDue.asOf").entity(String.class).isEqualTo(TODAY.toString())
                .path("reviewsDue.until").entity(String.class).isEqualTo(TODAY.plusDays(30).toString())
                .path("reviewsDue.standards[?(@.standard.id == '" + PASSPORT + "')].overdue")
                .entityList(Boolean.class).containsExactly(true)
                .path("reviewsDue.standards[?(@.standard.id == '" + PASSPORT + "')].reviewBy")
                .entityList(String.class).containsExactly(TODAY.minusDays(21).toString())
                .path("reviewsDue.standards[*].standard.id").entityList(String.class).doesNotContain(SAFEGUARDING);
        as("board").documentName("standardReviews").variable("id", SAFEGUARDING).execute()
                .path("standard.nextReviewBy").entity(String.class).isEqualTo(TODAY.plusYears(1).toString())
                .path("standard.reviews[0].outcome").entity(String.class).isEqualTo("REAFFIRMED")
                .path("standard.reviews[0].dueOn").entity(String.class).isEqualTo("2027-08-31")
                .path("standard.reviews[0].reviewedBy.id").entity(String.class).isEqualTo("demo-person-exec")
                .path("standard.reviews[0].rationale").hasValue();
    }

    @Test
    void variationsAboutToEndAreDueWithinTheirWindowOnly() {
        // Willowbrook's exception from the safeguarding standard ends four months after the demo was loaded
        as("board").documentName("reviewsDue").variable("trustId", TRUST).variable("within", 10).execute()
                .path("reviewsDue.variations[*].id").entityList(String.class)
                .doesNotContain("demo-variation-willowbrook-log");
        as("board").documentName("reviewsDue").variable("trustId", TRUST).variable("within", 130).execute()
                .path("reviewsDue.variations[*].id").entityList(String.class)
                .contains("demo-variation-willowbrook-log");
    }

    @Test
    void theAttestationsOwedAreListedBesideTheReviewsAsTheComplianceViewHasThem() {
        var due = as("board").documentName("reviewsDue").variable("trustId", TRUST).execute();
        List<String> owed = due.path("reviewsDue.attestations[*].state").entityList(String.class).get();
        assertThat(owed).isNotEmpty().allSatisfy(state -> assertThat(state).isIn("DUE", "OVERDUE", "CHALLENGED"));
        List<String> listed = cells(due, "reviewsDue.attestations");
        List<String> inCompliance = cells(as("board").document("""
                { compliance(trustId: "demo-trust", states: [DUE, OVERDUE, CHALLENGED]) { school { id } standard { id } } }""")
                .execute(), "compliance");
        assertThat(listed).containsExactlyInAnyOrderElementsOf(inCompliance)
                .contains("demo-school-meadowbank/demo-standard-safeguarding-log");
        List<String> dueBy = due.path("reviewsDue.attestations[*].dueBy").entityList(String.class).get();
        assertThat(dueBy.stream().filter(java.util.Objects::nonNull).toList()).isSorted();
    }

    private static List<String> cells(org.springframework.graphql.test.tester.GraphQlTester.Response response,
                                      String path) {
        List<String> schools = response.path(path + "[*].school.id").entityList(String.class).get();
        List<String> standards = response.path(path + "[*].standard.id").entityList(String.class).get();
        return java.util.stream.IntStream.range(0, schools.size())
                .mapToObj(i -> schools.get(i) + "/" + standards.get(i)).toList();
    }

    @Test
    void anOutsiderSeesNothingDueAndAWindowBeyondAYearIsRefused() {
        as("outsider").documentName("reviewsDue").variable("trustId", TRUST).execute()
                .path("reviewsDue").valueIsNull();
        expectError(as("board").documentName("reviewsDue").variable("trustId", TRUST).variable("within", 400)
                .execute(), "BAD_REQUEST", "within must be from 0 to 366 days, was 400");
        expectError(as("board").documentName("reviewsDue").variable("trustId", TRUST).variable("within", -1)
                .execute(), "BAD_REQUEST", "within must be from 0 to 366 days, was -1");
    }

    @Test
    void theExecutiveReaffirmsAStandardOfTheWholeTrustAndItLeavesTheDueList() {
        String standardId = adoptedStandard("Reading aloud daily in Key Stage 1", TODAY.plusDays(5));
        as("exec").documentName("reviewsDue").variable("trustId", TRUST).execute()
                .path("reviewsDue.standards[?(@.standard.id == '" + standardId + "')].overdue")
                .entityList(Boolean.class).containsExactly(false);
        Map<String, Object> input = reaffirmation(standardId, "Every school reads aloud daily; keep it.",
                TODAY.plusYears(1));
        input.put("clientMutationId", "reaffirm-1");
        as("exec").documentName("reaffirmStandard").variable("input", input).execute()
                .path("reaffirmStandard.clientMutationId").entity(String.class).isEqualTo("reaffirm-1")
                .path("reaffirmStandard.review.outcome").entity(String.class).isEqualTo("REAFFIRMED")
                .path("reaffirmStandard.review.version").entity(Integer.class).isEqualTo(1)
                .path("reaffirmStandard.review.dueOn").entity(String.class).isEqualTo(TODAY.plusDays(5).toString())
                .path("reaffirmStandard.review.nextReviewBy").entity(String.class)
                .isEqualTo(TODAY.plusYears(1).toString())
                .path("reaffirmStandard.review.reviewedBy.id").entity(String.class).isEqualTo("demo-person-exec")
                .path("reaffirmStandard.standard.nextReviewBy").entity(String.class)
                .isEqualTo(TODAY.plusYears(1).toString());
        as("board").documentName("reviewsDue").variable("trustId", TRUST).execute()
                .path("reviewsDue.standards[*].standard.id").entityList(String.class).doesNotContain(standardId);

        long before = storedEvents();
        as("exec").documentName("reaffirmStandard").variable("input", input).execute()
                .path("reaffirmStandard.review.outcome").entity(String.class).isEqualTo("REAFFIRMED");
        assertThat(storedEvents()).as("a retry with the same key records nothing").isEqualTo(before);
        as("board").documentName("decisionLog").variable("trustId", TRUST)
                .variable("filter", Map.of("subjectId", standardId, "types", List.of("StandardReaffirmed")))
                .execute()
                .path("decisionLog.edges[0].node.summary").entity(String.class)
                .satisfies(s -> assertThat(s).contains("reviewed and reaffirmed without change")
                        .contains("next review by " + TODAY.plusYears(1)))
                .path("decisionLog.edges[0].node.rationale").entity(String.class)
                .isEqualTo("Every school reads aloud daily; keep it.");
    }

    @Test
    void aReaffirmationIsRefusedWithoutTheRightARationaleOrAFutureDateAndRecordsNothing() {
        long before = storedEvents();
        expectError(as("chair").documentName("reaffirmStandard")
                .variable("input", reaffirmation(SAFEGUARDING, "Fine", TODAY.plusYears(1))).execute(),
                "FORBIDDEN", "only a trust executive may reaffirm this standard");
        expectError(as("board").documentName("reaffirmStandard")
                .variable("input", reaffirmation(SAFEGUARDING, "Fine", TODAY.plusYears(1))).execute(),
                "FORBIDDEN", "only a trust executive may reaffirm this standard");
        expectError(as("exec").documentName("reaffirmStandard")
                .variable("input", reaffirmation(TOWN_STANDARD, "Fine", TODAY.plusYears(1))).execute(),
                "FORBIDDEN", "only the lead of cluster 'Town primaries' may reaffirm this standard for it");
        expectError(as("exec").documentName("reaffirmStandard")
                .variable("input", reaffirmation(SAFEGUARDING, "  ", TODAY.plusYears(1))).execute(),
                "BAD_REQUEST", "rationale must not be blank");
        expectError(as("exec").documentName("reaffirmStandard")
                .variable("input", reaffirmation(SAFEGUARDING, "Fine", TODAY.minusDays(1))).execute(),
                "BAD_REQUEST", "nextReviewBy must be in the future, was " + TODAY.minusDays(1));
        expectError(as("outsider").documentName("reaffirmStandard")
                .variable("input", reaffirmation(SAFEGUARDING, "Fine", TODAY.plusYears(1))).execute(),
                "NOT_FOUND", "unknown standard '" + SAFEGUARDING + "'");
        expectError(as("exec").documentName("reaffirmStandard")
                .variable("input", reaffirmation("no-such-standard", "Fine", TODAY.plusYears(1))).execute(),
                "NOT_FOUND", "unknown standard 'no-such-standard'");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void theClusterLeadReaffirmsTheirClusterStandard() {
        as("head").documentName("reaffirmStandard")
                .variable("input", reaffirmation(TOWN_STANDARD, "The town's schools use the framework.",
                        TODAY.plusMonths(18))).execute()
                .path("reaffirmStandard.review.reviewedBy.id").entity(String.class).isEqualTo("demo-person-head")
                .path("reaffirmStandard.standard.nextReviewBy").entity(String.class)
                .isEqualTo(TODAY.plusMonths(18).toString());
    }

    @Test
    void anAmendmentRaisedFromAReviewIsADraftAgainstTheCurrentVersionLinkedToTheReview() {
        String proposalId = as("member2").documentName("raiseReviewProposal")
                .variable("input", Map.of("clientMutationId", "review-amend-1", "standardId", HISTORY,
                        "teamId", "demo-team-english", "kind", "AMEND_STANDARD",
                        "statement", "Key Stage 2 history is taught in chronological order with a local study and"
                                + " one world civilisation.", "rationale", "The review found a gap."))
                .execute()
                .path("raiseReviewProposal.clientMutationId").entity(String.class).isEqualTo("review-amend-1")
                .path("raiseReviewProposal.review.outcome").entity(String.class).isEqualTo("AMENDMENT_PROPOSED")
                .path("raiseReviewProposal.review.version").entity(Integer.class).isEqualTo(2)
                .path("raiseReviewProposal.review.team.id").entity(String.class).isEqualTo("demo-team-english")
                .path("raiseReviewProposal.review.reviewedBy.id").entity(String.class)
                .isEqualTo("demo-person-member2")
                .path("raiseReviewProposal.proposal.kind").entity(String.class).isEqualTo("AMEND_STANDARD")
                .path("raiseReviewProposal.proposal.status").entity(String.class).isEqualTo("DRAFT")
                .path("raiseReviewProposal.proposal.amendsVersion").entity(Integer.class).isEqualTo(2)
                .path("raiseReviewProposal.proposal.standard.id").entity(String.class).isEqualTo(HISTORY)
                .path("raiseReviewProposal.proposal.area").entity(String.class).isEqualTo("CURRICULUM")
                .path("raiseReviewProposal.proposal.alignment").entity(String.class).isEqualTo("ADAPTABLE")
                .path("raiseReviewProposal.proposal.title").entity(String.class)
                .isEqualTo("A chronological Key Stage 2 history sequence, with a local study")
                .path("raiseReviewProposal.proposal.fromReview.outcome").entity(String.class)
                .isEqualTo("AMENDMENT_PROPOSED")
                .path("raiseReviewProposal.proposal.id").entity(String.class).get();
        as("board").documentName("standardReviews").variable("id", HISTORY).execute()
                .path("standard.reviews[?(@.proposal.id == '" + proposalId + "')].outcome")
                .entityList(String.class).containsExactly("AMENDMENT_PROPOSED");
        as("board").documentName("decisionLog").variable("trustId", TRUST)
                .variable("filter", Map.of("subjectId", HISTORY, "types", List.of("ReviewProposalRaised")))
                .execute()
                .path("decisionLog.edges[*].node.summary").entityList(String.class)
                .satisfies(s -> assertThat(s).anySatisfy(line -> assertThat(line)
                        .contains("A review of standard").contains("in team 'Heads of English'")
                        .contains("to amend it")));
    }

    @Test
    void aReviewProposalIsRefusedOutsideTheTeamForANewStandardOrWithoutAStatementAndRecordsNothing() {
        long before = storedEvents();
        expectError(as("exec").documentName("raiseReviewProposal")
                .variable("input", Map.of("standardId", HISTORY, "teamId", "demo-team-english",
                        "kind", "RETIRE_STANDARD", "statement", "Retire it.")).execute(),
                "FORBIDDEN", "only members of the team may propose in it");
        expectError(as("member1").documentName("raiseReviewProposal")
                .variable("input", Map.of("standardId", HISTORY, "teamId", "demo-team-english",
                        "kind", "NEW_STANDARD", "statement", "New.")).execute(),
                "BAD_REQUEST", "a review raises an AMEND_STANDARD or a RETIRE_STANDARD proposal");
        expectError(as("member1").documentName("raiseReviewProposal")
                .variable("input", Map.of("standardId", HISTORY, "teamId", "demo-team-english",
                        "kind", "AMEND_STANDARD", "statement", " ")).execute(),
                "BAD_REQUEST", "statement must not be blank");
        expectError(as("outsider").documentName("raiseReviewProposal")
                .variable("input", Map.of("standardId", HISTORY, "teamId", "demo-team-english",
                        "kind", "RETIRE_STANDARD", "statement", "Retire it.")).execute(),
                "NOT_FOUND", "unknown standard '" + HISTORY + "'");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aRetirementRaisedFromAReviewRetiresTheStandardOnAdoptionAndThenNoReviewOutcomeIsAccepted() {
        String standardId = adoptedStandard("Weekly spelling tests", TODAY.plusDays(1));
        String proposalId = as("member1").documentName("raiseReviewProposal")
                .variable("input", Map.of("standardId", standardId, "teamId", "demo-team-english",
                        "kind", "RETIRE_STANDARD", "statement", "Retire it: the new spelling list replaces it.",
                        "effectiveFrom", TODAY.plusDays(7).toString()))
                .execute()
                .path("raiseReviewProposal.review.outcome").entity(String.class).isEqualTo("RETIREMENT_PROPOSED")
                .path("raiseReviewProposal.proposal.kind").entity(String.class).isEqualTo("RETIRE_STANDARD")
                .path("raiseReviewProposal.proposal.title").entity(String.class).isEqualTo("Weekly spelling tests")
                .path("raiseReviewProposal.proposal.id").entity(String.class).get();
        as("board").documentName("reviewsDue").variable("trustId", TRUST).execute()
                .path("reviewsDue.standards[?(@.standard.id == '" + standardId + "')].proposals[*].id")
                .entityList(String.class).containsExactly(proposalId);
        ratify(proposalId);
        as("exec").documentName("adoptProposal").variable("input", Map.of("proposalId", proposalId)).execute()
                .path("adoptProposal.standard.retiredOn").entity(String.class).isEqualTo(TODAY.plusDays(7).toString());
        as("board").documentName("reviewsDue").variable("trustId", TRUST).execute()
                .path("reviewsDue.standards[*].standard.id").entityList(String.class).doesNotContain(standardId);

        long before = storedEvents();
        expectError(as("exec").documentName("reaffirmStandard")
                .variable("input", reaffirmation(standardId, "Keep it", TODAY.plusYears(1))).execute(),
                "BAD_REQUEST", "is retired: it has no review outcome");
        expectError(as("member1").documentName("raiseReviewProposal")
                .variable("input", Map.of("standardId", standardId, "teamId", "demo-team-english",
                        "kind", "AMEND_STANDARD", "statement", "Change it.")).execute(),
                "BAD_REQUEST", "is retired: it has no review outcome");
        assertThat(storedEvents()).isEqualTo(before);
    }
}
