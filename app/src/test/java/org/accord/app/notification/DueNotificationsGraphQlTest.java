package org.accord.app.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Attestations and reviews falling due, as the demo trust has them: the single central record is owed by every
 * school but Oakwood (which attested it), and the pupil-passport guidance's review date passed three weeks ago.
 */
class DueNotificationsGraphQlTest extends AccordHttpTest {

    private static final String RECORD = "demo-standard-single-central-record";
    private static final String PASSPORT = "demo-standard-send-passport";

    @Autowired
    DueReminders dues;

    @BeforeEach
    void checkWhatFellDue() {
        // what the scheduled checks do (once at start, then every interval): idempotent
        dues.recordDue();
    }

    private List<String> ofKind(String account, String kind, String path) {
        return as(account).documentName("inbox").variable("first", 100).execute()
                .path("inbox.edges[?(@.node.kind == '" + kind + "')].node." + path).entityList(String.class).get();
    }

    @Test
    void theHeadOfASchoolThatOwesItsAttestationIsToldAndNoOtherHeadNorAnotherTrust() {
        // one notification for the school's period, however many standards it owes in it
        assertThat(ofKind("head-meadowbank", "ATTESTATION_DUE", "subjectId")).containsExactly("demo-school-meadowbank");
        assertThat(ofKind("head-meadowbank", "ATTESTATION_DUE", "subjectType")).containsExactly("school");
        assertThat(ofKind("head-meadowbank", "ATTESTATION_DUE", "title")).singleElement().satisfies(t ->
                assertThat(t).startsWith("Meadowbank Primary Academy owes its attestations for the period from ")
                        .contains(": attest by ").contains("'The single central record is checked each term'"));
        assertThat(ofKind("head-meadowbank", "ATTESTATION_DUE", "dueAt")).singleElement().isNotNull();
        // Oakwood attested it this term; the others are not heads of a school that owes it
        for (String other : List.of("head", "exec", "board", "chair", "member1", "outsider")) {
            assertThat(ofKind(other, "ATTESTATION_DUE", "id")).as(other).isEmpty();
        }
    }

    @Test
    void whoeverMayReaffirmAStandardDueForReviewIsToldAndNobodyElse() {
        assertThat(ofKind("exec", "REVIEW_DUE", "subjectId")).contains(PASSPORT);
        assertThat(ofKind("exec", "REVIEW_DUE", "title")).anySatisfy(t ->
                assertThat(t).contains("is due for review by").contains("reaffirm it"));
        for (String other : List.of("board", "head-meadowbank", "member1", "outsider")) {
            assertThat(ofKind(other, "REVIEW_DUE", "subjectId")).as(other).doesNotContain(PASSPORT);
        }
        assertThat(ofKind("outsider", "REVIEW_DUE", "id")).isEmpty();
    }

    @Test
    void checkingAgainRecordsNothingNewAndTheLogSaysItInWords() {
        long before = storedEvents();
        long inboxBefore = as("head-meadowbank").documentName("inbox").variable("first", 1).execute()
                .path("inbox.totalCount").entity(Long.class).get();
        dues.recordDue();
        assertThat(storedEvents()).isEqualTo(before);
        as("head-meadowbank").documentName("inbox").variable("first", 1).execute()
                .path("inbox.totalCount").entity(Long.class).isEqualTo(inboxBefore);
        as("board").documentName("decisionLog").variable("trustId", "demo-trust")
                .variable("filter", Map.of("subjectId", RECORD, "types", List.of("AttestationFellDue")))
                .variable("first", 50).execute()
                .path("decisionLog.edges[*].node.summary").entityList(String.class).satisfies(s -> assertThat(s)
                        .anySatisfy(line -> assertThat(line).startsWith("School 'Meadowbank Primary Academy' owes"
                                + " its attestation of 'The single central record is checked each term' (version 1,"
                                + " attested termly) for the period from").endsWith("its headteacher was told"))
                        .noneSatisfy(line -> assertThat(line).contains("Oakwood")));
        as("board").documentName("decisionLog").variable("trustId", "demo-trust")
                .variable("filter", Map.of("subjectId", PASSPORT, "types", List.of("StandardReviewFellDue")))
                .execute()
                .path("decisionLog.edges[0].node.summary").entity(String.class).satisfies(s -> assertThat(s)
                        .contains("is due for review by").endsWith("the one who may reaffirm it was told"));
    }
}
