package org.accord.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.accord.app.support.Http;
import org.accord.app.support.PackagedJar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, run as a process of its own and killed with SIGKILL the moment a mutation has been acknowledged:
 * after a restart on the same data folder, every acknowledged change is there and the read models show it.
 */
class KillDuringMutationsIT {

    private static final Pattern SCHOOL_ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path data;

    private Process app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
    }

    @Test
    void everyAcknowledgedMutationSurvivesAKillAndTheReadModelsCatchUp() throws Exception {
        int port = PackagedJar.freePort();
        List<String> acknowledged = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            app = start(port, round);
            for (int i = 1; i <= 10; i++) {
                String name = "Killed School " + round + "-" + i;
                String answer = Http.graphql(port, "exec", "mutation { registerSchool(input: {trustId: \"demo-trust\","
                        + " name: \"" + name + "\", phase: SECONDARY}) { school { id name } } }");
                Matcher id = SCHOOL_ID.matcher(answer);
                assertThat(id.find()).as(answer).isTrue();
                acknowledged.add(id.group(1));
            }
            // SIGKILL, the instant the last mutation returned: no shutdown hook, no flush
            app.destroyForcibly().waitFor();
        }

        app = start(port, 4);
        String trust = Http.graphql(port, "board", "{ trust(id: \"demo-trust\") { schools { id } } }");
        for (String schoolId : acknowledged) {
            assertThat(trust).as("school %s: %s", schoolId, eventsNaming(schoolId)).contains(schoolId);
        }
        System.out.printf("kill -9 test: %d acknowledged mutations across 3 kills, %d found after restart%n",
                acknowledged.size(), acknowledged.stream().filter(trust::contains).count());
    }

    /** Says whether a missing change is missing from the event store or only from the read models. */
    private String eventsNaming(String id) {
        String url = "jdbc:sqlite:" + data.resolve("store").resolve("events.db");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
             java.sql.PreparedStatement s = c.prepareStatement(
                     "SELECT count(*) FROM DomainEventEntry WHERE CAST(payload AS TEXT) LIKE ?")) {
            s.setString(1, "%" + id + "%");
            try (java.sql.ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) + " event(s) in the store name it";
            }
        } catch (java.sql.SQLException e) {
            return "the store could not be read: " + e.getMessage();
        }
    }

    private Process start(int port, int round) throws IOException, InterruptedException {
        return PackagedJar.startHealthy(PackagedJar.currentJava(), List.of("-Ddisable-axoniq-console-message=true", PackagedJar.NO_DUES),
                Map.of("ACCORD_DATA_DIR", data.resolve("store").toString()), port,
                data.resolve("app-" + round + ".log"), START_TIMEOUT);
    }
}
