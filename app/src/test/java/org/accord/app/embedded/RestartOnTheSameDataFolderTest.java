package org.accord.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.accord.app.support.AccordOnAFolder;
import org.accord.app.support.Http;
import org.accord.query.ReadModelShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sqlite.SQLiteDataSource;

/**
 * Stopping and starting the application on the same data folder keeps every event, leaves the read models exactly
 * as they were (nothing projected twice), and read models rebuilt from nothing but the events come out the same.
 */
class RestartOnTheSameDataFolderTest {

    private static final String QUICK_DUE_CHECKS = "--accord.notifications.due-check-interval=200ms";

    @TempDir
    Path data;

    @Test
    void aRestartKeepsEveryEventAndProjectsNothingTwice() throws Exception {
        long eventsBefore;
        Map<String, List<String>> readModelsBefore;
        try (ConfigurableApplicationContext first = start(QUICK_DUE_CHECKS)) {
            String answer = Http.graphql(port(first), "exec", "mutation { registerSchool(input: {trustId: \"demo-trust\","
                    + " name: \"Restart Primary\", phase: PRIMARY}) { school { id } } }");
            assertThat(answer).contains("\"id\"");
            // Accord records on its own what falls due (the demo's attestations and review) once the demo's read
            // models answer: let it settle, so the restart is asked to record nothing new, only to keep what is there
            eventsBefore = settled(first);
            readModelsBefore = readModels(first);
        }
        assertThat(readModelsBefore.get("schools")).anyMatch(s -> s.contains("\"name\": \"Restart Primary\""));

        try (ConfigurableApplicationContext second = start(QUICK_DUE_CHECKS)) {
            assertThat(events(second)).as("events after restart").isEqualTo(eventsBefore);
            assertThat(readModels(second)).as("read models after restart").isEqualTo(readModelsBefore);
            assertThat(Http.graphql(port(second), "board", "{ trust(id: \"demo-trust\") { schools { name } } }"))
                    .contains("Restart Primary");
        }
    }

    @Test
    void readModelsRebuiltFromTheEventsAloneEqualTheOnesTheyReplace() throws Exception {
        Map<String, List<String>> original;
        try (ConfigurableApplicationContext first = start()) {
            Http.graphql(port(first), "exec", "mutation { formTeam(input: {trustId: \"demo-trust\", name: \"Rebuilt\","
                    + " remit: [SEND], chairId: \"demo-person-member1\", memberIds: [\"demo-person-member2\"],"
                    + " decisionRule: {mode: MAJORITY, quorum: 0.5, threshold: 0.5, votingWindowHours: 24}})"
                    + " { team { id } } }");
            original = readModels(first);
        }
        removeReadModels(data.resolve("data"));
        try (ConfigurableApplicationContext rebuilt = start()) {
            assertThat(readModels(rebuilt)).isEqualTo(original);
        }
    }

    @Test
    void aDataFolderOfTheEarlierVersionIsUpgradedOnFirstStartByRebuildingItsReadModelsFromTheEvents() throws Exception {
        Map<String, List<String>> original;
        try (ConfigurableApplicationContext first = start()) {
            original = readModels(first);
        }
        // as the earlier version left a data folder: the events, and the read models in mongo-java-server's file
        Path folder = data.resolve("data");
        removeReadModels(folder);
        Path oldReadModels = folder.resolve("readmodels.mv.db");
        Files.writeString(oldReadModels, "an earlier version's read models");

        try (ConfigurableApplicationContext upgraded = start()) {
            assertThat(oldReadModels).doesNotExist();
            assertThat(readModels(upgraded)).isEqualTo(original);
        }
    }

    @Test
    void readModelsOfAnEarlierShapeAreRebuiltFromTheEventsOnFirstStart() throws Exception {
        Map<String, List<String>> original;
        try (ConfigurableApplicationContext first = start()) {
            original = readModels(first);
        }
        assertThat(original.get("decision_records")).isNotEmpty();
        // as the earlier shape left it: its tokens say every event is projected, but into documents this version
        // does not read (one index document per trust) and without the rows it does
        Path file = data.resolve("data").resolve(ReadModelDatabase.FILE_NAME);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 1");
            statement.execute("DELETE FROM decision_records");
            statement.execute("CREATE TABLE proposal_index (id TEXT PRIMARY KEY, doc TEXT NOT NULL)");
            statement.execute("INSERT INTO proposal_index VALUES ('demo-trust', '{\"entries\": []}')");
        }

        try (ConfigurableApplicationContext upgraded = start()) {
            Map<String, List<String>> rebuilt = readModels(upgraded);
            assertThat(rebuilt).doesNotContainKey("proposal_index");
            assertThat(rebuilt).isEqualTo(original);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet shape = statement.executeQuery("PRAGMA user_version")) {
            assertThat(shape.getInt(1)).isEqualTo(ReadModelShape.VERSION);
        }
    }

    /** The read models and their tokens share one file: without it, every projection replays from the start. */
    private static void removeReadModels(Path folder) throws java.io.IOException {
        Files.delete(folder.resolve("readmodels.db"));
        Files.deleteIfExists(folder.resolve("readmodels.db-wal"));
        Files.deleteIfExists(folder.resolve("readmodels.db-shm"));
    }

    private SQLiteDataSource readModelFile() {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + data.resolve("data").resolve(ReadModelDatabase.FILE_NAME));
        return dataSource;
    }

    private ConfigurableApplicationContext start(String... settings) {
        return AccordOnAFolder.start(data, settings);
    }

    /** The event count once nothing more is recorded for a second and a half (at most 30 s). */
    private static long settled(ConfigurableApplicationContext context) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        long count = events(context);
        while (System.nanoTime() < deadline) {
            Thread.sleep(1500);
            long now = events(context);
            if (now == count) {
                return now;
            }
            count = now;
        }
        throw new AssertionError("Accord kept recording events for 30 s after the last mutation");
    }

    private static int port(ConfigurableApplicationContext context) {
        return AccordOnAFolder.port(context);
    }

    private static long events(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM DomainEventEntry", Long.class);
    }

    /** Every read-model document, by collection, in id order (ReadModelDump). */
    private static Map<String, List<String>> readModels(ConfigurableApplicationContext context) {
        Map<String, List<String>> all = ReadModelDump.of(context.getBean(ReadModelDatabase.class).dataSource());
        assertThat(all).containsKeys("trusts", "schools", "people", "teams");
        return all;
    }
}
