package org.accord.app.attestation;

import static org.accord.app.support.GraphQlErrors.expectError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Attestations, QA findings and the compliance view over HTTP, against the demo trust: Oakwood's head ("head")
 * attests, the executive records findings, the board reads.
 */
class AttestationGraphQlTest extends AccordHttpTest {

    private static final String TRUST = "demo-trust";
    private static final String OAKWOOD = "demo-school-oakwood";
    private static final String MEADOWBANK = "demo-school-meadowbank";
    private static final String LOG = "demo-standard-safeguarding-log";
    private static final String RECORD = "demo-standard-single-central-record";

    private GraphQlTester.Response attest(String account, String schoolId, String standardId, int version,
                                          String statement, String key) {
        Map<String, Object> input = new HashMap<>(Map.of("schoolId", schoolId, "standardId", standardId,
                "version", version, "statement", statement, "evidence", List.of("Log audit", "https://x.example/a")));
        if (key != null) {
            input.put("clientMutationId", key);
        }
        return as(account).documentName("attest").variable("input", input).execute();
    }

    private GraphQlTester.Response compliance(String account, String schoolId, String asOf, String knownAt) {
        Map<String, Object> variables = new HashMap<>(Map.of("trustId", TRUST));
        if (schoolId != null) {
            variables.put("schoolId", schoolId);
        }
        if (asOf != null) {
            variables.put("asOf", asOf);
        }
        if (knownAt != null) {
            variables.put("knownAt", knownAt);
        }
        GraphQlTester.Request<?> request = as(account).documentName("compliance");
        for (Map.Entry<String, Object> v : variables.entrySet()) {
            request = request.variable(v.getKey(), v.getValue());
        }
        return request.execute();
    }

    private String state(String account, String schoolId, String standardId) {
        List<String> states = compliance(account, schoolId, null, null)
                .path("compliance[?(@.standard.id == '" + standardId + "')].state").entityList(String.class).get();
        assertThat(states).hasSize(1);
        return states.get(0);
    }

    @Test
    void theDemoShowsAnAttestationConfirmedOneChallengedAnExceptionAndOneOverdue() {
        compliance("board", OAKWOOD, null, null)
                .path("compliance[?(@.standard.id == '" + LOG + "')].attestation.latestFinding.outcome")
                .entityList(String.class).containsExactly("CONFIRMED");
        assertThat(state("board", OAKWOOD, LOG)).isEqualTo("ATTESTED");
        assertThat(state("board", MEADOWBANK, LOG)).isEqualTo("CHALLENGED");
        compliance("board", MEADOWBANK, null, null)
                .path("compliance[?(@.standard.id == '" + LOG + "')].attestation.latestFinding.actions[*]")
                .entityList(String.class).contains("Train the two new members of staff in same-day logging");
        assertThat(state("board", "demo-school-willowbrook", LOG)).isEqualTo("EXCEPTION_IN_FORCE");
        assertThat(state("board", MEADOWBANK, RECORD)).isEqualTo("OVERDUE");
        assertThat(state("board", OAKWOOD, "demo-standard-send-passport")).isEqualTo("NOT_REQUIRED");
        as("board").documentName("complianceSummary").variable("trustId", TRUST).execute()
                .path("complianceSummary.overdue").entity(Integer.class).satisfies(n -> assertThat(n).isPositive())
                .path("complianceSummary.challenged").entity(Integer.class)
                .satisfies(n -> assertThat(n).isPositive());
    }

