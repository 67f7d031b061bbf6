package org.accord.app.peerreview;

import static org.accord.app.support.GraphQlErrors.expectError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.Test;

/**
 * Peer review as a client meets it. Oakwood ({@code head}, {@code member3}) reviews Riverside ({@code member1}); the
 * chair (Northfield) and member2 (Castle Hill) are of the trust but of neither school.
 */
class PeerReviewGraphQlTest extends AccordHttpTest {

    private static final String TRUST = "demo-trust";
    private static final String OAKWOOD = "demo-school-oakwood";
    private static final String RIVERSIDE = "demo-school-riverside";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private String record(String clientMutationId) {
        Map<String, Object> input = new HashMap<>(Map.of("trustId", TRUST, "reviewedSchoolId", RIVERSIDE,
                "reviewingSchoolId", OAKWOOD, "areas", List.of("CURRICULUM", "SEND"),
                "reviewedOn", TODAY.minusDays(3).toString()));
        if (clientMutationId != null) {
            input.put("clientMutationId", clientMutationId);
        }
        return as("head").documentName("recordPeerReview").variable("input", input).execute()
                .path("recordPeerReview.peerReview.id").entity(String.class).get();
    }

    private String finding(String reviewId, String text) {
        return as("member3").documentName("addPeerReviewFinding")
                .variable("input", Map.of("peerReviewId", reviewId, "area", "CURRICULUM",
                        "kind", "AREA_FOR_DEVELOPMENT", "text", text))
                .execute()
                .path("addPeerReviewFinding.peerReview.findings[-1:].id").entityList(String.class).get().get(0);
    }

    @Test
    void theReviewingHeadRecordsAReviewSeenByTheTwoSchoolsAndTheTrustsLeadershipOnly() {
        String id = as("head").documentName("recordPeerReview")
                .variable("input", Map.of("clientMutationId", "peer-1", "trustId", TRUST,
                        "reviewedSchoolId", RIVERSIDE, "reviewingSchoolId", OAKWOOD,
                        "areas", List.of("CURRICULUM", "SEND"), "reviewedOn", TODAY.minusDays(3).toString()))
                .execute()
                .path("recordPeerReview.clientMutationId").entity(String.class).isEqualTo("peer-1")
                .path("recordPeerReview.peerReview.reviewedSchool.id").entity(String.class).isEqualTo(RIVERSIDE)
                .path("recordPeerReview.peerReview.reviewingSchool.id").entity(String.class).isEqualTo(OAKWOOD)
                .path("recordPeerReview.peerReview.areas").entityList(String.class).containsExactly("CURRICULUM", "SEND")
                .path("recordPeerReview.peerReview.recordedBy.id").entity(String.class).isEqualTo("demo-person-head")
                .path("recordPeerReview.peerReview.id").entity(String.class).get();
        finding(id, "Reading records are not passed on at transition.");
        for (String reader : List.of("head", "member3", "member1", "exec", "board")) {
            as(reader).documentName("peerReview").variable("id", id).execute()
                    .path("peerReview.findings[0].text").entity(String.class)
                    .isEqualTo("Reading records are not passed on at transition.");
        }
        for (String other : List.of("chair", "member2", "outsider")) {
            as(other).documentName("peerReview").variable("id", id).execute().path("peerReview").valueIsNull();
        }
        as("board").documentName("peerReviews").variable("trustId", TRUST).variable("first", 100).execute()
                .path("peerReviews.edges[*].node.id").entityList(String.class).contains(id);
        as("member1").documentName("peerReviews").variable("trustId", TRUST).variable("first", 100).execute()
                .path("peerReviews.edges[*].node.id").entityList(String.class).contains(id);
        as("member2").documentName("peerReviews").variable("trustId", TRUST).variable("first", 100).execute()
                .path("peerReviews.edges[*].node.id").entityList(String.class).doesNotContain(id);
        as("member2").documentName("peerReviews").variable("trustId", TRUST).variable("schoolId", RIVERSIDE)
                .execute()
                .path("peerReviews.edges[*].node.id").entityList(String.class).doesNotContain(id);
        as("outsider").documentName("peerReviews").variable("trustId", TRUST).execute()
                .path("peerReviews.edges").entityList(Object.class).hasSize(0);
    }

    @Test
    void theLogWhichTheWholeTrustReadsSaysAReviewHappenedButNotWhatItFound() {
        String id = record(null);
        finding(id, "Phonics groups are regrouped too rarely.");
        as("chair").documentName("decisionLog").variable("trustId", TRUST)
                .variable("filter", Map.of("subjectId", id)).execute()
                .path("decisionLog.edges[*].node.summary").entityList(String.class)
                .satisfies(lines -> {
                    assertThat(lines).anySatisfy(l -> assertThat(l)
                            .startsWith("School 'Riverside").contains("was peer-reviewed by school 'Oakwood"));
                    assertThat(lines).anySatisfy(l -> assertThat(l)
                            .startsWith("A finding (AREA_FOR_DEVELOPMENT) was recorded in the peer review of"));
                    assertThat(String.join(" ", lines)).doesNotContain("Phonics");
                })
                .path("decisionLog.edges[*].node.rationale").entityList(String.class)
                .satisfies(r -> assertThat(r).allSatisfy(x -> assertThat(x).isNull()));
    }

