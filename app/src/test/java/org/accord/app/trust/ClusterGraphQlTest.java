package org.accord.app.trust;

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

class ClusterGraphQlTest extends AccordHttpTest {

    private static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();
    private static final String LAST_YEAR = LocalDate.now(ZoneOffset.UTC).minusYears(1).withDayOfMonth(1).toString();
    private static final String BEFORE_THE_MOVE = LocalDate.now(ZoneOffset.UTC).minusMonths(2).withDayOfMonth(1)
            .minusDays(1).toString();
    private static final String HEAD = "demo-person-head";
    private static final String CHAIR = "demo-person-chair";

    @Test
    void theDemoTrustHasThreeClustersWithLeadsAndEverySchoolInOne() {
        as("board").documentName("trustClusters").variable("id", "demo-trust").execute()
                .path("trust.clusters[*].name").entityList(String.class)
                .contains("Town primaries", "Valley schools", "Secondary partnership")
                .path("trust.clusters[0].lead.id").entity(String.class).isEqualTo(HEAD)
                .path("trust.clusters[0].schools[*].id").entityList(String.class)
                .containsExactly("demo-school-oakwood", "demo-school-meadowbank");
        as("head").documentName("schoolCluster").variable("id", "demo-school-oakwood").execute()
                .path("school.cluster.name").entity(String.class).isEqualTo("Town primaries")
                .path("school.cluster.lead.id").entity(String.class).isEqualTo(HEAD);
    }

    @Test
    void aSchoolsClusterIsAnsweredAsOfADate() {
        // Castle Hill moved from the valley to the secondaries this term
        as("board").documentName("schoolCluster").variable("id", "demo-school-castle-hill").execute()
                .path("school.cluster.name").entity(String.class).isEqualTo("Secondary partnership");
        as("board").documentName("schoolCluster").variable("id", "demo-school-castle-hill")
                .variable("asOf", BEFORE_THE_MOVE).execute()
                .path("school.cluster.name").entity(String.class).isEqualTo("Valley schools");
        as("board").documentName("schoolCluster").variable("id", "demo-school-castle-hill")
                .variable("asOf", LocalDate.parse(LAST_YEAR).minusDays(1).toString()).execute()
                .path("school.cluster").valueIsNull();
        as("board").documentName("cluster").variable("id", "demo-cluster-valley").variable("asOf", BEFORE_THE_MOVE)
                .execute()
                .path("cluster.schools[*].id").entityList(String.class)
                .containsExactly("demo-school-willowbrook", "demo-school-castle-hill");
    }

    @Test
    void theExecutiveFormsAClusterMovesASchoolThroughItAndTheRecordAnswersOnBothTimeAxes() {
        String school = registerSchool("Cluster Test Primary " + System.nanoTime());
        String first = formCluster("Test cluster A " + System.nanoTime(), HEAD, "2030-01-01");
        String second = formCluster("Test cluster B " + System.nanoTime(), CHAIR, "2030-01-01");

        as("exec").documentName("addSchoolToCluster")
                .variable("input", Map.of("clientMutationId", "add-1", "clusterId", first, "schoolId", school,
                        "effectiveFrom", "2030-09-01"))
                .variable("asOf", "2030-09-01").execute()
                .path("addSchoolToCluster.clientMutationId").entity(String.class).isEqualTo("add-1")
                .path("addSchoolToCluster.cluster.schools[*].id").entityList(String.class).containsExactly(school)
                .path("addSchoolToCluster.school.cluster.id").entity(String.class).isEqualTo(first);
        Instant afterJoining = Instant.now();

        as("exec").documentName("moveSchoolToCluster")
                .variable("input", Map.of("clusterId", second, "schoolId", school, "effectiveFrom", "2031-01-01"))
                .variable("asOf", "2031-01-01").execute()
                .path("moveSchoolToCluster.cluster.id").entity(String.class).isEqualTo(second)
                .path("moveSchoolToCluster.cluster.schools[*].id").entityList(String.class).containsExactly(school)
                .path("moveSchoolToCluster.school.cluster.id").entity(String.class).isEqualTo(second);

        as("exec").documentName("nameClusterLead")
                .variable("input", Map.of("clusterId", second, "leadId", HEAD, "effectiveFrom", "2031-06-01"))
                .variable("asOf", "2031-06-01").execute()
                .path("nameClusterLead.cluster.lead.id").entity(String.class).isEqualTo(HEAD)
                .path("nameClusterLead.cluster.leads[*].lead.id").entityList(String.class)
                .containsExactly(CHAIR, HEAD);

        as("exec").documentName("removeSchoolFromCluster")
                .variable("input", Map.of("schoolId", school, "effectiveFrom", "2032-01-01"))
                .variable("asOf", "2032-01-01").execute()
                .path("removeSchoolFromCluster.cluster.id").entity(String.class).isEqualTo(second)
                .path("removeSchoolFromCluster.school.cluster").valueIsNull();

        // valid time
        assertThat(clusterOf(school, "2030-08-31", null)).isNull();
        assertThat(clusterOf(school, "2030-12-31", null)).isEqualTo(first);
        assertThat(clusterOf(school, "2031-12-31", null)).isEqualTo(second);
        assertThat(clusterOf(school, "2032-01-01", null)).isNull();
        // record time: before the move was recorded, the school was still to be in the first cluster in 2031
        assertThat(clusterOf(school, "2031-12-31", afterJoining.toString())).isEqualTo(first);
        as("board").documentName("cluster").variable("id", second).variable("asOf", "2031-03-01").execute()
                .path("cluster.lead.id").entity(String.class).isEqualTo(CHAIR)
                .path("cluster.schools[*].id").entityList(String.class).containsExactly(school);
    }