    @Test
    void theComplianceViewAnswersAsOfAPastDateAndAsKnownAtAnEarlierMoment() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // before the safeguarding log took effect only the single central record (in force a year back) is listed
        compliance("exec", OAKWOOD, today.minusMonths(11).toString(), null)
                .path("compliance[*].standard.id").entityList(String.class).doesNotContain(LOG).contains(RECORD);
        compliance("exec", OAKWOOD, null, "2020-01-01T00:00:00Z")
                .path("compliance").entityList(Object.class).hasSize(0);
        compliance("exec", null, null, null)
                .path("compliance[?(@.state == 'OVERDUE')].dueBy").entityList(String.class)
                .satisfies(dues -> assertThat(dues).isNotEmpty());
        as("exec").documentName("compliance").variable("trustId", TRUST).variable("states", List.of("CHALLENGED"))
                .execute().path("compliance[*].state").entityList(String.class)
                .satisfies(states -> assertThat(states).isNotEmpty().containsOnly("CHALLENGED"));
    }

    /** The cells of complianceEntries, page after page of {@code first}, as "school|standard|state". */
    private List<String> paged(String account, Map<String, Object> arguments, int first) {
        List<String> cells = new ArrayList<>();
        String after = null;
        for (int pages = 0; pages < 1000; pages++) {
            GraphQlTester.Request<?> request = as(account).documentName("complianceEntries")
                    .variable("trustId", TRUST).variable("first", first).variable("after", after);
            for (Map.Entry<String, Object> a : arguments.entrySet()) {
                request = request.variable(a.getKey(), a.getValue());
            }
            GraphQlTester.Response response = request.execute();
            List<String> schools = response.path("complianceEntries.edges[*].node.school.id")
                    .entityList(String.class).get();
            List<String> standards = response.path("complianceEntries.edges[*].node.standard.id")
                    .entityList(String.class).get();
            List<String> states = response.path("complianceEntries.edges[*].node.state")
                    .entityList(String.class).get();
            assertThat(schools).hasSizeLessThanOrEqualTo(first);
            for (int i = 0; i < schools.size(); i++) {
                cells.add(schools.get(i) + "|" + standards.get(i) + "|" + states.get(i));
            }
            if (!response.path("complianceEntries.pageInfo.hasNextPage").entity(Boolean.class).get()) {
                return cells;
            }
            assertThat(schools).hasSize(first);
            after = response.path("complianceEntries.pageInfo.endCursor").entity(String.class).get();
        }
        throw new AssertionError("more than 1,000 pages");
    }

    private List<String> unpaged(String account, Map<String, Object> arguments) {
        GraphQlTester.Request<?> request = as(account).documentName("compliance").variable("trustId", TRUST);
        for (Map.Entry<String, Object> a : arguments.entrySet()) {
            request = request.variable(a.getKey(), a.getValue());
        }
        GraphQlTester.Response response = request.execute();
        List<String> schools = response.path("compliance[*].school.id").entityList(String.class).get();
        List<String> standards = response.path("compliance[*].standard.id").entityList(String.class).get();
        List<String> states = response.path("compliance[*].state").entityList(String.class).get();
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < schools.size(); i++) {
            cells.add(schools.get(i) + "|" + standards.get(i) + "|" + states.get(i));
        }
        return cells;
    }

    @Test
    void theViewPagedGivesTheSameCellsInTheSameOrderAsTheWholeListForEveryFilterAndDate() {
        String past = LocalDate.now(ZoneOffset.UTC).minusMonths(11).toString();
        for (Map<String, Object> arguments : List.<Map<String, Object>>of(Map.of(),
                Map.of("states", List.of("OVERDUE", "CHALLENGED")), Map.of("schoolId", MEADOWBANK),
                Map.of("asOf", past), Map.of("knownAt", "2020-01-01T00:00:00Z"))) {
            List<String> whole = unpaged("board", arguments);
            for (int first : List.of(1, 3, 500)) {
                assertThat(paged("board", arguments, first)).as(arguments + ", pages of " + first)
                        .containsExactlyElementsOf(whole);
            }
        }
        assertThat(unpaged("board", Map.of())).hasSizeGreaterThan(6);
        assertThat(paged("board", Map.of("states", List.of("CHALLENGED")), 2))
                .isNotEmpty().allMatch(cell -> cell.endsWith("|CHALLENGED"));
    }

    @Test
    void aPageOfMoreThan500OrOfNoneAndACursorOfAnotherListAreRefused() {
        expectError(as("board").documentName("complianceEntries").variable("trustId", TRUST).variable("first", 501)
                .execute(), "BAD_REQUEST", "first must be from 1 to 500");
        expectError(as("board").documentName("complianceEntries").variable("trustId", TRUST).variable("first", 0)
                .execute(), "BAD_REQUEST", "first must be from 1 to 500");
        String requestsCursor = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("requests:3".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        expectError(as("board").documentName("complianceEntries").variable("trustId", TRUST)
                .variable("after", requestsCursor).execute(), "BAD_REQUEST", "after is not a cursor");
        as("outsider").documentName("complianceEntries").variable("trustId", TRUST).execute()
                .path("complianceEntries.edges").entityList(Object.class).hasSize(0)
                .path("complianceEntries.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void theHeadAttestsForTheirSchoolAndARetryWithTheSameKeyRecordsItOnce() {
        String key = "att-" + UUID.randomUUID();
        String id = attest("head", OAKWOOD, RECORD, 1, "Checked again with the governor.", key)
                .path("attest.clientMutationId").entity(String.class).isEqualTo(key)
                .path("attest.attestation.school.id").entity(String.class).isEqualTo(OAKWOOD)
                .path("attest.attestation.version").entity(Integer.class).isEqualTo(1)
                .path("attest.attestation.cadence").entity(String.class).isEqualTo("TERMLY")
                .path("attest.attestation.evidence").entityList(String.class)
                .containsExactly("Log audit", "https://x.example/a")
                .path("attest.attestation.attestedBy.id").entity(String.class).isEqualTo("demo-person-head")
                .path("attest.attestation.id").entity(String.class).get();
        long before = storedEvents();
        attest("head", OAKWOOD, RECORD, 1, "Checked again with the governor.", key)
                .path("attest.attestation.id").entity(String.class).isEqualTo(id);
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(state("head", OAKWOOD, RECORD)).isEqualTo("ATTESTED");
        compliance("head", OAKWOOD, null, null)
                .path("compliance[?(@.standard.id == '" + RECORD + "')].attestation.id").entityList(String.class)
                .containsExactly(id);
    }

    @Test
    void anAttestationForAnotherSchoolIsRefusedAndNothingIsRecorded() {
        long before = storedEvents();
        expectError(attest("head", MEADOWBANK, LOG, 1, "We meet it.", null), "FORBIDDEN",
                "only the headteacher of school 'demo-school-meadowbank' may attest for it");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void anAttestationAgainstAVersionNotInForceIsRefused() {
        long before = storedEvents();
        expectError(attest("head", LOG, 2), "BAD_REQUEST",
                "version 2 of standard 'demo-standard-safeguarding-log' is not in force: version 1 is");
        assertThat(storedEvents()).isEqualTo(before);
    }

    private GraphQlTester.Response attest(String account, String standardId, int version) {
        return attest(account, OAKWOOD, standardId, version, "We meet it.", null);
    }

    @Test
    void anAttestationForAStandardThatAsksForNoneIsRefused() {
        expectError(attest("head", "demo-standard-send-passport", 1), "BAD_REQUEST",
                "asks for no attestation (cadence NONE)");
    }

    @Test
    void anEmptyStatementIsRefused() {
        long before = storedEvents();
        expectError(attest("head", OAKWOOD, LOG, 1, "  ", null), "BAD_REQUEST", "statement must not be blank");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aStandardThatDoesNotApplyToTheSchoolTakesNoAttestationAndTheCadenceIsCarriedFromTheDraft() {
        String proposal = ratify(Map.of("teamId", "demo-team-english", "kind", "NEW_STANDARD",
                "title", "Key Stage 3 oracy " + UUID.randomUUID().toString().substring(0, 8), "area", "CURRICULUM",
                "alignment", "REQUIRED", "statement", "Every Key Stage 3 pupil speaks to the class each week.",
                "appliesTo", Map.of("phases", List.of("SECONDARY")), "attestationCadence", "YEARLY"));
        String standard = as("exec").documentName("adoptProposal")
                .variable("input", Map.of("proposalId", proposal,
                        "effectiveFrom", LocalDate.now(ZoneOffset.UTC).toString()))
                .execute().path("adoptProposal.standard.id").entity(String.class).get();
        as("board").documentName("standardCadence").variable("id", standard).execute()
                .path("standard.versions[0].attestationCadence").entity(String.class).isEqualTo("YEARLY");

        long before = storedEvents();
        expectError(attest("head", standard, 1), "BAD_REQUEST", "does not apply to school 'demo-school-oakwood'");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(state("board", OAKWOOD, standard)).isEqualTo("NOT_APPLICABLE");
        assertThat(state("board", "demo-school-riverside", standard)).isEqualTo("DUE");
    }

    @Test
    void theExecutiveChallengesAnAttestationWithActionsAndNobodyElseMayRecordAFinding() {
        String id = attest("head", OAKWOOD, LOG, 1, "All logged on the day.", null)
                .path("attest.attestation.id").entity(String.class).get();
        String followUp = LocalDate.now(ZoneOffset.UTC).plusWeeks(4).toString();
        Map<String, Object> challenge = Map.of("attestationId", id, "outcome", "CHALLENGED",
                "notes", "Two concerns logged a day late.", "actions", List.of("Re-brief the office staff"),
                "followUpBy", followUp);

        for (String account : List.of("head", "board", "chair")) {
            long before = storedEvents();
            expectError(as(account).documentName("recordQaFinding").variable("input", challenge).execute(),
                    "FORBIDDEN", "only a trust executive may record a quality-assurance finding");
            assertThat(storedEvents()).isEqualTo(before);
        }
        expectError(as("outsider").documentName("recordQaFinding").variable("input", challenge).execute(),
                "NOT_FOUND", "unknown attestation");

        as("exec").documentName("recordQaFinding").variable("input", challenge).execute()
                .path("recordQaFinding.attestation.latestFinding.outcome").entity(String.class)
                .isEqualTo("CHALLENGED")
                .path("recordQaFinding.attestation.latestFinding.actions").entityList(String.class)
                .containsExactly("Re-brief the office staff")
                .path("recordQaFinding.attestation.latestFinding.followUpBy").entity(String.class)
                .isEqualTo(followUp)
                .path("recordQaFinding.attestation.findings[0].recordedBy.id").entity(String.class)
                .isEqualTo("demo-person-exec");
        assertThat(state("board", OAKWOOD, LOG)).isEqualTo("CHALLENGED");

        expectError(as("exec").documentName("recordQaFinding").variable("input", Map.of("attestationId", id,
                "outcome", "CHALLENGED", "actions", List.of("Something"))).execute(), "BAD_REQUEST",
                "a CHALLENGED finding needs a followUpBy date");
        as("exec").documentName("recordQaFinding").variable("input", Map.of("attestationId", id,
                        "outcome", "CONFIRMED", "notes", "Re-visited: all on the day now.")).execute()
                .path("recordQaFinding.attestation.latestFinding.outcome").entity(String.class)
                .isEqualTo("CONFIRMED");
        assertThat(state("board", OAKWOOD, LOG)).isEqualTo("ATTESTED");
    }

    @Test
    void someoneOfAnotherTrustSeesNoComplianceAndNoAttestation() {
        compliance("outsider", null, null, null).path("compliance").entityList(Object.class).hasSize(0);
        as("outsider").documentName("attestation").variable("id", "demo-attestation-oakwood-log").execute()
                .path("attestation").valueIsNull();
        expectError(attest("outsider", OAKWOOD, LOG, 1, "We meet it.", null), "NOT_FOUND", "unknown school");
        as("board").documentName("attestation").variable("id", "demo-attestation-oakwood-log").execute()
                .path("attestation.school.id").entity(String.class).isEqualTo(OAKWOOD)
                .path("attestation.findings[0].outcome").entity(String.class).isEqualTo("CONFIRMED");
    }

    /** Drafted by member1, voted through by the Heads of English, closed by their chair. */
    private String ratify(Map<String, Object> input) {
        String id = as("member1").documentName("draftProposalCadence").variable("input", input).execute()
                .path("draftProposal.proposal.attestationCadence").entity(String.class).isEqualTo("YEARLY")
                .path("draftProposal.proposal.revisions[0].attestationCadence").entity(String.class)
                .isEqualTo("YEARLY")
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
