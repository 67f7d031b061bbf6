package org.accord.app.standard;

import static org.accord.app.support.GraphQlErrors.expectError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.Test;

/**
 * From ratification to the backbone, and from the backbone to each school's rules in force. Each test makes its own
 * standards through the real path (draft, vote, close, adopt), so the demo's backbone stays as the demo has it.
 */
class BackboneGraphQlTest extends AccordHttpTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void aRatifiedProposalIsAdoptedOnceAsTheFirstVersionOfAStandard() {
        String proposal = ratified("Phonics screening practice", "REQUIRED", null, null);
        String standard = as("exec").documentName("adoptProposal")
                .variable("input", Map.of("proposalId", proposal, "effectiveFrom", "2026-09-01",
                        "clientMutationId", "adopt-" + proposal))
                .execute()
                .path("adoptProposal.proposal.status").entity(String.class).isEqualTo("ADOPTED")
                .path("adoptProposal.standard.currentVersion").entity(Integer.class).isEqualTo(1)
                .path("adoptProposal.standard.versions[0].effectiveFrom").entity(String.class).isEqualTo("2026-09-01")
                .path("adoptProposal.standard.versions[0].adoptedBy.id").entity(String.class)
                .isEqualTo("demo-person-exec")
                .path("adoptProposal.standard.versions[0].proposal.id").entity(String.class).isEqualTo(proposal)
                .path("adoptProposal.standard.alignment").entity(String.class).isEqualTo("REQUIRED")
                .path("adoptProposal.standard.id").entity(String.class).get();