    @Test
    void theDecisionLogTellsOfClusterChangesInWords() {
        List<String> summaries = as("board").documentName("decisionLog").variable("trustId", "demo-trust")
                .variable("filter", Map.of("subjectId", "demo-school-castle-hill")).variable("first", 100).execute()
                .path("decisionLog.edges[*].node.summary").entityList(String.class).get();
        assertThat(summaries).contains("School 'Castle Hill School' joined cluster 'Valley schools' from " + LAST_YEAR,
                "School 'Castle Hill School' moved from cluster 'Valley schools' to cluster 'Secondary partnership'"
                        + " from " + LocalDate.parse(BEFORE_THE_MOVE).plusDays(1));
        as("board").documentName("decisionLog").variable("trustId", "demo-trust")
                .variable("filter", Map.of("subjectId", "demo-cluster-town")).execute()
                .path("decisionLog.edges[0].node.summary").entity(String.class)
                .isEqualTo("Cluster 'Town primaries' formed from " + LAST_YEAR + ", with a lead")
                .path("decisionLog.edges[0].node.actor.id").entity(String.class).isEqualTo("demo-person-exec")
                .path("decisionLog.edges[0].node.subjectType").entity(String.class).isEqualTo("cluster");
    }

    @Test
    void aSchoolInOneClusterCannotJoinASecondAndNothingIsRecorded() {
        String cluster = formCluster("Test cluster C " + System.nanoTime(), HEAD, LAST_YEAR);
        long before = storedEvents();
        expectError(as("exec").documentName("addSchoolToCluster")
                .variable("input", Map.of("clusterId", cluster, "schoolId", "demo-school-oakwood",
                        "effectiveFrom", TODAY))
                .execute(), "BAD_REQUEST", "a school belongs to one cluster at a time: school 'demo-school-oakwood'"
                + " is already in cluster 'Town primaries'; move it instead");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void datesInTheWrongOrderAreRefusedAndNothingIsRecorded() {
        String cluster = formCluster("Test cluster D " + System.nanoTime(), HEAD, "2030-01-01");
        long before = storedEvents();
        // a move dated before Castle Hill's last change
        expectError(as("exec").documentName("moveSchoolToCluster")
                .variable("input", Map.of("clusterId", "demo-cluster-town", "schoolId", "demo-school-castle-hill",
                        "effectiveFrom", BEFORE_THE_MOVE))
                .execute(), "BAD_REQUEST", "dates in the wrong order: school 'demo-school-castle-hill'");
        // a move into a cluster before it is formed
        expectError(as("exec").documentName("moveSchoolToCluster")
                .variable("input", Map.of("clusterId", cluster, "schoolId", "demo-school-castle-hill",
                        "effectiveFrom", TODAY))
                .execute(), "BAD_REQUEST", "is formed on 2030-01-01, after " + TODAY);
        // a lead before the current one took over
        expectError(as("exec").documentName("nameClusterLead")
                .variable("input", Map.of("clusterId", cluster, "leadId", CHAIR, "effectiveFrom", "2029-12-31"))
                .execute(), "BAD_REQUEST", "dates in the wrong order: the lead of cluster");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void onlyTheExecutiveChangesClustersAndAnOutsiderFindsNone() {
        long before = storedEvents();
        for (String account : List.of("board", "head", "chair", "member1")) {
            expectError(as(account).documentName("formCluster")
                    .variable("input", Map.of("trustId", "demo-trust", "name", "Not allowed", "leadId", HEAD))
                    .execute(), "FORBIDDEN", "only a trust executive may form a cluster");
            expectError(as(account).documentName("moveSchoolToCluster")
                    .variable("input", Map.of("clusterId", "demo-cluster-town", "schoolId", "demo-school-riverside"))
                    .execute(), "FORBIDDEN", "only a trust executive may move a school");
        }
        expectError(as("outsider").documentName("formCluster")
                .variable("input", Map.of("trustId", "demo-trust", "name", "Intruders", "leadId", HEAD))
                .execute(), "NOT_FOUND", "unknown trust 'demo-trust'");
        expectError(as("outsider").documentName("nameClusterLead")
                .variable("input", Map.of("clusterId", "demo-cluster-town", "leadId", HEAD))
                .execute(), "NOT_FOUND", "unknown cluster 'demo-cluster-town'");
        expectError(as("outsider").documentName("removeSchoolFromCluster")
                .variable("input", Map.of("schoolId", "demo-school-oakwood"))
                .execute(), "NOT_FOUND", "unknown school 'demo-school-oakwood'");
        as("outsider").documentName("cluster").variable("id", "demo-cluster-town").execute()
                .path("cluster").valueIsNull();
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void unknownClustersAndSchoolsAreNotFound() {
        expectError(as("exec").documentName("addSchoolToCluster")
                .variable("input", Map.of("clusterId", "no-such-cluster", "schoolId", "demo-school-oakwood"))
                .execute(), "NOT_FOUND", "unknown cluster 'no-such-cluster'");
        expectError(as("exec").documentName("moveSchoolToCluster")
                .variable("input", Map.of("clusterId", "no-such-cluster", "schoolId", "demo-school-oakwood"))
                .execute(), "NOT_FOUND", "unknown cluster 'no-such-cluster'");
        expectError(as("exec").documentName("moveSchoolToCluster")
                .variable("input", Map.of("clusterId", "demo-cluster-town", "schoolId", "no-such-school"))
                .execute(), "NOT_FOUND", "unknown school 'no-such-school'");
    }

    @Test
    void aRetryWithTheSameClientMutationIdFormsOneCluster() {
        Map<String, Object> input = new HashMap<>(Map.of("clientMutationId", "form-" + System.nanoTime(),
                "trustId", "demo-trust", "name", "Retried cluster " + System.nanoTime(), "leadId", HEAD));
        long before = storedEvents();
        String first = as("exec").documentName("formCluster").variable("input", input).execute()
                .path("formCluster.cluster.id").entity(String.class).get();
        String second = as("exec").documentName("formCluster").variable("input", input).execute()
                .path("formCluster.cluster.id").entity(String.class).get();
        assertThat(second).isEqualTo(first);
        assertThat(storedEvents()).isEqualTo(before + 1);
    }

    private String registerSchool(String name) {
        return as("exec").documentName("registerSchool")
                .variable("input", Map.of("trustId", "demo-trust", "name", name, "phase", "PRIMARY"))
                .execute().path("registerSchool.school.id").entity(String.class).get();
    }

    private String formCluster(String name, String leadId, String effectiveFrom) {
        return as("exec").documentName("formCluster")
                .variable("input", Map.of("trustId", "demo-trust", "name", name, "leadId", leadId,
                        "effectiveFrom", effectiveFrom))
                .execute()
                .path("formCluster.cluster.name").entity(String.class).isEqualTo(name)
                .path("formCluster.cluster.formedOn").entity(String.class).isEqualTo(effectiveFrom)
                .path("formCluster.cluster.leads[0].lead.id").entity(String.class).isEqualTo(leadId)
                .path("formCluster.cluster.id").entity(String.class).get();
    }

    private String clusterOf(String schoolId, String asOf, String knownAt) {
        var request = as("board").documentName("schoolCluster").variable("id", schoolId).variable("asOf", asOf);
        if (knownAt != null) {
            request = request.variable("knownAt", knownAt);
        }
        Map<?, ?> school = request.execute().path("school").entity(Map.class).get();
        Map<?, ?> cluster = (Map<?, ?>) school.get("cluster");
        return cluster == null ? null : (String) cluster.get("id");
    }
}
