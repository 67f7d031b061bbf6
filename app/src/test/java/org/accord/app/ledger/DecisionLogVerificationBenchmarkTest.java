package org.accord.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.accord.api.shared.Actor;
import org.accord.api.trust.PersonRegisteredEvent;
import org.accord.api.trust.PersonRole;
import org.accord.app.embedded.ledger.ChainingEventStorageEngine;
import org.accord.app.embedded.ledger.JdbcLedgerSource;
import org.accord.app.embedded.ledger.JdbcLedgerStore;
import org.accord.app.ledger.merkle.ConsistencyProof;
import org.accord.app.ledger.merkle.InclusionProof;
import org.accord.app.ledger.merkle.MerkleTree;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.JsonParser;

/**
 * How fast a trust's log verifies, against the raw cost of reading the same rows from the same store in the same
 * run: the worst case, where every event of the store is the trust's and is re-linked. Then what a board meets: the
 * export written, verified offline ({@code verify-export}: every link, the Merkle tree, every checkpoint's note)
 * against a plain parse of the same file, and the proofs of one decision and of an earlier size, with their sizes.
 * Prints figures; asserts only correctness. 100,000 events in the build;
 * {@code -Daccord.bench.verify-events=1000000} for the 1M-event figures in docs/benchmarks.md.
 */
class DecisionLogVerificationBenchmarkTest {

    private static final int EVENTS = Integer.getInteger("accord.bench.verify-events", 100_000);
    private static final int BATCH = 100;

    @TempDir
    Path data;

    @TempDir
    Path witness;

    @Test
    void aTrustsLogVerifiesAtAFairShareOfTheRawReadRate() throws IOException {
        try (ChainedSqliteStore store = new ChainedSqliteStore(data, 2)) {
            JdbcTemplate sql = store.sql();
            JdbcLedgerStore ledger = store.ledger();
            ChainingEventStorageEngine engine = store.engine();
            LedgerKeys keys = LedgerKeys.inFolder(data.resolve("ledger"));
            // the signer waits its turn on the same writer as the appends, as in the application
            CheckpointSigner signer = new CheckpointSigner(ledger, keys,
                    new LedgerProperties(10_000, Duration.ofMinutes(5), null, null),
                    store.integrity(keys, witness.resolve("witness.log")));

            long appendStart = System.nanoTime();
            for (int batch = 0; batch < EVENTS / BATCH; batch++) {
                engine.appendEvents(people("bench-trust", batch));
                if (batch % 100 == 99) {
                    signer.signDueCheckpoints();
                }
            }
            double appendSeconds = seconds(appendStart);

            long rawStart = System.nanoTime();
            long[] raw = new long[2];
            sql.query("SELECT globalIndex, eventIdentifier, type, aggregateIdentifier, sequenceNumber, payloadType,"
                    + " payload, metaData, timeStamp FROM DomainEventEntry ORDER BY globalIndex", rs -> {
                        raw[0]++;
                        raw[1] += rs.getBytes(7).length + rs.getBytes(8).length + rs.getString(2).length();
                    });
            double rawSeconds = seconds(rawStart);

            JdbcLedgerSource source = store.source();
            long verifyStart = System.nanoTime();
            Verification verification = source.read("bench-trust", (events, head, checkpoints) ->
                    ChainVerifier.verify("bench-trust", events, head, checkpoints, keys.publicKey()));
            double verifySeconds = seconds(verifyStart);

            System.out.printf("decision log verification: %,d events verified in %.2f s (%,.0f events/s);"
                            + " raw read of the same rows %,.0f rows/s; ratio %.2f of raw; %d checkpoints"
                            + " (appended with links at %,.0f events/s)%n",
                    verification.checkedEvents(), verifySeconds, EVENTS / verifySeconds, raw[0] / rawSeconds,
                    (EVENTS / verifySeconds) / (raw[0] / rawSeconds), ledger.checkpoints("bench-trust").size(),
                    EVENTS / appendSeconds);

            exportAndProofs(store, keys, signer, verification);

            assertThat(raw[0]).isEqualTo(EVENTS);
            assertThat(verification.intact()).as(String.valueOf(verification.firstProblem())).isTrue();
            assertThat(verification.checkedEvents()).isEqualTo(EVENTS);
            assertThat(verification.lastCheckpoint()).isNotNull();
        }
    }