        long before = storedEvents();
        expectError(as("exec").documentName("adoptProposal").variable("input", Map.of("proposalId", proposal))
                .execute(), "CONFLICT", "already adopted");
        assertThat(storedEvents()).isEqualTo(before);
        as("board").documentName("backbone").variable("trustId", "demo-trust").execute()
                .path("backbone[*].standard.id").entityList(String.class).contains(standard);
    }

    @Test
    void onlyARatifiedProposalCanBeAdoptedAndOnlyByTheExecutive() {
        long before = storedEvents();
        expectError(as("exec").documentName("adoptProposal")
                .variable("input", Map.of("proposalId", "demo-proposal-y9-calendar")).execute(),
                "BAD_REQUEST", "only a RATIFIED proposal can be adopted; this one is REJECTED");
        String proposal = ratified("Executive only", "GUIDANCE", null, null);
        expectError(as("board").documentName("adoptProposal").variable("input", Map.of("proposalId", proposal))
                .execute(), "FORBIDDEN", "only a trust executive may adopt");
        expectError(as("outsider").documentName("adoptProposal").variable("input", Map.of("proposalId", proposal))
                .execute(), "NOT_FOUND", "unknown proposal");
        as("exec").documentName("declineAdoption")
                .variable("input", Map.of("proposalId", proposal, "reason", "Covered by the trust's policy already"))
                .execute()
                .path("declineAdoption.proposal.status").entity(String.class).isEqualTo("DECLINED");
        expectError(as("exec").documentName("adoptProposal").variable("input", Map.of("proposalId", proposal))
                .execute(), "CONFLICT", "already declined");
        assertThat(storedEvents()).isGreaterThan(before);
    }

    @Test
    void anAmendmentOfASupersededVersionIsAConflictThatNamesTheCurrentVersion() {
        String standard = adopt(ratified("Marking policy", "ADAPTABLE", null, null), "2026-09-01");
        String first = ratified("Marking policy, simpler", "ADAPTABLE", standard, 1);
        String second = ratified("Marking policy, stricter", "ADAPTABLE", standard, 1);
        as("exec").documentName("adoptProposal").variable("input", Map.of("proposalId", first)).execute()
                .path("adoptProposal.standard.currentVersion").entity(Integer.class).isEqualTo(2)
                .path("adoptProposal.standard.title").entity(String.class).isEqualTo("Marking policy, simpler");
        long before = storedEvents();
        expectError(as("exec").documentName("adoptProposal").variable("input", Map.of("proposalId", second))
                .execute(), "CONFLICT", "is at version 2");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aSchoolRecordsHowItMeetsAnAdaptableStandardAndTheRulesInForceShowIt() {
        String standard = adopt(ratified("Times tables practice", "ADAPTABLE", null, null), "2026-09-01");
        rule("demo-school-oakwood", standard, null, null).isEqualTo("IMPLEMENTATION_MISSING");

        String variation = as("head").documentName("recordImplementation")
                .variable("input", Map.of("schoolId", "demo-school-oakwood", "standardId", standard, "version", 1,
                        "description", "Ten minutes daily in Years 3 and 4",
                        "justification", "Mixed-age classes share one slot", "reviewBy", TODAY.plusYears(1).toString()))
                .execute()
                .path("recordImplementation.variation.kind").entity(String.class).isEqualTo("IMPLEMENTATION")
                .path("recordImplementation.variation.status").entity(String.class).isEqualTo("RECORDED")
                .path("recordImplementation.variation.reviewBy").entity(String.class)
                .isEqualTo(TODAY.plusYears(1).toString())
                .path("recordImplementation.variation.id").entity(String.class).get();
        rule("demo-school-oakwood", standard, null, null).isEqualTo("IMPLEMENTED");
        // the day before the school recorded it, it had not: valid time
        rule("demo-school-oakwood", standard, TODAY.minusDays(1).toString(), null)
                .isEqualTo("IMPLEMENTATION_MISSING");

        as("head").documentName("withdrawVariation")
                .variable("input", Map.of("variationId", variation, "reason", "Moving to a new scheme")).execute()
                .path("withdrawVariation.variation.status").entity(String.class).isEqualTo("WITHDRAWN");
        rule("demo-school-oakwood", standard, null, null).isEqualTo("IMPLEMENTATION_MISSING");
    }

    @Test
    void anExceptionIsInForceOnlyOnceTheTrustApprovesIt() {
        String standard = adopt(ratified("Uniform for PE", "REQUIRED", null, null), "2026-09-01");
        String variation = as("head").documentName("requestException")
                .variable("input", Map.of("schoolId", "demo-school-oakwood", "standardId", standard, "version", 1,
                        "description", "PE kit from the school's own supplier",
                        "justification", "A three-year contract signed before joining the trust",
                        "expiresOn", TODAY.plusMonths(8).toString()))
                .execute()
                .path("requestException.variation.status").entity(String.class).isEqualTo("REQUESTED")
                .path("requestException.variation.id").entity(String.class).get();
        rule("demo-school-oakwood", standard, null, null).isEqualTo("ALIGNED");
        expectError(as("head").documentName("approveException").variable("input", Map.of("variationId", variation))
                .execute(), "FORBIDDEN", "only a trust executive");
        as("exec").documentName("approveException")
                .variable("input", Map.of("variationId", variation, "note", "Until the contract ends")).execute()
                .path("approveException.variation.status").entity(String.class).isEqualTo("APPROVED")
                .path("approveException.variation.decidedBy.id").entity(String.class).isEqualTo("demo-person-exec");
        rule("demo-school-oakwood", standard, null, null).isEqualTo("EXCEPTION");
        // on its expiry date it is over, whether or not the expiry has been recorded yet
        rule("demo-school-oakwood", standard, TODAY.plusMonths(8).toString(), null).isEqualTo("ALIGNED");

        as("exec").documentName("revokeVariation")
                .variable("input", Map.of("variationId", variation, "reason", "Contract ended early")).execute()
                .path("revokeVariation.variation.status").entity(String.class).isEqualTo("REVOKED");
        rule("demo-school-oakwood", standard, null, null).isEqualTo("ALIGNED");
    }

    @Test
    void badVariationsAreRefusedAndRecordNothing() {
        String adaptable = adopt(ratified("Spelling approach", "ADAPTABLE", null, null), "2026-09-01");
        String required = adopt(ratified("Attendance calls", "REQUIRED", null, null), "2026-09-01");
        String guidance = adopt(ratified("Homework menus", "GUIDANCE", null, null), "2026-09-01");
        long before = storedEvents();
        Map<String, Object> implementation = variationInput(adaptable, "reviewBy");
        expectError(as("head").documentName("requestException").variable("input",
                variationInput(adaptable, "expiresOn")).execute(), "BAD_REQUEST", "the standard is ADAPTABLE");
        expectError(as("head").documentName("recordImplementation").variable("input",
                variationInput(required, "reviewBy")).execute(), "BAD_REQUEST", "the standard is REQUIRED");
        expectError(as("head").documentName("recordImplementation").variable("input",
                variationInput(guidance, "reviewBy")).execute(), "BAD_REQUEST", "GUIDANCE standard needs no variation");
        Map<String, Object> otherSchool = new HashMap<>(implementation);
        otherSchool.put("schoolId", "demo-school-meadowbank");
        expectError(as("head").documentName("recordImplementation").variable("input", otherSchool).execute(),
                "FORBIDDEN", "only the headteacher of that school");
        Map<String, Object> blank = new HashMap<>(implementation);
        blank.put("justification", "  ");
        expectError(as("head").documentName("recordImplementation").variable("input", blank).execute(),
                "BAD_REQUEST", "justification must not be blank");
        Map<String, Object> noSuchVersion = new HashMap<>(implementation);
        noSuchVersion.put("version", 4);
        expectError(as("head").documentName("recordImplementation").variable("input", noSuchVersion).execute(),
                "BAD_REQUEST", "has no version 4");
        Map<String, Object> past = variationInput(required, "expiresOn");
        past.put("expiresOn", TODAY.minusDays(1).toString());
        expectError(as("head").documentName("requestException").variable("input", past).execute(),
                "BAD_REQUEST", "expiresOn must be in the future");
        expectError(as("outsider").documentName("recordImplementation").variable("input", implementation).execute(),
                "NOT_FOUND", "unknown standard");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void anAmendmentLeavesAVariationNeedingRejustificationUntilItIsReaffirmed() {
        String standard = adopt(ratified("Reading records", "ADAPTABLE", null, null), "2026-09-01");
        String variation = as("head").documentName("recordImplementation")
                .variable("input", variationInput(standard, "reviewBy")).execute()
                .path("recordImplementation.variation.id").entity(String.class).get();
        String amendment = ratified("Reading records, weekly", "ADAPTABLE", standard, 1);
        adopt(amendment, TODAY.toString());
        rule("demo-school-oakwood", standard, null, null).isEqualTo("NEEDS_REJUSTIFICATION");
        as("board").documentName("standard").variable("id", standard).execute()
                .path("standard.variations[0].needsRejustification").entity(Boolean.class).isEqualTo(true);

        as("head").documentName("reaffirmVariation")
                .variable("input", Map.of("variationId", variation, "version", 2,
                        "justification", "Weekly suits our reading journals"))
                .execute()
                .path("reaffirmVariation.variation.version").entity(Integer.class).isEqualTo(2)
                .path("reaffirmVariation.variation.needsRejustification").entity(Boolean.class).isEqualTo(false);
        rule("demo-school-oakwood", standard, null, null).isEqualTo("IMPLEMENTED");
    }

    @Test
    void theRulesInForceAnswerForAnyDateAndAsKnownAtAnyMoment() {
        Instant beforeAdoption = Instant.now();
        String future = adopt(ratified("Oracy in Year 7", "GUIDANCE", null, null), TODAY.plusMonths(2).toString());
        // future-dated: not in force today, in force from its date
        rule("demo-school-oakwood", future, null, null).isNull();
        rule("demo-school-oakwood", future, TODAY.plusMonths(2).toString(), null).isEqualTo("ALIGNED");
        // as the record stood before the adoption, there was no such standard on any date
        rule("demo-school-oakwood", future, TODAY.plusMonths(3).toString(), beforeAdoption.toString()).isNull();
    }

    @Test
    void theDemoBackboneHoldsEachKindOfRule() {
        rule("demo-school-willowbrook", "demo-standard-safeguarding-log", null, null).isEqualTo("EXCEPTION");
        rule("demo-school-meadowbank", "demo-standard-ks2-history", null, null).isEqualTo("NEEDS_REJUSTIFICATION");
        rule("demo-school-oakwood", "demo-standard-ks2-history", null, null).isEqualTo("IMPLEMENTED");
        rule("demo-school-oakwood", "demo-standard-send-passport", null, null).isEqualTo("ALIGNED");
        rule("demo-school-riverside", "demo-standard-ks3-reading", null, null).isNull();
        rule("demo-school-riverside", "demo-standard-ks3-reading", TODAY.plusYears(2).toString(), null)
                .isEqualTo("IMPLEMENTATION_MISSING");
        // Key Stage 3 reading applies to secondary and all-through schools, not to a primary, on any date
        rule("demo-school-oakwood", "demo-standard-ks3-reading", TODAY.plusYears(2).toString(), null).isNull();
        as("outsider").documentName("rulesInForce").variable("schoolId", "demo-school-oakwood").execute()
                .path("rulesInForce").entityList(Object.class).hasSize(0);
        as("outsider").documentName("standard").variable("id", "demo-standard-ks2-history").execute()
                .path("standard").valueIsNull();
        as("board").documentName("variations").variable("trustId", "demo-trust").variable("status", "APPROVED")
                .execute()
                .path("variations.edges[*].node.id").entityList(String.class)
                .contains("demo-variation-willowbrook-log");
    }

    /** The status of one standard in a school's rules in force, or null when it is not in force then. */
    private org.assertj.core.api.AbstractStringAssert<?> rule(String schoolId, String standardId, String asOf,
                                                             String knownAt) {
        var request = as("board").documentName("rulesInForce").variable("schoolId", schoolId);
        if (asOf != null) {
            request = request.variable("asOf", asOf);
        }
        if (knownAt != null) {
            request = request.variable("knownAt", knownAt);
        }
        List<String> statuses = request.execute()
                .path("rulesInForce[?(@.standard.id == '" + standardId + "')].status").entityList(String.class).get();
        assertThat(statuses).hasSizeLessThanOrEqualTo(1);
        return assertThat(statuses.isEmpty() ? null : statuses.get(0));
    }

    private Map<String, Object> variationInput(String standardId, String dateField) {
        return new HashMap<>(Map.of("schoolId", "demo-school-oakwood", "standardId", standardId, "version", 1,
                "description", "How Oakwood does it", "justification", "Because it suits our pupils",
                dateField, TODAY.plusYears(1).toString()));
    }

    private String adopt(String proposalId, String effectiveFrom) {
        return as("exec").documentName("adoptProposal")
                .variable("input", Map.of("proposalId", proposalId, "effectiveFrom", effectiveFrom)).execute()
                .path("adoptProposal.standard.id").entity(String.class).get();
    }

    /** Drafted by member1, voted through by the Heads of English, closed by their chair. */
    private String ratified(String title, String alignment, String amendsStandard, Integer amendsVersion) {
        Map<String, Object> input = new HashMap<>(Map.of("teamId", "demo-team-english",
                "kind", amendsStandard == null ? "NEW_STANDARD" : "AMEND_STANDARD", "title", title,
                "area", "CURRICULUM", "alignment", alignment, "statement", "Schools do: " + title));
        if (amendsStandard != null) {
            input.put("standardId", amendsStandard);
            input.put("amendsVersion", amendsVersion);
        }
        String id = as("member1").documentName("draftProposal").variable("input", input).execute()
                .path("draftProposal.proposal.id").entity(String.class).get();
        as("chair").documentName("openVoting").variable("input", Map.of("proposalId", id)).execute()
                .path("openVoting.proposal.status").entity(String.class).isEqualTo("VOTING");
        for (String voter : List.of("chair", "member1", "member2")) {
            as(voter).documentName("castVote").variable("input", Map.of("proposalId", id, "choice", "APPROVE"))
                    .execute().path("castVote.proposal.id").hasValue();
        }
        as("chair").documentName("closeVoting").variable("input", Map.of("proposalId", id)).execute()
                .path("closeVoting.proposal.status").entity(String.class).isEqualTo("RATIFIED");
        return id;
    }
}