    @Test
    void actionsAreAgreedFollowedUpAndCountedForTheBoard() {
        String id = record(null);
        String findingId = finding(id, "Year 6 writing moderation is done alone.");
        String actionId = as("head").documentName("agreePeerReviewAction")
                .variable("input", Map.of("clientMutationId", "act-1", "peerReviewId", id, "findingId", findingId,
                        "action", "Moderate Year 6 writing with Oakwood each term.",
                        "dueBy", TODAY.plusMonths(2).toString()))
                .execute()
                .path("agreePeerReviewAction.peerReview.actions[0].progress").entity(String.class)
                .isEqualTo("NOT_STARTED")
                .path("agreePeerReviewAction.peerReview.actions[0].overdue").entity(Boolean.class).isEqualTo(false)
                .path("agreePeerReviewAction.peerReview.actions[0].findingId").entity(String.class).isEqualTo(findingId)
                .path("agreePeerReviewAction.peerReview.actions[0].id").entity(String.class).get();
        as("head").documentName("followUpPeerReviewAction")
                .variable("input", Map.of("peerReviewId", id, "actionId", actionId, "progress", "COMPLETED",
                        "note", "Moderated together in March."))
                .execute()
                .path("followUpPeerReviewAction.peerReview.actions[0].progress").entity(String.class)
                .isEqualTo("COMPLETED")
                .path("followUpPeerReviewAction.peerReview.actions[0].followUps[0].by.id").entity(String.class)
                .isEqualTo("demo-person-head");

        long before = storedEvents();
        expectError(as("head").documentName("followUpPeerReviewAction")
                .variable("input", Map.of("peerReviewId", id, "actionId", actionId, "progress", "IN_PROGRESS",
                        "note", "Again")).execute(), "CONFLICT", "the action is COMPLETED");
        expectError(as("member1").documentName("agreePeerReviewAction")
                .variable("input", Map.of("peerReviewId", id, "action", "Something", "dueBy",
                        TODAY.plusMonths(1).toString())).execute(),
                "FORBIDDEN", "only the reviewers, the reviewed school's headteacher or a trust executive");
        expectError(as("chair").documentName("agreePeerReviewAction")
                .variable("input", Map.of("peerReviewId", id, "action", "Something", "dueBy",
                        TODAY.plusMonths(1).toString())).execute(),
                "NOT_FOUND", "unknown peer review '" + id + "'");
        expectError(as("head").documentName("agreePeerReviewAction")
                .variable("input", Map.of("peerReviewId", id, "action", "Something", "dueBy",
                        TODAY.minusDays(1).toString())).execute(),
                "BAD_REQUEST", "dueBy must be in the future");
        assertThat(storedEvents()).isEqualTo(before);

        as("member2").documentName("peerReviewSummary").variable("id", TRUST).execute()
                .path("trust.peerReviewSummary.reviews").entity(Integer.class).satisfies(n -> assertThat(n).isPositive())
                .path("trust.peerReviewSummary.actionsCompleted").entity(Integer.class)
                .satisfies(n -> assertThat(n).isPositive())
                .path("trust.peerReviewSummary.areasForDevelopment").entity(Integer.class)
                .satisfies(n -> assertThat(n).isPositive());
    }

    @Test
    void aFindingBecomesARequestForStandardisationAndIsNotedAgainstAStandard() {
        String id = record(null);
        String findingId = finding(id, "Each school sequences Key Stage 2 history differently.");
        as("member3").documentName("raiseRequestFromFinding")
                .variable("input", Map.of("clientMutationId", "raise-1", "peerReviewId", id,
                        "findingId", findingId, "title", "One history sequence across our primaries"))
                .execute()
                .path("raiseRequestFromFinding.request.status").entity(String.class).isEqualTo("OPEN")
                .path("raiseRequestFromFinding.request.area").entity(String.class).isEqualTo("CURRICULUM")
                .path("raiseRequestFromFinding.request.reason").entity(String.class)
                .isEqualTo("Each school sequences Key Stage 2 history differently.")
                // other tests form teams too: the demo's own CURRICULUM team is among those routed to
                .path("raiseRequestFromFinding.request.routedTo[*].id").entityList(String.class)
                .contains("demo-team-english")
                .path("raiseRequestFromFinding.peerReview.findings[0].request.id").hasValue();
        long before = storedEvents();
        expectError(as("member3").documentName("raiseRequestFromFinding")
                .variable("input", Map.of("peerReviewId", id, "findingId", findingId, "title", "Again")).execute(),
                "CONFLICT", "the finding was already raised as a request");
        assertThat(storedEvents()).isEqualTo(before);

        as("head").documentName("noteFindingAgainstStandard")
                .variable("input", Map.of("peerReviewId", id, "findingId", findingId,
                        "standardId", "demo-standard-ks2-history"))
                .execute()
                .path("noteFindingAgainstStandard.peerReview.findings[0].standards[0].standard.id")
                .entity(String.class).isEqualTo("demo-standard-ks2-history")
                .path("noteFindingAgainstStandard.peerReview.findings[0].standards[0].version").entity(Integer.class)
                .isEqualTo(2);
        expectError(as("head").documentName("noteFindingAgainstStandard")
                .variable("input", Map.of("peerReviewId", id, "findingId", findingId, "standardId", "no-such"))
                .execute(), "NOT_FOUND", "unknown standard 'no-such'");
    }

