package org.accord.app.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.accord.app.support.AccordOnAFolder;
import org.accord.app.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Due and overdue survive a restart and a rebuild: the compliance view is computed from projected events only, so the
 * same question gets the same answer after the application restarts on its folder and after its read models are
 * rebuilt from nothing but the events.
 */
class ComplianceRestartTest {

    private static final String COMPLIANCE = "{ compliance(trustId: \"demo-trust\") { school { id } standard { id }"
            + " version cadence state periodStart dueBy attestation { id statement latestFinding { outcome actions"
            + " followUpBy } } } }";

    @TempDir
    Path data;

    @Test
    void theComplianceViewIsTheSameAfterARestartAndAfterARebuildFromTheEvents() throws Exception {
        String before;
        try (ConfigurableApplicationContext first = AccordOnAFolder.start(data)) {
            String attested = Http.graphql(AccordOnAFolder.port(first), "head", "mutation { attest(input: {schoolId:"
                    + " \"demo-school-oakwood\", standardId: \"demo-standard-safeguarding-log\", version: 1,"
                    + " statement: \"Logged on the day, again.\"}) { attestation { id } } }");
            assertThat(attested).contains("\"attestation\":{\"id\"");
            before = Http.graphql(AccordOnAFolder.port(first), "board", COMPLIANCE);
        }
        assertThat(before).contains("\"state\":\"OVERDUE\"", "\"state\":\"CHALLENGED\"",
                "Logged on the day, again.");

        try (ConfigurableApplicationContext second = AccordOnAFolder.start(data)) {
            assertThat(Http.graphql(AccordOnAFolder.port(second), "board", COMPLIANCE)).isEqualTo(before);
        }

        Path folder = data.resolve("data");
        Files.delete(folder.resolve("readmodels.db"));
        Files.deleteIfExists(folder.resolve("readmodels.db-wal"));
        Files.deleteIfExists(folder.resolve("readmodels.db-shm"));
        try (ConfigurableApplicationContext rebuilt = AccordOnAFolder.start(data)) {
            assertThat(Http.graphql(AccordOnAFolder.port(rebuilt), "board", COMPLIANCE)).isEqualTo(before);
        }
    }
}