    private void exportAndProofs(ChainedSqliteStore store, LedgerKeys keys, CheckpointSigner signer,
                                 Verification live) throws IOException {
        DecisionLogIntegrity integrity = store.integrity(keys, witness.resolve("witness.log"));
        DecisionLogVerifier verifier = new DecisionLogVerifier(store.source(), keys, signer, integrity,
                store.ledger());
        Path export = data.resolve("export.json");
        long exportStart = System.nanoTime();
        try (OutputStream out = Files.newOutputStream(export)) {
            verifier.export("bench-trust", Withholding.nothing(), out);
        }
        double exportSeconds = seconds(exportStart);

        // the baseline: the same file parsed as JSON, token by token, nothing checked
        long parseStart = System.nanoTime();
        long tokens = 0;
        try (InputStream in = Files.newInputStream(export); JsonParser parser = ExportFormat.JSON.createParser(in)) {
            while (parser.nextToken() != null) {
                tokens++;
            }
        }
        double parseSeconds = seconds(parseStart);

        // three times, as a board might on a new machine: the first includes the JIT's warm-up
        PublicKey key = LedgerKeys.publicKey(keys.publicKeyPem());
        OfflineVerifier.Result offline = null;
        List<String> runs = new ArrayList<>();
        double offlineSeconds = Double.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long offlineStart = System.nanoTime();
            try (InputStream in = Files.newInputStream(export)) {
                offline = OfflineVerifier.verify(in, key, null);
            }
            double took = seconds(offlineStart);
            runs.add(String.format("%.2f", took));
            offlineSeconds = Math.min(offlineSeconds, took);
        }

        ChainHead head = store.ledger().head("bench-trust").orElseThrow();
        long treeStart = System.nanoTime();
        // a fresh integrity check has no tree yet: built from the stored links, as at a start
        MerkleTree tree = store.integrity(keys, witness.resolve("witness.log")).tree(head);
        double treeSeconds = seconds(treeStart);
        long inclusionStart = System.nanoTime();
        int maxInclusion = 0;
        for (long leaf = 0; leaf < EVENTS; leaf += EVENTS / 1000) {
            InclusionProof proof = tree.inclusionProof(leaf, EVENTS);
            proof.verify(tree.leafHash(leaf), tree.root());
            maxInclusion = Math.max(maxInclusion, proof.path().size());
        }
        double inclusionMicros = seconds(inclusionStart) * 1e6 / 1000;
        long consistencyStart = System.nanoTime();
        int maxConsistency = 0;
        for (long size = 1; size < EVENTS; size += EVENTS / 1000) {
            ConsistencyProof proof = tree.consistencyProof(size, EVENTS);
            proof.verify(tree.root(size), tree.root());
            maxConsistency = Math.max(maxConsistency, proof.path().size());
        }
        double consistencyMicros = seconds(consistencyStart) * 1e6 / 1000;

        System.out.printf("decision log export: %,d events, %,d MB written in %.2f s; verify-export %.2f s at best"
                        + " (runs: %s s) against a plain JSON parse of the same file in %.2f s (ratio %.1f); %d"
                        + " checkpoints checked%n",
                offline.verification().checkedEvents(), Files.size(export) / 1_000_000, exportSeconds, offlineSeconds,
                String.join(", ", runs), parseSeconds, offlineSeconds / parseSeconds,
                offline.header().checkpoints().size());
        System.out.printf("transparency log at %,d leaves: tree built from the store in %.2f s; inclusion proofs at"
                        + " most %d hashes (ceil log2 n = %d), %.0f us each with verification; consistency proofs at"
                        + " most %d hashes, %.0f us each%n",
                EVENTS, treeSeconds, maxInclusion, 64 - Long.numberOfLeadingZeros(EVENTS - 1), inclusionMicros,
                maxConsistency, consistencyMicros);

        assertThat(tokens).isPositive();
        assertThat(offline.verification().coveredBySignature()).as(String.valueOf(offline.verification()
                .firstProblem())).isTrue();
        assertThat(offline.verification().rootHash()).isEqualTo(HexFormat.of().formatHex(tree.root()));
        assertThat(maxInclusion).isLessThanOrEqualTo(64 - Long.numberOfLeadingZeros(EVENTS - 1));
        assertThat(live.intact()).isTrue();
    }

    private static List<EventMessage<?>> people(String trustId, int batch) {
        List<EventMessage<?>> events = new ArrayList<>(BATCH);
        String aggregate = "bench-aggregate-" + batch;
        for (int i = 0; i < BATCH; i++) {
            String person = UUID.randomUUID().toString();
            events.add(new GenericDomainEventMessage<>("Trust", aggregate, i, new PersonRegisteredEvent(trustId,
                    person, Set.of(PersonRole.STAFF), "school-" + (i % 50), "p-exec"),
                    Map.of(Actor.METADATA_KEY, "p-exec")));
        }
        return events;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
