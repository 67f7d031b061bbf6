package org.accord.app.standard;

import static org.accord.app.support.GraphQlErrors.expectError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.Test;

/**
 * Applicability over HTTP: what a proposal will apply to, drafted and revised; what each standard version applies to
 * in the backbone; the rules in force of a school across applicability changes and phase changes, on both time axes.
 * Tests that change a school's phase register a school of their own, so the demo's schools stay as the demo has them.
 */
class ApplicabilityGraphQlTest extends AccordHttpTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void theDemoKeyStage2HistoryStandardAppliesToPrimaryAndAllThroughSchoolsOnly() {
        for (String secondary : List.of("demo-school-northfield", "demo-school-riverside")) {
            assertThat(standardsInForce(secondary, null, null)).doesNotContain("demo-standard-ks2-history")
                    .contains("demo-standard-safeguarding-log");
        }
        assertThat(standardsInForce("demo-school-castle-hill", null, null)).contains("demo-standard-ks2-history");
        assertThat(standardsInForce("demo-school-oakwood", null, null)).contains("demo-standard-ks2-history");
        // the amendment named no applicability: version 2 kept version 1's
        as("board").documentName("backboneForSchool").variable("trustId", "demo-trust").execute()
                .path("backbone[?(@.standard.id == 'demo-standard-ks2-history')].number").entityList(Integer.class)
                .containsExactly(2)
                .path("backbone[?(@.standard.id == 'demo-standard-ks2-history')].appliesTo.phases[*]")
                .entityList(String.class).containsExactly("PRIMARY", "ALL_THROUGH")
                .path("backbone[?(@.standard.id == 'demo-standard-safeguarding-log')].appliesTo.everySchool")
                .entityList(Boolean.class).containsExactly(true);
        as("board").documentName("backboneForSchool").variable("trustId", "demo-trust")
                .variable("schoolId", "demo-school-riverside").execute()
                .path("backbone[*].standard.id").entityList(String.class)
                .doesNotContain("demo-standard-ks2-history").contains("demo-standard-safeguarding-log");
    }

    @Test
    void aProposalCarriesWhatItWillApplyToAndARevisionMayChangeIt() {
        Map<String, Object> input = draftInput("Applicability of drama clubs " + unique(), "GUIDANCE");
        input.put("appliesTo", Map.of("phases", List.of("PRIMARY")));
        String id = as("member1").documentName("draftProposalApplicability").variable("input", input).execute()
                .path("draftProposal.proposal.appliesTo.phases").entityList(String.class).containsExactly("PRIMARY")
                .path("draftProposal.proposal.appliesTo.description").entity(String.class)
                .isEqualTo("PRIMARY schools")
                .path("draftProposal.proposal.applicabilityWarnings").entityList(String.class).hasSize(0)
                .path("draftProposal.proposal.id").entity(String.class).get();
        as("chair").documentName("reviseProposalApplicability").variable("input", Map.of("proposalId", id,
                        "appliesTo", Map.of("phases", List.of("SECONDARY", "PRIMARY")), "note", "Secondaries too"))
                .execute()
                .path("reviseProposal.proposal.appliesTo.phases").entityList(String.class)
                .containsExactly("PRIMARY", "SECONDARY")
                .path("reviseProposal.proposal.revisions[*].appliesTo.phases").entityList(Object.class).hasSize(2);
        as("board").documentName("proposalApplicability").variable("id", id).execute()
                .path("proposal.revisions[0].appliesTo.phases").entityList(String.class).containsExactly("PRIMARY");
    }

    @Test
    void aStandardForAPhaseNoSchoolOfTheTrustIsInIsRecordedWithAWarning() {
        long before = storedEvents();
        Map<String, Object> input = draftInput("Applicability in special schools " + unique(), "GUIDANCE");
        input.put("appliesTo", Map.of("phases", List.of("SPECIAL")));
        as("member1").documentName("draftProposalApplicability").variable("input", input).execute()
                .path("draftProposal.proposal.status").entity(String.class).isEqualTo("DRAFT")
                .path("draftProposal.proposal.applicabilityWarnings[0]").entity(String.class)
                .satisfies(w -> assertThat(w).contains("no school of the trust is SPECIAL"));
        assertThat(storedEvents()).isEqualTo(before + 1);

        Map<String, Object> named = draftInput("Applicability of named schools " + unique(), "GUIDANCE");
        named.put("appliesTo", Map.of("phases", List.of("PRIMARY"), "schoolIds", List.of("demo-school-riverside")));
        as("member1").documentName("draftProposalApplicability").variable("input", named).execute()
                .path("draftProposal.proposal.appliesTo.schools[0].id").entity(String.class)
                .isEqualTo("demo-school-riverside")
                .path("draftProposal.proposal.applicabilityWarnings[0]").entity(String.class)
                .satisfies(w -> assertThat(w).contains("Riverside High School").contains("is named but is SECONDARY"));
    }

    @Test
    void applicabilityNamingASchoolOfAnotherTrustAnUnknownClusterOrOnARetirementIsRefusedAndRecordsNothing() {
        long before = storedEvents();
        Map<String, Object> elsewhere = draftInput("Applicability elsewhere", "GUIDANCE");
        elsewhere.put("appliesTo", Map.of("schoolIds", List.of("demo-school-harbour")));
        expectError(as("member1").documentName("draftProposalApplicability").variable("input", elsewhere).execute(),
                "BAD_REQUEST", "applicability names school 'demo-school-harbour', which is not a school of this trust");
        Map<String, Object> cluster = draftInput("Applicability by cluster", "GUIDANCE");
        cluster.put("appliesTo", Map.of("clusterIds", List.of("cluster-north")));
        expectError(as("member1").documentName("draftProposalApplicability").variable("input", cluster).execute(),
                "BAD_REQUEST", "applicability names cluster 'cluster-north', which is not a cluster of this trust");
        Map<String, Object> retire = draftInput("Retire the history sequence", null);
        retire.put("kind", "RETIRE_STANDARD");
        retire.put("standardId", "demo-standard-ks2-history");
        retire.put("appliesTo", Map.of("phases", List.of("PRIMARY")));
        expectError(as("member1").documentName("draftProposalApplicability").variable("input", retire).execute(),
                "BAD_REQUEST", "a RETIRE_STANDARD proposal names no applicability");
        Map<String, Object> phase = draftInput("Applicability in nurseries", "GUIDANCE");
        phase.put("appliesTo", Map.of("phases", List.of("NURSERY")));
        as("member1").documentName("draftProposalApplicability").variable("input", phase).execute()
                .errors().satisfy(errors -> assertThat(errors).hasSize(1)
                        .allSatisfy(e -> assertThat(e.getMessage()).contains("NURSERY")));
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void anAmendmentThatNarrowsApplicabilityTakesTheStandardFromASchoolOnItsEffectiveFromAndNotAsKnownBefore() {
        String school = registerSchool("Applicability High " + unique(), "SECONDARY");
        Map<String, Object> first = draftInput("Applicability of homework " + unique(), "ADAPTABLE");
        first.put("appliesTo", Map.of("phases", List.of("PRIMARY", "SECONDARY")));
        String standard = adopt(ratify(first), TODAY.minusDays(30));
        assertThat(status(school, standard, TODAY, null)).isEqualTo("IMPLEMENTATION_MISSING");
        Instant beforeAmendment = Instant.now();

        Map<String, Object> narrower = draftInput("Applicability of homework, primary only", "ADAPTABLE");
        narrower.put("kind", "AMEND_STANDARD");
        narrower.put("standardId", standard);
        narrower.put("amendsVersion", 1);
        narrower.put("appliesTo", Map.of("phases", List.of("PRIMARY")));
        adopt(ratify(narrower), TODAY.plusDays(10));

        assertThat(status(school, standard, TODAY.plusDays(9), null)).isEqualTo("IMPLEMENTATION_MISSING");
        assertThat(standardsInForce(school, TODAY.plusDays(10), null)).doesNotContain(standard);
        assertThat(status(school, standard, TODAY.plusDays(10), beforeAmendment)).isEqualTo("IMPLEMENTATION_MISSING");
        assertThat(standardsInForce("demo-school-oakwood", TODAY.plusDays(10), null)).contains(standard);
        as("board").documentName("backboneForSchool").variable("trustId", "demo-trust")
                .variable("asOf", TODAY.plusDays(10).toString()).variable("schoolId", school).execute()
                .path("backbone[*].standard.id").entityList(String.class).doesNotContain(standard);
        as("board").documentName("backboneForSchool").variable("trustId", "demo-trust")
                .variable("asOf", TODAY.plusDays(10).toString()).execute()
                .path("backbone[?(@.standard.id == '" + standard + "')].appliesTo.phases[*]")
                .entityList(String.class).containsExactly("PRIMARY");
    }

    @Test
    void aSchoolThatChangesPhaseGetsWhatAppliesToItsNewPhaseFromThatDay() {
        String school = registerSchool("Applicability Academy " + unique(), "SECONDARY");
        LocalDate from = TODAY.plusDays(20);
        assertThat(standardsInForce(school, from, null)).doesNotContain("demo-standard-ks2-history");
        as("exec").documentName("changeSchoolPhase").variable("input", Map.of("schoolId", school,
                        "phase", "ALL_THROUGH", "effectiveFrom", from.toString(), "reason", "A primary phase opens",
                        "clientMutationId", "phase-" + school))
                .execute()
                .path("changeSchoolPhase.clientMutationId").entity(String.class).isEqualTo("phase-" + school)
                .path("changeSchoolPhase.school.phase").entity(String.class).isEqualTo("SECONDARY");
        Instant recorded = Instant.now();

        assertThat(standardsInForce(school, from.minusDays(1), null)).doesNotContain("demo-standard-ks2-history");
        assertThat(status(school, "demo-standard-ks2-history", from, null)).isEqualTo("IMPLEMENTATION_MISSING");
        assertThat(standardsInForce(school, from, recorded.minusSeconds(60)))
                .doesNotContain("demo-standard-ks2-history");

        long before = storedEvents();
        expectError(as("exec").documentName("changeSchoolPhase").variable("input", Map.of("schoolId", school,
                "phase", "SECONDARY", "effectiveFrom", from.minusDays(1).toString())).execute(),
                "BAD_REQUEST", "must be after the school's last phase change");
        expectError(as("exec").documentName("changeSchoolPhase").variable("input", Map.of("schoolId", school,
                "phase", "ALL_THROUGH", "effectiveFrom", from.plusDays(1).toString())).execute(),
                "BAD_REQUEST", "the school is already ALL_THROUGH");
        expectError(as("head").documentName("changeSchoolPhase").variable("input", Map.of("schoolId", school,
                "phase", "PRIMARY", "effectiveFrom", from.plusDays(1).toString())).execute(),
                "FORBIDDEN", "only a trust executive may change a school's phase");
        expectError(as("outsider").documentName("changeSchoolPhase").variable("input", Map.of("schoolId", school,
                "phase", "PRIMARY", "effectiveFrom", from.plusDays(1).toString())).execute(),
                "NOT_FOUND", "unknown school");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aClusterStandardAppliesToASchoolFromTheDayItJoinsTheCluster() {
        String joining = registerSchool("Applicability Cluster Primary " + unique(), "PRIMARY");
        String outside = registerSchool("Applicability Lone Primary " + unique(), "PRIMARY");
        String cluster = as("exec").documentName("formCluster").variable("input", Map.of("trustId", "demo-trust",
                        "name", "Applicability cluster " + unique(), "leadId", "demo-person-head",
                        "effectiveFrom", TODAY.minusDays(10).toString()))
                .execute().path("formCluster.cluster.id").entity(String.class).get();
        LocalDate joins = TODAY.plusDays(15);
        as("exec").documentName("addSchoolToCluster").variable("input", Map.of("clusterId", cluster,
                "schoolId", joining, "effectiveFrom", joins.toString())).execute()
                .path("addSchoolToCluster.cluster.id").entity(String.class).isEqualTo(cluster);
        Instant joinRecorded = Instant.now();

        Map<String, Object> input = draftInput("Applicability of a cluster's forest school " + unique(), "GUIDANCE");
        input.put("appliesTo", Map.of("phases", List.of("PRIMARY"), "clusterIds", List.of(cluster)));
        String standard = adopt(ratify(input), TODAY.minusDays(5));

        assertThat(standardsInForce(joining, TODAY, null)).doesNotContain(standard);
        assertThat(status(joining, standard, joins, null)).isEqualTo("ALIGNED");
        assertThat(standardsInForce(joining, joins, joinRecorded.minusSeconds(120))).doesNotContain(standard);
        assertThat(standardsInForce(outside, joins, null)).doesNotContain(standard);
        assertThat(standardsInForce("demo-school-oakwood", joins, null)).doesNotContain(standard);
        as("board").documentName("backboneForSchool").variable("trustId", "demo-trust")
                .variable("asOf", joins.toString()).variable("schoolId", joining).execute()
                .path("backbone[*].standard.id").entityList(String.class).contains(standard);
        as("board").documentName("backboneForSchool").variable("trustId", "demo-trust").execute()
                .path("backbone[?(@.standard.id == '" + standard + "')].appliesTo.clusterIds[*]")
                .entityList(String.class).containsExactly(cluster);
        as("board").documentName("proposalApplicability").variable("id", proposalOf(standard)).execute()
                .path("proposal.appliesTo.clusters[*].id").entityList(String.class).containsExactly(cluster)
                // the school joins in a fortnight: today the cluster has none, which is said, not refused
                .path("proposal.applicabilityWarnings[0]").entity(String.class)
                .satisfies(w -> assertThat(w).contains("has no schools today"));
    }

    @Test
    void aSchoolCannotVaryFromAStandardThatDoesNotApplyToItAndNothingIsRecorded() {
        long before = storedEvents();
        expectError(as("head").documentName("recordImplementation").variable("input", Map.of(
                        "schoolId", "demo-school-oakwood", "standardId", "demo-standard-ks3-reading", "version", 1,
                        "description", "Class novels in Year 6", "justification", "Our Year 6 reads together",
                        "reviewBy", TODAY.plusYears(1).toString())).execute(),
                "BAD_REQUEST", "applies to SECONDARY and ALL_THROUGH schools, and school 'demo-school-oakwood' is"
                        + " not among them");
        assertThat(storedEvents()).isEqualTo(before);
    }

    private String proposalOf(String standardId) {
        return as("board").documentName("standard").variable("id", standardId).execute()
                .path("standard.versions[0].proposal.id").entity(String.class).get();
    }

    private String registerSchool(String name, String phase) {
        return as("exec").documentName("registerSchool")
                .variable("input", Map.of("trustId", "demo-trust", "name", name, "phase", phase)).execute()
                .path("registerSchool.school.id").entity(String.class).get();
    }

    private List<String> standardsInForce(String schoolId, LocalDate asOf, Instant knownAt) {
        var request = as("board").documentName("rulesInForce").variable("schoolId", schoolId);
        if (asOf != null) {
            request = request.variable("asOf", asOf.toString());
        }
        if (knownAt != null) {
            request = request.variable("knownAt", knownAt.toString());
        }
        return request.execute().path("rulesInForce[*].standard.id").entityList(String.class).get();
    }

    private String status(String schoolId, String standardId, LocalDate asOf, Instant knownAt) {
        var request = as("board").documentName("rulesInForce").variable("schoolId", schoolId)
                .variable("asOf", asOf.toString());
        if (knownAt != null) {
            request = request.variable("knownAt", knownAt.toString());
        }
        List<String> statuses = request.execute()
                .path("rulesInForce[?(@.standard.id == '" + standardId + "')].status").entityList(String.class).get();
        assertThat(statuses).hasSizeLessThanOrEqualTo(1);
        return statuses.isEmpty() ? null : statuses.get(0);
    }

    private static Map<String, Object> draftInput(String title, String alignment) {
        Map<String, Object> input = new HashMap<>(Map.of("teamId", "demo-team-english", "kind", "NEW_STANDARD",
                "title", title, "area", "CURRICULUM", "statement", "Schools do: " + title));
        if (alignment != null) {
            input.put("alignment", alignment);
        }
        return input;
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private String adopt(String proposalId, LocalDate effectiveFrom) {
        return as("exec").documentName("adoptProposal")
                .variable("input", Map.of("proposalId", proposalId, "effectiveFrom", effectiveFrom.toString()))
                .execute().path("adoptProposal.standard.id").entity(String.class).get();
    }

    /** Drafted by member1, voted through by the Heads of English, closed by their chair. */
    private String ratify(Map<String, Object> input) {
        String id = as("member1").documentName("draftProposalApplicability").variable("input", input).execute()
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
