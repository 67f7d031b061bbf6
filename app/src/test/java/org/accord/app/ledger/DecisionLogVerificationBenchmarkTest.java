package org.accord.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.accord.api.shared.Actor;
import org.accord.api.trust.PersonRegisteredEvent;
import org.accord.api.trust.PersonRole;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How fast a trust's log verifies, against the raw cost of reading the same rows from the same store in the same
 * run: the worst case, where every event of the store is the trust's and is re-linked. 100,000 events in the build;
 * {@code -Daccord.bench.verify-events=1000000} for the 1M-event figure in docs/benchmarks.md.
 */
class DecisionLogVerificationBenchmarkTest {

    private static final int EVENTS = Integer.getInteger("accord.bench.verify-events", 100_000);
    private static final int BATCH = 100;

    @TempDir
    Path data;

    @TempDir
    Path witness;

    @Test
    void aTrustsLogVerifiesAtAFairShareOfTheRawReadRate() {
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

            assertThat(raw[0]).isEqualTo(EVENTS);
            assertThat(verification.intact()).as(String.valueOf(verification.firstProblem())).isTrue();
            assertThat(verification.checkedEvents()).isEqualTo(EVENTS);
            assertThat(verification.lastCheckpoint()).isNotNull();
        }
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