    @Test
    void badReviewsAreRefusedAndRecordNothing() {
        long before = storedEvents();
        expectError(as("head").documentName("recordPeerReview")
                .variable("input", Map.of("trustId", TRUST, "reviewedSchoolId", OAKWOOD, "reviewingSchoolId", OAKWOOD,
                        "areas", List.of("SEND"), "reviewedOn", TODAY.toString())).execute(),
                "BAD_REQUEST", "a school does not peer-review itself");
        expectError(as("head").documentName("recordPeerReview")
                .variable("input", Map.of("trustId", TRUST, "reviewedSchoolId", RIVERSIDE, "areas", List.of("SEND"),
                        "reviewedOn", TODAY.toString())).execute(),
                "BAD_REQUEST", "name exactly one");
        expectError(as("head").documentName("recordPeerReview")
                .variable("input", Map.of("trustId", TRUST, "reviewedSchoolId", RIVERSIDE, "reviewingSchoolId",
                        OAKWOOD, "areas", List.of("SEND"), "reviewedOn", TODAY.plusDays(2).toString())).execute(),
                "BAD_REQUEST", "is in the future");
        expectError(as("member1").documentName("recordPeerReview")
                .variable("input", Map.of("trustId", TRUST, "reviewedSchoolId", OAKWOOD, "reviewingSchoolId",
                        RIVERSIDE, "areas", List.of("SEND"), "reviewedOn", TODAY.toString())).execute(),
                "FORBIDDEN", "only the headteacher of the reviewing school or a trust executive");
        expectError(as("outsider").documentName("recordPeerReview")
                .variable("input", Map.of("trustId", TRUST, "reviewedSchoolId", OAKWOOD, "reviewingSchoolId",
                        RIVERSIDE, "areas", List.of("SEND"), "reviewedOn", TODAY.toString())).execute(),
                "NOT_FOUND", "unknown trust");
        String id = record(null);
        before = storedEvents();
        expectError(as("member3").documentName("addPeerReviewFinding")
                .variable("input", Map.of("peerReviewId", id, "area", "FINANCE", "kind", "STRENGTH", "text", "t"))
                .execute(), "BAD_REQUEST", "area FINANCE was not among the review's areas");
        expectError(as("member1").documentName("addPeerReviewFinding")
                .variable("input", Map.of("peerReviewId", id, "area", "SEND", "kind", "STRENGTH", "text", "t"))
                .execute(), "FORBIDDEN", "only the reviewers or a trust executive may record a finding");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void retryingARecordWithTheSameKeyRecordsItOnce() {
        String first = record("peer-retry");
        long before = storedEvents();
        assertThat(record("peer-retry")).isEqualTo(first);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void theDemoTrustHasAReviewOfWillowbrookByOakwoodWithAnActionUnderWay() {
        as("board").documentName("peerReview").variable("id", "demo-peer-review-willowbrook").execute()
                .path("peerReview.reviewedSchool.id").entity(String.class).isEqualTo("demo-school-willowbrook")
                .path("peerReview.reviewingSchool.id").entity(String.class).isEqualTo(OAKWOOD)
                .path("peerReview.findings[*].kind").entityList(String.class)
                .containsExactly("STRENGTH", "AREA_FOR_DEVELOPMENT")
                .path("peerReview.findings[1].standards[0].standard.id").entity(String.class)
                .isEqualTo("demo-standard-send-passport")
                .path("peerReview.actions[0].progress").entity(String.class).isEqualTo("IN_PROGRESS");
        as("member3").documentName("peerReview").variable("id", "demo-peer-review-willowbrook").execute()
                .path("peerReview.id").entity(String.class).isEqualTo("demo-peer-review-willowbrook");
        as("chair").documentName("peerReview").variable("id", "demo-peer-review-willowbrook").execute()
                .path("peerReview").valueIsNull();
    }
}
