package org.accord.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.accord.api.shared.Actor;
import org.accord.api.trust.SchoolPhase;
import org.accord.api.trust.SchoolRegisteredEvent;
import org.accord.api.trust.TrustRegisteredEvent;
import org.accord.app.ledger.Verification.Kind;
import org.accord.app.platform.witness.WitnessFile;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The witness file against an insider who can rewrite the database: checkpoints deleted, a chain re-linked below a
 * checkpoint only the witness still holds, the last events removed and the head moved back, a witness file rolled
 * back. Each is reported, and none gets a new signature.
 */
class WitnessTest {

    @TempDir
    Path data;

    @TempDir
    Path outside;

    private ChainedSqliteStore store;
    private JdbcTemplate sql;
    private LedgerKeys keys;
    private Path witnessFile;
    private DecisionLogIntegrity integrity;
    private CheckpointSigner signer;

    @BeforeEach
    void aStoreWithACheckpointAt31() {
        store = new ChainedSqliteStore(data, 10);
        sql = store.sql();
        keys = LedgerKeys.inFolder(data.resolve("ledger"));
        witnessFile = outside.resolve("witness.log");
        start();
        store.engine().appendEvents(List.of(trust("t-1")));
        for (int i = 1; i <= 30; i++) {
            store.engine().appendEvents(List.of(school("t-1", i)));
        }
        signer.signDueCheckpoints();
        assertThat(store.ledger().checkpoints("t-1")).extracting(Checkpoint::position).containsExactly(31L);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void checkpointsDeletedFromTheDatabaseAndTheWitnessFileAlikeAreNotAFreshStart() throws IOException {
        sql.update("DELETE FROM chain_checkpoint");
        Files.delete(witnessFile);
        DecisionLogIntegrity anHourLater = store.integrity(keys, witnessFile,
                Clock.offset(Clock.systemUTC(), Duration.ofHours(1)));

        assertThat(anHourLater.check("t-1").problems()).extracting(Verification.Problem::kind)
                .containsExactly(Kind.CHECKPOINT_MISSING);
        assertThat(anHourLater.check("t-1").problems().get(0).detail()).contains("no signed checkpoint in the"
                + " database or in the witness file");
        assertThat(anHourLater.sign(store.ledger().head("t-1").orElseThrow(), Instant.now())).as("nothing signed")
                .isEmpty();

        store.engine().appendEvents(List.of(trust("t-2")));
        assertThat(store.integrity(keys, witnessFile).check("t-2").problems())
                .as("a trust seconds old needs no checkpoint yet").isEmpty();
    }

    @Test
    void everySignedCheckpointIsAppendedToTheWitnessFileWithTheTextItsSignatureCovers() throws IOException {
        List<String> lines = Files.readAllLines(witnessFile);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("{").contains("\"format\":\"accord-witness/1\"")
                .contains("\"type\":\"checkpoint\"").contains("\"trustId\":\"t-1\"").contains("\"position\":31");
        WitnessEntry entry = new WitnessFile(witnessFile).entries().get(0);
        assertThat(entry.signedText()).isEqualTo(store.ledger().checkpoints("t-1").get(0).signedText());
        assertThat(new CheckpointSigning(keys.publicKey()).verifies(entry.checkpoint())).isTrue();
        assertThat(integrity.verify("t-1").intact()).isTrue();
    }

    @Test
    void aRelinkedChainWithItsCheckpointRowsDeletedIsNotIntactAndIsNotSigned() {
        alterAndRelink("t-1", 12);
        sql.update("DELETE FROM chain_checkpoint");
        appendSchools(20); // due for a checkpoint
        start(); // a restart on the same store and witness file

        Verification v = integrity.verify("t-1");
        assertThat(v.intact()).isFalse();
        assertThat(v.firstProblem().kind()).isEqualTo(Kind.ALTERED);
        assertThat(v.firstProblem().detail()).contains("between positions 1 and 31");
        signer.signDueCheckpoints();
        assertThat(store.ledger().checkpoints("t-1")).as("nothing signed").isEmpty();
        assertThat(new WitnessFile(witnessFile).entries()).hasSize(1);
        assertThat(integrity.problems().get("t-1").problems()).extracting(Verification.Problem::kind)
                .contains(Kind.ALTERED, Kind.CHECKPOINT_MISSING);
    }

    @Test
    void checkpointRowsDeletedAloneAreMissingCheckpointsNotAFreshStart() {
        appendSchools(20);
        signer.signDueCheckpoints(); // a second checkpoint, at 51
        sql.update("DELETE FROM chain_checkpoint");
        start();

        Verification v = integrity.verify("t-1");
        assertThat(v.intact()).isFalse();
        assertThat(v.firstProblem().kind()).isEqualTo(Kind.CHECKPOINT_MISSING);
        assertThat(v.firstProblem().position()).isEqualTo(31);
    }

    @Test
    void deletingTheLastEventsAndMovingTheHeadBackIsCaughtByTheWitness() {
        appendSchools(20);
        signer.signDueCheckpoints(); // 51, in the database and the witness file
        // the insider removes events 45..51, moves the head back to 44, and deletes the checkpoint row at 51
        for (long p = 45; p <= 51; p++) {
            sql.update("DELETE FROM DomainEventEntry WHERE eventIdentifier = ?", store.eventAt("t-1", p));
        }
        sql.update("UPDATE chain_head SET position = 44, hash = ? WHERE trust_id = 't-1'", hashAt("t-1", 44));
        sql.update("DELETE FROM chain_checkpoint WHERE position = 51");
        start();

        Verification v = integrity.verify("t-1");
        assertThat(v.intact()).isFalse();
        assertThat(v.firstProblem().kind()).isEqualTo(Kind.MISSING);
        assertThat(v.firstProblem().position()).isEqualTo(45);
        appendSchools(20);
        signer.signDueCheckpoints();
        assertThat(store.ledger().checkpoints("t-1")).extracting(Checkpoint::position).containsExactly(31L);
    }

    @Test
    void aRelinkAfterTheDatabasesLastCheckpointIsCaughtByALaterWitnessEntry() {
        appendSchools(20);
        signer.signDueCheckpoints(); // 51
        sql.update("DELETE FROM chain_checkpoint WHERE position = 51");
        alterAndRelink("t-1", 40); // after the database's last checkpoint (31), before the witness's (51)
        start();

        Verification v = integrity.verify("t-1");
        assertThat(v.intact()).isFalse();
        assertThat(v.firstProblem().kind()).isEqualTo(Kind.ALTERED);
        assertThat(v.firstProblem().position()).isEqualTo(32);
        appendSchools(20);
        signer.signDueCheckpoints();
        assertThat(store.ledger().checkpoints("t-1")).extracting(Checkpoint::position).containsExactly(31L);
    }

    @Test
    void aRelinkWhileAccordRunsIsRefusedAtTheNextSigning() {
        integrity.check("t-1");
        alterAndRelink("t-1", 12);
        appendSchools(20);

        signer.signDueCheckpoints();

        assertThat(store.ledger().checkpoints("t-1")).extracting(Checkpoint::position).containsExactly(31L);
        assertThat(integrity.problems().get("t-1").blocksSigning()).isTrue();
    }

    @Test
    void aWitnessFileOlderThanTheDatabaseIsReportedNotTrusted() throws IOException {
        List<String> before = Files.readAllLines(witnessFile);
        appendSchools(20);
        signer.signDueCheckpoints(); // 51
        Files.write(witnessFile, before); // the witness file rolled back to an older copy
        start();

        Verification v = integrity.verify("t-1");
        assertThat(v.intact()).isFalse();
        assertThat(v.firstProblem().kind()).isEqualTo(Kind.WITNESS_ROLLED_BACK);
        assertThat(v.firstProblem().position()).isEqualTo(51);
        assertThat(integrity.check("t-1").blocksSigning()).isTrue();
    }

    @Test
    void anEmptyDatabaseBesideAWitnessFileIsNotAFreshStart() throws IOException {
        store.close();
        Path fresh = Files.createDirectories(outside.resolve("fresh"));
        store = new ChainedSqliteStore(fresh, 4);
        sql = store.sql();
        start();
        store.engine().appendEvents(List.of(trust("t-1")));
        appendSchools(40);

        Verification v = integrity.verify("t-1");
        assertThat(v.intact()).isFalse();
        signer.signDueCheckpoints();
        assertThat(store.ledger().checkpoints("t-1")).isEmpty();
    }

    @Test
    void anOperatorsAcknowledgementIsWitnessedAndSigningResumesFromTheCurrentHead() {
        alterAndRelink("t-1", 12);
        sql.update("DELETE FROM chain_checkpoint");
        start();
        assertThat(integrity.check("t-1").blocksSigning()).isTrue();

        WitnessEntry ack = integrity.acknowledge("t-1", "operator", "restored nothing: altered by hand, see ticket 9");

        assertThat(ack.isAcknowledgement()).isTrue();
        assertThat(ack.position()).isEqualTo(31);
        assertThat(new WitnessFile(witnessFile).entries()).last().isEqualTo(ack);
        assertThat(integrity.check("t-1").blocksSigning()).isFalse();
        assertThat(integrity.verify("t-1").intact()).as("acknowledged, still not intact").isFalse();
        appendSchools(20);
        signer.signDueCheckpoints();
        assertThat(store.ledger().checkpoints("t-1")).extracting(Checkpoint::position).contains(51L);

        start(); // and a later start remembers it
        assertThat(integrity.check("t-1").blocksSigning()).isFalse();
        assertThat(integrity.check("t-1").acknowledgement().reason()).contains("ticket 9");
    }

    @Test
    void checkpointsArePostedToTheWitnessUrlAndRetriedAfterAFailure() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/witness", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = calls.incrementAndGet() == 1 ? 503 : 201; // down at first
            if (status == 201) {
                received.add(new String(body, StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try (WitnessUrl url = new WitnessUrl(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                + "/witness"), Duration.ofMillis(200))) {
            integrity = new DecisionLogIntegrity(store.source(), store.ledger(), keys, new WitnessFile(witnessFile),
                    url, store.writer(), java.time.Clock.systemUTC());
            signer = new CheckpointSigner(store.ledger(), keys, properties(), integrity);
            appendSchools(20);
            long started = System.nanoTime();
            signer.signDueCheckpoints();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("never waits for the witness")
                    .isLessThan(Duration.ofSeconds(5));

            long deadline = System.currentTimeMillis() + 10_000;
            while (received.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertThat(calls.get()).isGreaterThanOrEqualTo(2);
            assertThat(received).hasSize(1);
            assertThat(received.get(0)).contains("\"position\":51").contains("\"type\":\"checkpoint\"");
        } finally {
            server.stop(0);
        }
    }

    /** A new integrity check on the same store and witness file: what a restart of Accord starts from. */
    @Test
    void anEventTheProjectionsQuarantinedStopsSigningUntilAnOperatorAcknowledgesItAndStaysListed() {
        assertThat(integrity.check("t-1").blocksSigning()).isFalse();
        integrity.quarantine().record(new QuarantinedEvents.QuarantinedEvent("forged", "t-1", 12, Kind.INSERTED,
                "position 12 is already held by event e-12, stored before it", Instant.now()));

        appendSchools(10);
        signer.signDueCheckpoints();
        assertThat(store.ledger().checkpoints("t-1")).extracting(Checkpoint::position).as("nothing signed")
                .containsExactly(31L);
        assertThat(integrity.problems().get("t-1").problems()).extracting(Verification.Problem::eventId)
                .containsExactly("forged");

        integrity.acknowledge("t-1", "operator", "a copied vote, kept as evidence");
        signer.signDueCheckpoints();
        assertThat(store.ledger().checkpoints("t-1")).extracting(Checkpoint::position).containsExactly(31L, 41L);
        assertThat(integrity.check("t-1")).satisfies(check -> {
            assertThat(check.blocksSigning()).isFalse();
            assertThat(check.acknowledgement().reason()).isEqualTo("a copied vote, kept as evidence");
            assertThat(check.problems()).extracting(Verification.Problem::kind).containsExactly(Kind.INSERTED);
        });
    }

    private void start() {
        integrity = store.integrity(keys, witnessFile);
        signer = new CheckpointSigner(store.ledger(), keys, properties(), integrity);
    }

    private static LedgerProperties properties() {
        return new LedgerProperties(10, Duration.ofMinutes(5), null, null);
    }

    private void appendSchools(int count) {
        long head = store.ledger().head("t-1").map(ChainHead::position).orElse(0L);
        for (int i = 0; i < count; i++) {
            store.engine().appendEvents(List.of(school("t-1", (int) head + 100 + i)));
        }
    }

    /** Alters the event at a position and re-links everything after it, and the head, as an insider could. */
    private void alterAndRelink(String trustId, long position) {
        sql.update("UPDATE DomainEventEntry SET payload = CAST(replace(CAST(payload AS TEXT), '\"School',"
                + " '\"Forged School') AS BLOB) WHERE eventIdentifier = ?", store.eventAt(trustId, position));
        store.relinkAsAnInsider(trustId);
    }

    private String hashAt(String trustId, long position) {
        return store.source().hashesAt(trustId, position).get(0);
    }

    private static EventMessage<?> trust(String trustId) {
        return new GenericDomainEventMessage<>("Trust", trustId, 0, new TrustRegisteredEvent(trustId, "One"),
                Map.of(Actor.METADATA_KEY, "person-exec"));
    }

    private static EventMessage<?> school(String trustId, int n) {
        return new GenericDomainEventMessage<>("Trust", trustId, n, new SchoolRegisteredEvent(trustId,
                trustId + "-school-" + n, "School " + n, SchoolPhase.PRIMARY, "person-exec"),
                Map.of(Actor.METADATA_KEY, "person-exec"));
    }
}
