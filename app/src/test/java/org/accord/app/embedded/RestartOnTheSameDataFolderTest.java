package org.accord.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.accord.app.support.AccordOnAFolder;
import org.accord.app.support.Http;
import org.accord.query.shared.ReadModels;
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

    @TempDir
    Path data;

    @Test
    void aRestartKeepsEveryEventAndProjectsNothingTwice() throws Exception {
        long eventsBefore;
        Map<String, List<String>> readModelsBefore;
        try (ConfigurableApplicationContext first = start()) {
            String answer = Http.graphql(port(first), "exec", "mutation { registerSchool(input: {trustId: \"demo-trust\","
                    + " name: \"Restart Primary\", phase: PRIMARY}) { school { id } } }");
            assertThat(answer).contains("\"id\"");
            eventsBefore = events(first);
            readModelsBefore = readModels(first);
        }
        assertThat(readModelsBefore.get("schools")).anyMatch(s -> s.contains("\"name\": \"Restart Primary\""));

        try (ConfigurableApplicationContext second = start()) {
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
    void aDataFolderWithATokenForEachProjectionGoesOnFromThemWithoutReplayingTheEvents() throws Exception {
        try (ConfigurableApplicationContext first = start()) {
            Http.graphql(port(first), "exec", "mutation { registerSchool(input: {trustId: \"demo-trust\","
                    + " name: \"Upgrade Primary\", phase: PRIMARY}) { school { id } } }");
        }
        // as the version with one processor per projection left it: a token under each projection's name, none for
        // their shared processor; and a school's document gone, which only a replay from the start would bring back
        JdbcTemplate file = new JdbcTemplate(readModelFile());
        for (String former : List.of("decision-log", "proposal-projection", "standard-projection",
                "team-projection", "trust-projection", "variation-projection")) {
            file.update("INSERT INTO " + ReadModelDatabase.TOKEN_TABLE + " (processorName, segment, token, tokenType,"
                    + " timestamp, owner) SELECT ?, segment, token, tokenType, timestamp, NULL FROM "
                    + ReadModelDatabase.TOKEN_TABLE + " WHERE processorName = ?", former, ReadModels.PROCESSOR);
        }
        file.update("DELETE FROM " + ReadModelDatabase.TOKEN_TABLE + " WHERE processorName = ?", ReadModels.PROCESSOR);
        assertThat(file.update("DELETE FROM schools WHERE doc LIKE '%Upgrade Primary%'")).isEqualTo(1);

        try (ConfigurableApplicationContext upgraded = start()) {
            Http.graphql(port(upgraded), "exec", "mutation { registerSchool(input: {trustId: \"demo-trust\","
                    + " name: \"After Upgrade Primary\", phase: PRIMARY}) { school { id } } }");
            assertThat(readModels(upgraded).get("schools"))
                    .anyMatch(school -> school.contains("After Upgrade Primary"))
                    .noneMatch(school -> school.contains("\"Upgrade Primary\""));
            assertThat(new JdbcTemplate(upgraded.getBean(ReadModelDatabase.class).dataSource()).queryForList(
                    "SELECT processorName FROM " + ReadModelDatabase.TOKEN_TABLE, String.class))
                    .containsExactly(ReadModels.PROCESSOR);
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

    private ConfigurableApplicationContext start() {
        return AccordOnAFolder.start(data);
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
