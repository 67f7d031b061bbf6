package org.accord.app.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.accord.api.trust.TrustRegisteredEvent;
import org.accord.app.ledger.ChainHead;
import org.accord.app.ledger.Checkpoint;
import org.accord.app.ledger.CheckpointSigning;
import org.accord.app.ledger.DecisionLogIntegrity;
import org.accord.app.ledger.LedgerKeys;
import org.accord.app.ledger.StoredEvent;
import org.accord.app.ledger.Verification;
import org.accord.app.ledger.merkle.LogOrigin;
import org.accord.app.platform.witness.WitnessFile;
import org.axonframework.common.transaction.NoTransactionManager;
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
        Checkpoint first = sign(keys, "t", 100, "a", at);
        Checkpoint second = sign(keys, "t", 200, "b", at.plusSeconds(60));
        Checkpoint elsewhere = sign(keys, "u", 150, "c", at);
        store.record(second);
        store.record(first);
        store.record(elsewhere);
        // another replica signed the same head a moment later: the first one stays
        store.record(sign(keys, "t", 200, "b", at.plusSeconds(61)));
        // a checkpoint of the first format (no tree, no note) gives way to a tree checkpoint of the same head
        store.record(new Checkpoint("t", 300, "d".repeat(64), at, keys.keyId(), "c2lnbmF0dXJl"));
        Checkpoint third = sign(keys, "t", 300, "d", at.plusSeconds(120));
        store.record(third);

        assertThat(store.checkpoints("t")).containsExactly(first, second, third);
        assertThat(store.lastCheckpoint("t")).contains(third);
        assertThat(third.note()).as("the signed note, verbatim").isNotBlank();
        assertThat(store.lastCheckpoint("nobody")).isEmpty();
        assertThat(store.checkpoints("t")).allMatch(new CheckpointSigning(keys.publicKey())::verifies);
    }

    /** A tree checkpoint of a made-up head and root: what is stored, not what it states, is under test here. */
    private static Checkpoint sign(LedgerKeys keys, String trustId, long position, String hashDigit, Instant at) {
        byte[] root = new byte[32];
        root[0] = (byte) position;
        return CheckpointSigning.sign(new ChainHead(trustId, position, hashDigit.repeat(64)), root, at, keys,
                LogOrigin.DEFAULT_NAMESPACE);
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
    void aCheckpointIsSignedOverTheTreeOfTheChainStreamsLinksAndTheLogVerifiesAgainstIt(@TempDir Path dir)
            throws Exception {
        DevLedgerKey.keys(dir.resolve("key"));
        LedgerKeys keys = LedgerKeys.fromPem(Files.readString(dir.resolve("key").resolve(DevLedgerKey.PRIVATE_FILE)),
                Files.readString(dir.resolve("key").resolve(DevLedgerKey.PUBLIC_FILE)));
        ChainStreams streams = new ChainStreams(axonServer.events());
        ChainedAppender appender = new ChainedAppender(axonServer.events(), streams, Jackson3Serializer.builder()
                .build(), store, 5, () -> { }, n -> { });
        for (long sequence = 0; sequence < 5; sequence++) {
            appender.append(List.of(new GenericDomainEventMessage<>("Trust", "t", sequence,
                    new TrustRegisteredEvent("t", "T" + sequence))));
        }
        AxonServerLedgerSource source = new AxonServerLedgerSource(axonServer.events(), streams, store);
        List<Long> positions = new ArrayList<>();
        source.links("t", 2, (order, position, hash) -> positions.add(position));
        assertThat(positions).as("the links after position 2, from the chain stream").containsExactly(3L, 4L, 5L);

        DecisionLogIntegrity integrity = new DecisionLogIntegrity(source, store, keys,
                new WitnessFile(dir.resolve("witness.log")), null, NoTransactionManager.instance(), Clock.systemUTC(),
                LogOrigin.DEFAULT_NAMESPACE, Duration.ofMinutes(11));
        ChainHead head = store.head("t").orElseThrow();
        Checkpoint checkpoint = integrity.sign(head, Instant.now()).orElseThrow();
        integrity.record(checkpoint);
        assertThat(checkpoint.position()).isEqualTo(5);
        assertThat(checkpoint.rootHash()).isEqualTo(HexFormat.of().formatHex(integrity.tree(head).root(5)));

        Verification verification = integrity.verify("t");
        assertThat(verification.intact()).as(String.valueOf(verification.firstProblem())).isTrue();
        assertThat(verification.lastCheckpoint()).isEqualTo(checkpoint);
        String third = axonServer.all().get(5).getMessageIdentifier(); // marker, event, marker, event, marker, event
        assertThat(source.event(third)).map(StoredEvent::chainPosition).contains(3L);
        assertThat(source.event("no-such-event")).isEmpty();
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
