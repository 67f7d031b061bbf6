package org.accord.app.platform.readyourwrites;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The embedded mode's tracking processor reports its moves to the waiters of read-your-writes. */
class ProjectionsAdvancedHttpTest extends AccordHttpTest {

    @Autowired
    private ProjectionsAdvanced advanced;

    @Test
    void aMutationsEventsProjectedAreReportedToTheWaitingMutation() {
        long before = advanced.changes();

        as("exec").documentName("registerSchool")
                .variable("input", Map.of("trustId", "demo-trust", "name", "Wakeful Academy", "phase", "PRIMARY"))
                .execute()
                .path("registerSchool.school.name").entity(String.class).isEqualTo("Wakeful Academy");

        assertThat(advanced.changes()).as("moves reported by the processor").isGreaterThan(before);
    }
}
