package org.accord.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/authorisation.md as a table: every mutation × every demo account. "ok" means the request got past
 * authorisation (it may still be refused for the state it meets, as BAD_REQUEST or CONFLICT); "F" means FORBIDDEN
 * (a person of the trust without the right); "N" means NOT_FOUND (a person of another trust, who must not learn
 * that the target exists). Reads are checked the same way: everyone of the trust sees, the outsider sees nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixTest extends AccordHttpTest {

    private static final List<String> ACCOUNTS = List.of("exec", "board", "chair", "member1", "member2", "member3",
            "head", "outsider");
    private static final String FUTURE = LocalDate.now(ZoneOffset.UTC).plusMonths(6).toString();
    /** Days no test opens a vote on, for period delegations that must reach no proposal. */
    private static final String LATER = LocalDate.now(ZoneOffset.UTC).plusDays(300).toString();
    private static final String LATEST = LocalDate.now(ZoneOffset.UTC).plusDays(301).toString();

    /** Targets made for this test, so that what it changes is its own. */
    private final Map<String, String> ids = new HashMap<>();

    @BeforeAll
    void targets() {
        ids.put("draft", draft("member2", "Matrix draft"));
        ids.put("toOpen", draft("member2", "Matrix to open"));
        ids.put("toWithdraw", draft("member2", "Matrix to withdraw"));
        String toClose = draft("member2", "Matrix to close");
        mutate("chair", "mutation { openVoting(input: {proposalId: \"" + toClose + "\"}) { proposal { id } } }");
        ids.put("toClose", toClose);
        String toDelegate = draft("member2", "Matrix to delegate on");
        mutate("chair", "mutation { openVoting(input: {proposalId: \"" + toDelegate + "\"}) { proposal { id } } }");
        ids.put("toDelegate", toDelegate);
        ids.put("period", field(mutate("member1", "mutation { delegateVote(input: {teamId: \"demo-team-english\","
                + " delegateId: \"demo-person-member2\", from: \"" + LATER + "\", to: \"" + LATER
                + "\"}) { delegation { id } } }"), "delegateVote.delegation.id"));
        String ratified = draft("member1", "Matrix standard");
        mutate("chair", "mutation { openVoting(input: {proposalId: \"" + ratified + "\"}) { proposal { id } } }");
        for (String voter : List.of("chair", "member1", "member2")) {
            mutate(voter, "mutation { castVote(input: {proposalId: \"" + ratified
                    + "\", choice: APPROVE}) { proposal { id } } }");
        }
        mutate("chair", "mutation { closeVoting(input: {proposalId: \"" + ratified + "\"}) { proposal { id } } }");
        String standard = field(mutate("exec", "mutation { adoptProposal(input: {proposalId: \"" + ratified
                + "\", effectiveFrom: \"2026-09-01\"}) { standard { id } } }"), "adoptProposal.standard.id");
        ids.put("standard", standard);
        ids.put("variation", field(mutate("head", "mutation { recordImplementation(input: {schoolId:"
                + " \"demo-school-oakwood\", standardId: \"" + standard + "\", version: 1, description: \"ours\","
                + " justification: \"because\"}) { variation { id } } }"), "recordImplementation.variation.id"));
        ids.put("phaseSchool", field(mutate("exec", "mutation { registerSchool(input: {trustId: \"demo-trust\","
                + " name: \"Matrix phase school\", phase: SECONDARY}) { school { id } } }"), "registerSchool.school.id"));
        ids.put("person", field(mutate("exec", "mutation { registerPerson(input: {trustId: \"demo-trust\","
                + " displayName: \"Matrix Person\", roles: [STAFF], schoolId: \"demo-school-riverside\"})"
                + " { person { id } } }"), "registerPerson.person.id"));
        ids.put("cluster", field(mutate("exec", "mutation { formCluster(input: {trustId: \"demo-trust\", name:"
                + " \"Matrix cluster\", leadId: \"demo-person-head\"}) { cluster { id } } }"),
                "formCluster.cluster.id"));
        ids.put("request", raise("Matrix request to support", "CURRICULUM", false));
        ids.put("requestToTakeUp", raise("Matrix request to take up", "CURRICULUM", false));
        ids.put("requestToDecline", raise("Matrix request to decline", "ASSESSMENT", false));
        ids.put("requestToExecutive", raise("Matrix request to the executive", "ESTATES", true));
        // a school of the matrix's own, in no cluster: the executive's requests meet states that refuse them
        // Oakwood (head, member3) reviews Riverside (member1): chair and member2 are of neither school
        String review = field(mutate("head", "mutation { recordPeerReview(input: {trustId: \"demo-trust\","
                + " reviewedSchoolId: \"demo-school-riverside\", reviewingSchoolId: \"demo-school-oakwood\", areas:"
                + " [SEND], reviewedOn: \"" + LocalDate.now(ZoneOffset.UTC).minusDays(1) + "\"}) { peerReview { id } } }"),
                "recordPeerReview.peerReview.id");
        ids.put("peerReview", review);
        ids.put("school", field(mutate("exec", "mutation { registerSchool(input: {trustId: \"demo-trust\", name:"
                + " \"Matrix cluster school\", phase: PRIMARY}) { school { id } } }"), "registerSchool.school.id"));
    }

    Stream<Arguments> mutations() {
        return Stream.of(
                row("registerSchool", "ok F F F F F F N", "mutation { registerSchool(input: {trustId: \"demo-trust\","
                        + " name: \"Matrix %s\", phase: PRIMARY}) { school { id } } }"),
                row("registerPerson", "ok F F F F F F N", "mutation { registerPerson(input: {trustId: \"demo-trust\","
                        + " displayName: \"Someone %s\", roles: [STAFF], schoolId: \"demo-school-riverside\"})"
                        + " { person { id } } }"),
                row("formTeam", "ok F F F F F F N", "mutation { formTeam(input: {trustId: \"demo-trust\", name:"
                        + " \"Matrix team %s\", remit: [SEND], chairId: \"demo-person-member1\", memberIds:"
                        + " [\"demo-person-member2\"], decisionRule: {mode: MAJORITY, quorum: 0.5, threshold: 0.5,"
                        + " votingWindowHours: 24}}) { team { id } } }"),
                row("addTeamMember", "ok F F F F F F N", "mutation { addTeamMember(input: {teamId: \"demo-team-send\","
                        + " personId: \"demo-person-member3\"}) { team { id } } }"),
                row("removeTeamMember", "ok F F F F F F N", "mutation { removeTeamMember(input: {teamId:"
                        + " \"demo-team-send\", personId: \"demo-person-member3\"}) { team { id } } }"),
                row("draftProposal", "F F ok ok ok ok F N", "mutation { draftProposal(input: {teamId:"
                        + " \"demo-team-english\", kind: NEW_STANDARD, title: \"By %s\", area: CURRICULUM,"
                        + " alignment: GUIDANCE, statement: \"s\"}) { proposal { id } } }"),
                row("reviseProposal", "F F ok ok ok ok F N", "mutation { reviseProposal(input: {proposalId:"
                        + " \"{draft}\", title: \"Revised by %s\"}) { proposal { id } } }"),
                row("openVoting", "F F ok F F F F N", "mutation { openVoting(input: {proposalId: \"{toOpen}\"})"
                        + " { proposal { id } } }"),
                row("castVote", "F F ok ok ok ok F N", "mutation { castVote(input: {proposalId:"
                        + " \"demo-proposal-library-lesson\", choice: ABSTAIN}) { proposal { id } } }"),
                row("recuse", "F F ok ok ok ok F N", "mutation { recuse(input: {proposalId: \"{toClose}\", interest:"
                        + " \"matrix\"}) { proposal { id } } }"),
                // the chair delegating to themselves is refused as BAD_REQUEST: past authorisation, so "ok"
                row("delegateVote (proposal)", "F F ok ok ok ok F N", "mutation { delegateVote(input: {proposalId:"
                        + " \"{toDelegate}\", delegateId: \"demo-person-chair\"}) { delegation { id } } }"),
                row("delegateVote (period)", "F F ok ok ok ok F N", "mutation { delegateVote(input: {teamId:"
                        + " \"demo-team-english\", delegateId: \"demo-person-chair\", from: \"" + LATEST
                        + "\", to: \"" + LATEST + "\"}) { delegation { id } } }"),
                row("revokeDelegation (proposal)", "F F ok ok ok ok F N", "mutation { revokeDelegation(input:"
                        + " {proposalId: \"{toDelegate}\"}) { delegation { id } } }"),
                row("revokeDelegation (period)", "F F F ok F F F N", "mutation { revokeDelegation(input: {teamId:"
                        + " \"demo-team-english\", delegationId: \"{period}\"}) { delegation { id } } }"),
                row("closeVoting", "F F ok F F F F N", "mutation { closeVoting(input: {proposalId: \"{toClose}\"})"
                        + " { proposal { id } } }"),
                row("withdrawProposal", "F F ok F ok F F N", "mutation { withdrawProposal(input: {proposalId:"
                        + " \"{toWithdraw}\", reason: \"matrix\"}) { proposal { id } } }"),
                row("adoptProposal", "ok F F F F F F N", "mutation { adoptProposal(input: {proposalId:"
                        + " \"demo-proposal-y9-calendar\"}) { standard { id } } }"),
                row("declineAdoption", "ok F F F F F F N", "mutation { declineAdoption(input: {proposalId:"
                        + " \"demo-proposal-y9-calendar\", reason: \"matrix\"}) { proposal { id } } }"),
                row("recordImplementation", "F F F F F F ok N", "mutation { recordImplementation(input: {schoolId:"
                        + " \"demo-school-oakwood\", standardId: \"{standard}\", version: 1, description: \"d\","
                        + " justification: \"j\"}) { variation { id } } }"),
                row("requestException", "F F F F F F ok N", "mutation { requestException(input: {schoolId:"
                        + " \"demo-school-oakwood\", standardId: \"demo-standard-safeguarding-log\", version: 1,"
                        + " description: \"d\", justification: \"j\", expiresOn: \"" + FUTURE + "\"})"
                        + " { variation { id } } }"),
                row("approveException", "ok F F F F F F N", "mutation { approveException(input: {variationId:"
                        + " \"demo-variation-willowbrook-log\"}) { variation { id } } }"),
                row("declineException", "ok F F F F F F N", "mutation { declineException(input: {variationId:"
                        + " \"demo-variation-willowbrook-log\", reason: \"matrix\"}) { variation { id } } }"),
                row("reaffirmVariation", "F F F F F F ok N", "mutation { reaffirmVariation(input: {variationId:"
                        + " \"{variation}\", version: 1, justification: \"still ours\"}) { variation { id } } }"),
                // Meadowbank's: no demo account is its headteacher, and Oakwood's head may not touch it
                row("withdrawVariation", "F F F F F F F N", "mutation { withdrawVariation(input: {variationId:"
                        + " \"demo-variation-meadowbank-history\", reason: \"matrix\"}) { variation { id } } }"),
                row("revokeVariation", "ok F F F F F F N", "mutation { revokeVariation(input: {variationId:"
                        + " \"{variation}\", reason: \"matrix\"}) { variation { id } } }"),
                row("changeSchoolPhase", "ok F F F F F F N", "mutation { changeSchoolPhase(input: {schoolId:"
                        + " \"{phaseSchool}\", phase: ALL_THROUGH, effectiveFrom: \"" + FUTURE + "\"})"
                        + " { school { id } } }"),
                row("formCluster", "ok F F F F F F N", "mutation { formCluster(input: {trustId: \"demo-trust\","
                        + " name: \"Matrix cluster %s\", leadId: \"demo-person-head\"}) { cluster { id } } }"),
                row("nameClusterLead", "ok F F F F F F N", "mutation { nameClusterLead(input: {clusterId:"
                        + " \"{cluster}\", leadId: \"demo-person-head\"}) { cluster { id } } }"),
                row("addSchoolToCluster", "ok F F F F F F N", "mutation { addSchoolToCluster(input: {clusterId:"
                        + " \"{cluster}\", schoolId: \"demo-school-oakwood\"}) { cluster { id } } }"),
                row("moveSchoolToCluster", "ok F F F F F F N", "mutation { moveSchoolToCluster(input: {clusterId:"
                        + " \"{cluster}\", schoolId: \"{school}\"}) { cluster { id } } }"),
                row("removeSchoolFromCluster", "ok F F F F F F N", "mutation { removeSchoolFromCluster(input:"
                        + " {schoolId: \"{school}\"}) { school { id } } }"),
                // a blank rationale: past authorisation, the executive's request is refused and changes nothing
                row("changeDecisionRights", "ok F F F F F F N", "mutation { changeDecisionRights(input: {trustId:"
                        + " \"demo-trust\", rationale: \" \", rights: [{area: SEND, level: CLUSTER}]})"
                        + " { decisionRightsMap { version } } }"),
                row("raiseRequest", "F F ok ok ok ok ok N", "mutation { raiseRequest(input: {trustId: \"demo-trust\","
                        + " area: CURRICULUM, title: \"Request by %s\", reason: \"r\"}) { request { id } } }"),
                // Oakwood's head raised it: the head and member3 (Oakwood) are refused as BAD_REQUEST, past authorisation
                row("supportRequest", "F F ok ok ok ok ok N", "mutation { supportRequest(input: {requestId:"
                        + " \"{request}\", reason: \"r\"}) { request { id } } }"),
                row("takeUpRequest", "F F ok ok ok ok F N", "mutation { takeUpRequest(input: {requestId:"
                        + " \"{requestToTakeUp}\", teamId: \"demo-team-english\", alignment: GUIDANCE, statement:"
                        + " \"s\"}) { request { id } } }"),
                row("declineRequest", "F F ok ok ok ok F N", "mutation { declineRequest(input: {requestId:"
                        + " \"{requestToDecline}\", reason: \"r\"}) { request { id } } }"),
                row("declineRequest (routed to the executive)", "ok F F F F F F N", "mutation { declineRequest(input:"
                        + " {requestId: \"{requestToExecutive}\", reason: \"r\"}) { request { id } } }"),
                row("attest", "F F F F F F ok N", "mutation { attest(input: {schoolId: \"demo-school-oakwood\","
                        + " standardId: \"demo-standard-single-central-record\", version: 1, statement: \"s\"})"
                        + " { attestation { id } } }"),
                row("recordQaFinding", "ok F F F F F F N", "mutation { recordQaFinding(input: {attestationId:"
                        + " \"demo-attestation-oakwood-record\", outcome: CONFIRMED}) { attestation { id } } }"),
                // reviews that act: reaffirming is for whoever adopts for the standard's scope
                row("reaffirmStandard", "ok F F F F F F N", "mutation { reaffirmStandard(input: {standardId:"
                        + " \"{standard}\", rationale: \"still right\", nextReviewBy: \"" + FUTURE + "\"})"
                        + " { standard { id } } }"),
                row("reaffirmStandard (cluster standard: its lead)", "F F F F F F ok N", "mutation {"
                        + " reaffirmStandard(input: {standardId: \"demo-standard-send-adaptive-teaching\", rationale:"
                        + " \"still right\", nextReviewBy: \"" + FUTURE + "\"}) { standard { id } } }"),
                row("raiseReviewProposal", "F F ok ok ok ok F N", "mutation { raiseReviewProposal(input: {standardId:"
                        + " \"{standard}\", teamId: \"demo-team-english\", kind: AMEND_STANDARD, statement:"
                        + " \"Amended by %s\"}) { proposal { id } } }"),
                // peer review: someone of the trust who may not read the review (of neither school) meets NOT_FOUND
                row("recordPeerReview", "ok F F F F F ok N", "mutation { recordPeerReview(input: {trustId:"
                        + " \"demo-trust\", reviewedSchoolId: \"demo-school-riverside\", reviewingSchoolId:"
                        + " \"demo-school-oakwood\", areas: [SEND], reviewedOn: \"2026-01-05\"}) { peerReview { id } } }"),
                row("addPeerReviewFinding", "ok F N F N ok ok N", "mutation { addPeerReviewFinding(input:"
                        + " {peerReviewId: \"{peerReview}\", area: SEND, kind: STRENGTH, text: \"By %s\"})"
                        + " { peerReview { id } } }"),
                row("agreePeerReviewAction", "ok F N F N ok ok N", "mutation { agreePeerReviewAction(input:"
                        + " {peerReviewId: \"{peerReview}\", action: \"By %s\", dueBy: \"" + FUTURE + "\"})"
                        + " { peerReview { id } } }"),
                // a notification is its person's alone: to everyone else it is unknown, as if it did not exist
                row("markNotificationsRead (member1's)", "N N N ok N N N N", "mutation { markNotificationsRead(input:"
                        + " {notificationIds: [\"vote_opened:{toClose}:demo-person-member1\"]}) { unreadCount } }"),
                row("markNotificationsRead (all of one's own)", "ok ok ok ok ok ok ok ok", "mutation {"
                        + " markNotificationsRead(input: {all: true}) { unreadCount } }"),
                row("setEmailAddress (member1's)", "ok F F ok F F F N", "mutation { setEmailAddress(input: {personId:"
                        + " \"demo-person-member1\", email: \"member1@riverside.example\"}) { person { id } } }"),
                row("erasePerson", "ok F F F F F F N", "mutation { erasePerson(input: {personId: \"{person}\"})"
                        + " { person { id } } }"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void eachAccountMayDoOnlyWhatItsRoleAllows(String operation, String expected, String document) {
        String[] outcomes = expected.split(" ");
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS.size(); i++) {
            String account = ACCOUNTS.get(i);
            String answer = post(account, document.replace("%s", account + System.nanoTime()));
            String got = outcome(answer);
            String want = outcomes[i].equals("ok") ? "ok" : outcomes[i].equals("F") ? "FORBIDDEN" : "NOT_FOUND";
            if (!got.equals(want)) {
                wrong.add(account + ": expected " + want + ", got " + got + " " + answer);
            }
        }
        assertThat(wrong).as(operation).isEmpty();
    }

    @Test
    void everyoneOfTheTrustReadsItsRecordAndTheOutsiderSeesNothing() {
        Map<String, String> reads = new LinkedHashMap<>();
        reads.put("{ trust(id: \"demo-trust\") { id } }", "\"trust\":{");
        reads.put("{ school(id: \"demo-school-oakwood\") { id } }", "\"school\":{");
        reads.put("{ team(id: \"demo-team-english\") { id } }", "\"team\":{");
        reads.put("{ proposal(id: \"demo-proposal-ks3-reading\") { id } }", "\"proposal\":{");
        reads.put("{ standard(id: \"demo-standard-ks2-history\") { id } }", "\"standard\":{");
        reads.put("{ variation(id: \"demo-variation-oakwood-history\") { id } }", "\"variation\":{");
        reads.put("{ proposals(trustId: \"demo-trust\") { edges { cursor } } }", "\"cursor\"");
        reads.put("{ variations(trustId: \"demo-trust\") { edges { cursor } } }", "\"cursor\"");
        reads.put("{ decisionLog(trustId: \"demo-trust\") { edges { cursor } } }", "\"cursor\"");
        reads.put("{ verifyDecisionLog(trustId: \"demo-trust\") { intact } }", "\"intact\"");
        reads.put("{ rulesInForce(schoolId: \"demo-school-oakwood\") { status } }", "\"status\"");
        reads.put("{ backbone(trustId: \"demo-trust\") { number } }", "\"number\"");
        reads.put("{ variationMap(trustId: \"demo-trust\") { columns { standardId } } }", "\"standardId\"");
        reads.put("{ cluster(id: \"demo-cluster-town\") { id } }", "\"cluster\":{");
        reads.put("{ trust(id: \"demo-trust\") { decisionRights { version } } }", "\"version\"");
        reads.put("{ whoDecides(schoolId: \"demo-school-oakwood\", area: SEND) { level } }", "\"level\"");
        reads.put("{ school(id: \"demo-school-oakwood\") { cluster { id } } }", "\"cluster\":{");
        reads.put("{ request(id: \"{request}\") { id } }", "\"request\":{");
        reads.put("{ requests(trustId: \"demo-trust\") { edges { cursor } } }", "\"cursor\"");
        reads.put("{ compliance(trustId: \"demo-trust\") { state } }", "\"state\"");
        reads.put("{ complianceGrid(trustId: \"demo-trust\") { rows { states } } }", "\"states\"");
        reads.put("{ complianceEntries(trustId: \"demo-trust\") { edges { cursor } } }", "\"cursor\"");
        reads.put("{ attestation(id: \"demo-attestation-oakwood-log\") { id } }", "\"attestation\":{");
        reads.put("{ reviewsDue(trustId: \"demo-trust\") { until } }", "\"until\"");
        reads.put("{ standard(id: \"demo-standard-safeguarding-log\") { reviews { outcome } } }", "\"outcome\"");
        List<String> wrong = new ArrayList<>();
        reads.forEach((query, seen) -> ACCOUNTS.forEach(account -> {
            String answer = post(account, query);
            boolean sees = answer.contains(seen);
            if (sees == account.equals("outsider") || answer.contains("\"errors\"")) {
                wrong.add(account + " " + query + " -> " + answer);
            }
        }));
        assertThat(wrong).isEmpty();
    }

    @Test
    void aPeerReviewIsReadByTheTwoSchoolsAndTheTrustsLeadershipOnly() {
        List<String> readers = List.of("exec", "board", "member1", "member3", "head");
        List<String> wrong = new ArrayList<>();
        for (String account : ACCOUNTS) {
            String answer = post(account, "{ peerReview(id: \"{peerReview}\") { id } }");
            boolean sees = answer.contains("\"peerReview\":{");
            if (sees != readers.contains(account) || answer.contains("\"errors\"")) {
                wrong.add(account + " -> " + answer);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyoneReadsTheirOwnInboxAndNobodyElses() {
        List<String> wrong = new ArrayList<>();
        for (String account : ACCOUNTS) {
            String answer = post(account, "{ inbox(first: 100) { totalCount edges { node { id } } } }");
            java.util.regex.Matcher ids = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(answer);
            while (ids.find()) {
                if (!ids.group(1).endsWith(":demo-person-" + account)) {
                    wrong.add(account + " sees " + ids.group(1));
                }
            }
            if (answer.contains("\"errors\"")) {
                wrong.add(account + " -> " + answer);
            }
        }
        // the voters on the matrix's open votes have notifications: the check above had something to look at
        assertThat(post("member1", "{ inbox(first: 100) { edges { node { id } } } }"))
                .contains("vote_opened:" + ids.get("toClose") + ":demo-person-member1");
        assertThat(wrong).isEmpty();
    }

    /** "ok" unless the request was refused for who the caller is. */
    private static String outcome(String answer) {
        for (String refusal : List.of("FORBIDDEN", "NOT_FOUND", "UNAUTHORIZED", "INTERNAL_ERROR")) {
            if (answer.contains("\"classification\":\"" + refusal + "\"")) {
                return refusal;
            }
        }
        return "ok";
    }

    private static Arguments row(String operation, String expected, String document) {
        return Arguments.of(operation, expected, document);
    }

    private String post(String account, String document) {
        String resolved = document;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            resolved = resolved.replace("{" + id.getKey() + "}", id.getValue());
        }
        try {
            return org.accord.app.support.Http.graphql(port, account, resolved);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String mutate(String account, String document) {
        String answer = post(account, document);
        assertThat(answer).as(document).doesNotContain("\"errors\"");
        return answer;
    }

    private String draft(String account, String title) {
        return field(mutate(account, "mutation { draftProposal(input: {teamId: \"demo-team-english\", kind:"
                + " NEW_STANDARD, title: \"" + title + "\", area: CURRICULUM, alignment: ADAPTABLE, statement:"
                + " \"s\"}) { proposal { id } } }"), "draftProposal.proposal.id");
    }

    private String raise(String title, String area, boolean toExecutive) {
        return field(mutate("head", "mutation { raiseRequest(input: {trustId: \"demo-trust\", area: " + area
                + ", title: \"" + title + "\", reason: \"matrix\", routeToExecutive: " + toExecutive
                + "}) { request { id } } }"), "raiseRequest.request.id");
    }

    private static String field(String answer, String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + last + "\":\"([^\"]+)\"").matcher(answer);
        assertThat(m.find()).as(answer).isTrue();
        return m.group(1);
    }
}
