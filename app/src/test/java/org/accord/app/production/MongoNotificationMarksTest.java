package org.accord.app.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** Read marks and mail claims in MongoDB (production), against mongo-java-server. */
class MongoNotificationMarksTest {

    private static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    private final MongoNotificationMarks marks = new MongoNotificationMarks(client.getDatabase("accord"));

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void readMarksArePerPersonAndKeepTheFirstMoment() {
        marks.markRead("p-1", List.of("n-a", "n-b", "n-a"), NOW);
        marks.markRead("p-1", List.of("n-a"), NOW.plusSeconds(60));
        assertThat(marks.readOf("p-1", List.of("n-a", "n-b", "n-c"))).containsExactlyInAnyOrder("n-a", "n-b");
        assertThat(marks.readOf("p-2", List.of("n-a", "n-b"))).isEmpty();
        assertThat(marks.readCount("p-1")).isEqualTo(2);
        assertThat(marks.readCount("p-2")).isZero();
    }

    @Test
    void aNotificationIsClaimedForMailOnceUnlessTheClaimIsGivenBack() {
        assertThat(marks.claimMail("n-a", NOW)).isTrue();
        assertThat(marks.claimMail("n-a", NOW.plusSeconds(1))).isFalse();
        // a new instance over the same database: what a restarted replica sees
        assertThat(new MongoNotificationMarks(client.getDatabase("accord")).claimMail("n-a", NOW)).isFalse();
        marks.releaseMail("n-a");
        assertThat(marks.claimMail("n-a", NOW.plusSeconds(2))).isTrue();
    }
}
