package org.accord.app.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/** The variation map in one answer: the same cells as each school's rules in force, for the caller's trust only. */
class VariationMapGraphQlTest extends AccordHttpTest {

    @Test
    void everyCellOfTheMapIsTheSchoolsRuleInForceForThatStandard() {
        GraphQlTester.Response map = as("board").documentName("variationMap").variable("trustId", "demo-trust")
                .execute();
        List<Map<String, Object>> columns = map.path("variationMap.columns").entityList(mapType()).get();
        List<Map<String, Object>> rows = map.path("variationMap.rows").entityList(mapType()).get();
        assertThat(columns).extracting(c -> (Object) c.get("standardId"))
                .contains("demo-standard-safeguarding-log", "demo-standard-ks2-history");
        assertThat(columns).extracting(c -> c.get("title").toString())
                .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        assertThat(rows).extracting(r -> (Object) ((Map<?, ?>) r.get("school")).get("id"))
                .contains("demo-school-oakwood", "demo-school-northfield", "demo-school-willowbrook");

        for (Map<String, Object> row : rows) {
            String school = ((Map<?, ?>) row.get("school")).get("id").toString();
            List<?> statuses = (List<?>) row.get("statuses");
            List<?> variations = (List<?>) row.get("variationIds");
            assertThat(statuses).hasSameSizeAs(columns);
            assertThat(variations).hasSameSizeAs(columns);
            Map<String, Map<String, Object>> rules = new HashMap<>();
            as("board").documentName("rulesInForce").variable("schoolId", school).execute()
                    .path("rulesInForce").entityList(mapType()).get()
                    .forEach(rule -> rules.put(((Map<?, ?>) rule.get("standard")).get("id").toString(), rule));
            for (int i = 0; i < columns.size(); i++) {
                Map<String, Object> rule = rules.get(columns.get(i).get("standardId").toString());
                String cell = school + " × " + columns.get(i).get("standardId");
                if (rule == null) {
                    assertThat(statuses.get(i)).as(cell + " does not apply").isNull();
                    assertThat(variations.get(i)).as(cell).isNull();
                } else {
                    assertThat(statuses.get(i)).as(cell).isEqualTo(rule.get("status"));
                    Object variation = rule.get("variation");
                    assertThat(variations.get(i)).as(cell)
                            .isEqualTo(variation == null ? null : ((Map<?, ?>) variation).get("id"));
                }
            }
        }
        assertThat(cell(columns, rows, "demo-school-willowbrook", "demo-standard-safeguarding-log"))
                .isEqualTo("EXCEPTION");
        assertThat(cell(columns, rows, "demo-school-northfield", "demo-standard-ks2-history"))
                .as("Key Stage 2 history does not apply to a secondary school").isNull();
    }

    @Test
    void aDateBeforeAnyStandardGivesNoColumnsAndEachSchoolAnEmptyRow() {
        as("head").documentName("variationMap").variable("trustId", "demo-trust").variable("asOf", "2020-01-01")
                .execute()
                .path("variationMap.columns").entityList(Object.class).hasSize(0)
                .path("variationMap.rows[0].statuses").entityList(Object.class).hasSize(0);
    }

    @Test
    void anotherTrustsMapIsEmptyRatherThanRefusedSoItsExistenceIsNotConfirmed() {
        as("outsider").documentName("variationMap").variable("trustId", "demo-trust").execute()
                .path("variationMap.columns").entityList(Object.class).hasSize(0)
                .path("variationMap.rows").entityList(Object.class).hasSize(0);
    }

    private static Object cell(List<Map<String, Object>> columns, List<Map<String, Object>> rows, String school,
                               String standard) {
        int column = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).get("standardId").equals(standard)) {
                column = i;
            }
        }
        assertThat(column).as(standard + " is a column").isNotNegative();
        for (Map<String, Object> row : rows) {
            if (((Map<?, ?>) row.get("school")).get("id").equals(school)) {
                return ((List<?>) row.get("statuses")).get(column);
            }
        }
        throw new AssertionError(school + " has no row");
    }

    @SuppressWarnings("unchecked")
    private static Class<Map<String, Object>> mapType() {
        return (Class<Map<String, Object>>) (Class<?>) Map.class;
    }
}
