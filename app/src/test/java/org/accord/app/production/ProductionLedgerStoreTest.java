package org.accord.app.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.accord.api.trust.TrustRegisteredEvent;
import org.accord.app.ledger.ChainHead;
import org.accord.app.ledger.Checkpoint;
import org.accord.app.ledger.CheckpointSigning;
import org.accord.app.ledger.LedgerKeys;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.env.ConfigTreePropertySource;

/**
 * The ledger's MongoDB half in production, on a MongoDB-API server in memory: checkpoints kept field for field (their
 * signatures still verify), the first one at a position kept, the trusts with a chain listed with the heads Axon Server
 * holds; and the development key that docker-compose.yml mounts, read as Spring reads a mounted secret.
 */
class ProductionLedgerStoreTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    private final InMemoryAxonServer axonServer = new InMemoryAxonServer();
    private final ProductionLedgerStore store = new ProductionLedgerStore(client.getDatabase("accord"),
            new ChainStreams(axonServer.events()));

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aCheckpointComesBackFromMongoDbFieldForFieldAndItsSignatureStillVerifies(@TempDir Path dir) throws Exception {
        store.createIndexes();
        DevLedgerKey.keys(dir);
        LedgerKeys keys = LedgerKeys.fromPem(Files.readString(dir.resolve(DevLedgerKey.PRIVATE_FILE)),
                Files.readString(dir.resolve(DevLedgerKey.PUBLIC_FILE)));
        Instant at = Instant.parse("2026-05-03T09:15:30.123Z");
        Checkpoint first = CheckpointSigning.sign(new ChainHead("t", 100, "a".repeat(64)), at, keys.privateKey(),
                keys.keyId());
        Checkpoint second = CheckpointSigning.sign(new ChainHead("t", 200, "b".repeat(64)), at.plusSeconds(60),
                keys.privateKey(), keys.keyId());
        Checkpoint elsewhere = CheckpointSigning.sign(new ChainHead("u", 150, "c".repeat(64)), at, keys.privateKey(),
                keys.keyId());
        store.record(second);
        store.record(first);
        store.record(elsewhere);
        // another replica signed the same head a moment later: the first one stays
        store.record(CheckpointSigning.sign(new ChainHead("t", 200, "b".repeat(64)), at.plusSeconds(61),
                keys.privateKey(), keys.keyId()));

        assertThat(store.checkpoints("t")).containsExactly(first, second);
        assertThat(store.lastCheckpoint("t")).contains(second);
        assertThat(store.lastCheckpoint("nobody")).isEmpty();
        assertThat(new CheckpointSigning(keys.publicKey()).verifies(store.lastCheckpoint("t").orElseThrow())).isTrue();
    }

    @Test
    void theTrustsWithAChainAreListedWithTheHeadsAxonServerHolds() {
        ChainedAppender appender = new ChainedAppender(axonServer.events(), new ChainStreams(axonServer.events()),
                Jackson3Serializer.builder().build(), store, 5, () -> { }, n -> { });
        appender.append(List.of(new GenericDomainEventMessage<>("Trust", "t", 0,
                new TrustRegisteredEvent("t", "T"))));
        appender.append(List.of(new GenericDomainEventMessage<>("Trust", "t", 1,
                new TrustRegisteredEvent("t", "T"))));
        // a note is only that the trust has a chain: the head listed is the one Axon Server holds
        store.moveHead(new ChainHead("t", 1, "x".repeat(64)));

        assertThat(store.heads()).extracting(ChainHead::trustId, ChainHead::position)
                .containsExactly(tuple("t", 2L));
        assertThat(client.getDatabase("accord").getCollection(ProductionLedgerStore.TRUSTS).countDocuments())
                .isEqualTo(1);
        assertThat(store.head("t")).isEqualTo(store.heads().stream().findFirst());
    }

    @Test
    void theDevelopmentKeyIsMadeOnceAndReadAsTheSettingsItIsNamedAfter(@TempDir Path dir) throws Exception {
        assertThat(DevLedgerKey.keys(dir)).startsWith("made ledger key");
        String publicKey = Files.readString(dir.resolve(DevLedgerKey.PUBLIC_FILE));
        assertThat(DevLedgerKey.keys(dir)).contains("kept");
        assertThat(Files.readString(dir.resolve(DevLedgerKey.PUBLIC_FILE))).isEqualTo(publicKey);

        ConfigTreePropertySource mounted = new ConfigTreePropertySource("ledger", dir);
        LedgerKeys keys = LedgerKeys.fromPem(String.valueOf(mounted.getProperty("accord.ledger.private-key")),
                String.valueOf(mounted.getProperty("accord.ledger.public-key")));
        assertThat(keys.publicKeyPem()).isEqualTo(publicKey);
    }
}
