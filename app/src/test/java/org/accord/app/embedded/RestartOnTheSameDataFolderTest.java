package org.accord.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.accord.app.support.AccordOnAFolder;
import org.accord.app.support.Http;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

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
        Map<String, List<Document>> readModelsBefore;
        try (ConfigurableApplicationContext first = start()) {
            String answer = Http.graphql(port(first), "exec", "mutation { registerSchool(input: {trustId: \"demo-trust\","
                    + " name: \"Restart Primary\", phase: PRIMARY}) { school { id } } }");
            assertThat(answer).contains("\"id\"");
            eventsBefore = events(first);
            readModelsBefore = readModels(first);
        }
        assertThat(readModelsBefore.get("schools")).anyMatch(s -> "Restart Primary".equals(s.get("name")));

        try (ConfigurableApplicationContext second = start()) {
            assertThat(events(second)).as("events after restart").isEqualTo(eventsBefore);
            assertThat(readModels(second)).as("read models after restart").isEqualTo(readModelsBefore);
            assertThat(Http.graphql(port(second), "board", "{ trust(id: \"demo-trust\") { schools { name } } }"))
                    .contains("Restart Primary");
        }
    }

    @Test
    void readModelsRebuiltFromTheEventsAloneEqualTheOnesTheyReplace() throws Exception {
        Map<String, List<Document>> original;
        try (ConfigurableApplicationContext first = start()) {
            Http.graphql(port(first), "exec", "mutation { formTeam(input: {trustId: \"demo-trust\", name: \"Rebuilt\","
                    + " remit: [SEND], chairId: \"demo-person-member1\", memberIds: [\"demo-person-member2\"],"
                    + " decisionRule: {mode: MAJORITY, quorum: 0.5, threshold: 0.5, votingWindowHours: 24}})"
                    + " { team { id } } }");
            original = readModels(first);
        }
        // the read models and their tokens share one file: without it, every projection replays from the start
        Files.delete(data.resolve("data").resolve("readmodels.mv.db"));
        try (ConfigurableApplicationContext rebuilt = start()) {
            assertThat(readModels(rebuilt)).isEqualTo(original);
        }
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

    /**
     * Every read-model document, by collection, in id order; compared as maps, because two projections writing
     * fields of one document may do so in either order. The processors' tokens are bookkeeping, not models.
     */
    private static Map<String, List<Document>> readModels(ConfigurableApplicationContext context) {
        MongoTemplate mongo = context.getBean(MongoTemplate.class);
        Map<String, List<Document>> all = new TreeMap<>();
        for (String collection : mongo.getCollectionNames()) {
            if (collection.equals("trackingtokens")) {
                continue;
            }
            List<Document> documents = new ArrayList<>();
            mongo.getCollection(collection).find().sort(new Document("_id", 1))
                    .forEach(documents::add);
            all.put(collection, documents);
        }
        assertThat(all).containsKeys("trusts", "schools", "people", "teams");
        return all;
    }
}
