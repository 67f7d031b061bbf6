package org.accord.app.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/** The board's compliance grid: the same cells and counts as the compliance view, compactly, for the caller's trust. */
class ComplianceGridGraphQlTest extends AccordHttpTest {

    private static final String TRUST = "demo-trust";

    @Test
    void everyCellOfTheGridIsTheComplianceViewsCellAndTheCountsAreItsSummary() {
        for (String asOf : new String[] {null, "2026-10-01"}) {
            GraphQlTester.Response grid = as("board").documentName("complianceGrid").variable("trustId", TRUST)
                    .variable("asOf", asOf).execute();
            List<Map<String, Object>> columns = grid.path("complianceGrid.columns").entityList(mapType()).get();
            List<Map<String, Object>> rows = grid.path("complianceGrid.rows").entityList(mapType()).get();
            Map<String, Map<String, Object>> cells = new HashMap<>();
            as("board").documentName("compliance").variable("trustId", TRUST).variable("asOf", asOf).execute()
                    .path("compliance").entityList(mapType()).get()
                    .forEach(e -> cells.put(id(e, "school") + "|" + id(e, "standard"), e));
            assertThat(columns).extracting(c -> c.get("title").toString())
                    .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
            int seen = 0;
            for (Map<String, Object> row : rows) {
                List<?> states = (List<?>) row.get("states");
                List<?> attestations = (List<?>) row.get("attestationIds");
                assertThat(states).hasSameSizeAs(columns);
                for (int i = 0; i < columns.size(); i++) {
                    Map<String, Object> column = columns.get(i);
                    Map<String, Object> cell = cells.get(id(row, "school") + "|" + column.get("standardId"));
                    String where = asOf + ": " + id(row, "school") + " × " + column.get("standardId");
                    assertThat(cell).as(where).isNotNull();
                    assertThat(states.get(i)).as(where).isEqualTo(cell.get("state"));
                    Object attestation = cell.get("attestation");
                    assertThat(attestations.get(i)).as(where)
                            .isEqualTo(attestation == null ? null : ((Map<?, ?>) attestation).get("id"));
                    assertThat(column.get("version")).as(where).isEqualTo(cell.get("version"));
                    if (cell.get("dueBy") != null) { // a cell where the standard does not apply has no period
                        assertThat(column.get("dueBy")).as(where).isEqualTo(cell.get("dueBy"));
                        assertThat(column.get("periodStart")).as(where).isEqualTo(cell.get("periodStart"));
                    }
                    seen++;
                }
            }
            assertThat(seen).as("every cell of the view is in the grid").isEqualTo(cells.size()).isPositive();
            Map<String, Object> summary = as("board").documentName("complianceSummary").variable("trustId", TRUST)
                    .variable("asOf", asOf).execute().path("complianceSummary").entity(mapType()).get();
            grid.path("complianceGrid.summary").entity(mapType()).isEqualTo(summary);
        }
    }

    @Test
    void oneCellOfASchoolIsAskedForByItsStandard() {
        as("board").documentName("compliance").variable("trustId", TRUST)
                .variable("schoolId", "demo-school-meadowbank").variable("standardId", "demo-standard-safeguarding-log")
                .execute()
                .path("compliance[*].standard.id").entityList(String.class).containsExactly("demo-standard-safeguarding-log")
                .path("compliance[0].state").entity(String.class).isEqualTo("CHALLENGED")
                .path("compliance[0].attestation.latestFinding.actions").entityList(String.class).hasSizeGreaterThan(0);
    }

    @Test
    void anotherTrustsGridIsEmpty() {
        as("outsider").documentName("complianceGrid").variable("trustId", TRUST).execute()
                .path("complianceGrid.columns").entityList(Object.class).hasSize(0)
                .path("complianceGrid.rows").entityList(Object.class).hasSize(0)
                .path("complianceGrid.summary.overdue").entity(Integer.class).isEqualTo(0);
    }

    private static String id(Map<String, Object> node, String field) {
        return String.valueOf(((Map<?, ?>) node.get(field)).get("id"));
    }

    @SuppressWarnings("unchecked")
    private static Class<Map<String, Object>> mapType() {
        return (Class<Map<String, Object>>) (Class<?>) Map.class;
    }
}
