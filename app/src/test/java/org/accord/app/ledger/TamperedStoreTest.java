package org.accord.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.accord.api.shared.Actor;
import org.accord.api.trust.SchoolPhase;
import org.accord.api.trust.SchoolRegisteredEvent;
import org.accord.api.trust.TrustRegisteredEvent;
import org.accord.app.embedded.ledger.ChainingEventStorageEngine;
import org.accord.app.embedded.ledger.JdbcLedgerSource;
import org.accord.app.embedded.ledger.JdbcLedgerStore;
import org.accord.app.ledger.Verification.Kind;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The store altered beneath Accord, by hand, the way someone with access to the database would: each alteration is
 * named by verification, with the position and the event where the chain first breaks.
 */
class TamperedStoreTest {

    @TempDir
    Path data;

    @TempDir
    Path witness;

    private ChainedSqliteStore store;
    private JdbcTemplate sql;
    private ChainingEventStorageEngine engine;
    private JdbcLedgerStore ledger;
    private JdbcLedgerSource source;
    private LedgerKeys keys;
    private CheckpointSigner signer;

    @BeforeEach
    void aChainedStoreOfTwoTrusts() {
        store = new ChainedSqliteStore(data, 10);
        sql = store.sql();
        ledger = store.ledger();
        source = store.source();
        engine = store.engine();
        keys = LedgerKeys.inFolder(data.resolve("ledger"));
        signer = new CheckpointSigner(ledger, keys, new LedgerProperties(10, Duration.ofMinutes(5), null, null),
                store.integrity(keys, witness.resolve("witness.log")));

        List<EventMessage<?>> events = new ArrayList<>();
        events.add(trust("t-1", "One"));
        events.add(trust("t-2", "Two"));
        engine.appendEvents(events);
        for (int i = 1; i <= 30; i++) {
            // the two trusts interleave, as they do in a real store
            engine.appendEvents(List.of(school("t-1", i), school("t-2", i)));
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anUntouchedStoreVerifiesForEachTrust() {
        assertThat(verify("t-1")).satisfies(v -> {
            assertThat(v.intact()).isTrue();
            assertThat(v.checkedEvents()).isEqualTo(31);
            assertThat(v.headHash()).isEqualTo(ledger.head("t-1").orElseThrow().hash());
            assertThat(v.firstProblem()).isNull();
        });
        assertThat(verify("t-2").intact()).isTrue();
        assertThat(verify("no-such-trust")).satisfies(v -> {
            assertThat(v.intact()).isTrue();
            assertThat(v.checkedEvents()).isZero();
        });
    }

    @Test
    void everyEventOfATrustIsLinkedToTheOneBeforeItInStoredOrder() {
        List<Map<String, Object>> rows = sql.queryForList("SELECT json_extract(CAST(metaData AS TEXT),"
                + " '$.chainPosition') AS position FROM DomainEventEntry WHERE json_extract(CAST(metaData AS TEXT),"
                + " '$.chainTrust') = 't-1' ORDER BY globalIndex");
        assertThat(rows).extracting(r -> Long.parseLong((String) r.get("position")))
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 31).boxed().toList());
    }

    @Test
    void aChangedPayloadIsNamedAsAlteredAtItsPosition() {
        String victim = store.eventAt("t-1", 12);
        sql.update("UPDATE DomainEventEntry SET payload = CAST(replace(CAST(payload AS TEXT), 'School 11',"
                + " 'School 99') AS BLOB) WHERE eventIdentifier = ?", victim);

        assertProblem(verify("t-1"), 12, victim, Kind.ALTERED);
        assertThat(verify("t-2").intact()).as("the other trust's chain is untouched").isTrue();
    }

    @Test
    void aChangedActorOrTimestampIsAnAlterationToo() {
        String actor = store.eventAt("t-1", 5);
        sql.update("UPDATE DomainEventEntry SET metaData = CAST(replace(CAST(metaData AS TEXT), 'person-exec',"
                + " 'person-board') AS BLOB) WHERE eventIdentifier = ?", actor);
        assertProblem(verify("t-1"), 5, actor, Kind.ALTERED);

        String time = store.eventAt("t-2", 3);
        sql.update("UPDATE DomainEventEntry SET timeStamp = '2020-01-01T00:00:00.000Z' WHERE eventIdentifier = ?",
                time);
        assertProblem(verify("t-2"), 3, time, Kind.ALTERED);
    }

    @Test
    void aDeletedEventIsNamedAsMissing() {
        sql.update("DELETE FROM DomainEventEntry WHERE eventIdentifier = ?", store.eventAt("t-1", 20));

        assertProblem(verify("t-1"), 20, null, Kind.MISSING);
    }

    @Test
    void deletingTheLastEventsIsCaughtByTheRecordedHead() {
        sql.update("DELETE FROM DomainEventEntry WHERE eventIdentifier IN (?, ?)", store.eventAt("t-1", 30),
                store.eventAt("t-1", 31));

        assertProblem(verify("t-1"), 30, null, Kind.MISSING);
    }

    @Test
    void aForgedCopyOfAnEventIsNamedAsInserted() {
        sql.update("INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,"
                + " metaData, payload, payloadType, timeStamp) SELECT aggregateIdentifier, 1000, type, 'forged',"
                + " metaData, payload, payloadType, timeStamp FROM DomainEventEntry WHERE eventIdentifier = ?",
                store.eventAt("t-1", 7));

        assertProblem(verify("t-1"), 32, "forged", Kind.INSERTED);
    }

    @Test
    void anEventWrittenStraightIntoTheStoreIsNamedAsInserted() {
        sql.update("INSERT INTO DomainEventEntry (globalIndex, aggregateIdentifier, sequenceNumber, type,"
                + " eventIdentifier, metaData, payload, payloadType, timeStamp) VALUES (0, 'x', 0, 'Trust', 'forged',"
                + " CAST('{\"actorId\":\"person-exec\"}' AS BLOB), CAST('{\"trustId\":\"t-1\",\"name\":\"Forged\"}'"
                + " AS BLOB), 'org.accord.api.trust.TrustRegisteredEvent', '2026-01-01T00:00:00.000Z')");

        assertProblem(verify("t-1"), 1, "forged", Kind.INSERTED);
    }

    @Test
    void aForgedEventLinkedAfterTheHeadIsCaughtByTheRecordedHead() {
        // someone who knows the algorithm links a forgery properly to the end of the chain
        ChainHead head = ledger.head("t-1").orElseThrow();
        String payload = "{\"trustId\":\"t-1\",\"schoolId\":\"s-forged\",\"name\":\"Forged\",\"phase\":\"PRIMARY\"}";
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        String hash = ChainHasher.hash(new ChainLink("t-1", head.position() + 1, head.hash(), "forged", "Trust",
                "t-1", 500, SchoolRegisteredEvent.class.getName(), ChainHasher.payload(payload.getBytes()),
                Actor.SYSTEM, at));
        sql.update("INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,"
                + " metaData, payload, payloadType, timeStamp) VALUES ('t-1', 500, 'Trust', 'forged', CAST(? AS BLOB),"
                + " CAST(? AS BLOB), ?, ?)", "{\"actorId\":\"system\",\"chainTrust\":\"t-1\",\"chainPosition\":\""
                + (head.position() + 1) + "\",\"chainHash\":\"" + hash + "\"}", payload,
                SchoolRegisteredEvent.class.getName(), "2026-01-01T00:00:00.000Z");

        assertProblem(verify("t-1"), head.position() + 1, "forged", Kind.INSERTED);
    }

    @Test
    void twoSwappedEventsAreNamedAsReordered() {
        long first = globalIndexOf(store.eventAt("t-1", 8));
        long second = globalIndexOf(store.eventAt("t-1", 9));
        sql.update("UPDATE DomainEventEntry SET globalIndex = -1 WHERE globalIndex = ?", first);
        sql.update("UPDATE DomainEventEntry SET globalIndex = ? WHERE globalIndex = ?", first, second);
        sql.update("UPDATE DomainEventEntry SET globalIndex = ? WHERE globalIndex = -1", second);

        assertProblem(verify("t-1"), 8, store.eventAt("t-1", 8), Kind.REORDERED);
    }

    @Test
    void movingAnEventOfOneTrustIntoAnotherIsAnAlteration() {
        String moved = store.eventAt("t-2", 4);
        sql.update("UPDATE DomainEventEntry SET payload = CAST(replace(CAST(payload AS TEXT), '\"t-2\"', '\"t-1\"')"
                + " AS BLOB) WHERE eventIdentifier = ?", moved);

        // stored as t-2's fourth event, stored after t-1's fourth: each chain sees it where it breaks
        assertProblem(verify("t-2"), 4, moved, Kind.ALTERED);
        assertProblem(verify("t-1"), 5, moved, Kind.ALTERED);
    }

    @Test
    void aChainRewrittenConsistentlyAfterAnAlterationIsCaughtByTheSignedCheckpoint() {
        signer.signDueCheckpoints(); // 31 events past none: signs position 31
        assertThat(ledger.lastCheckpoint("t-1")).hasValueSatisfying(c -> assertThat(c.position()).isEqualTo(31));

        // an insider changes event 12 and re-links every event after it, and the head, with the public algorithm
        sql.update("UPDATE DomainEventEntry SET payload = CAST(replace(CAST(payload AS TEXT), 'School 11',"
                + " 'School 99') AS BLOB) WHERE eventIdentifier = ?", store.eventAt("t-1", 12));
        store.relinkAsAnInsider("t-1");
        assertThat(verifyIgnoringCheckpoints("t-1").intact())
                .as("without the signature the rewrite would pass").isTrue();

        Verification v = verify("t-1");
        assertThat(v.intact()).isFalse();
        assertThat(v.firstProblem().kind()).isEqualTo(Kind.ALTERED);
        assertThat(v.firstProblem().position()).isEqualTo(1);
        assertThat(v.firstProblem().detail()).contains("between positions 1 and 31");
    }

    @Test
    void aCheckpointChangedToMatchARewriteNoLongerVerifies() {
        signer.signDueCheckpoints();
        sql.update("UPDATE chain_checkpoint SET hash = 'feed' || substr(hash, 5) WHERE trust_id = 't-1'");

        Verification v = verify("t-1");
        assertThat(v.firstProblem().kind()).isEqualTo(Kind.CHECKPOINT_INVALID);
        assertThat(v.firstProblem().position()).isEqualTo(31);
    }

    @Test
    void checkpointsAreSignedEveryNEventsAndVerifyWithThePublishedKey() {
        signer.signDueCheckpoints();
        engine.appendEvents(List.of(school("t-1", 31)));
        signer.signDueCheckpoints();
        assertThat(ledger.checkpoints("t-1")).extracting(Checkpoint::position).containsExactly(31L)
                .as("one more event is not yet due");
        for (int i = 32; i < 42; i++) {
            engine.appendEvents(List.of(school("t-1", i)));
        }
        signer.signDueCheckpoints();
        assertThat(ledger.checkpoints("t-1")).extracting(Checkpoint::position).containsExactly(31L, 42L);

        Verification v = verify("t-1");
        assertThat(v.intact()).isTrue();
        assertThat(v.lastCheckpoint().position()).isEqualTo(42);
        CheckpointSigning published = new CheckpointSigning(LedgerKeys.publicKey(keys.publicKeyPem()));
        assertThat(ledger.checkpoints("t-1")).allMatch(published::verifies);
    }

    private Verification verify(String trustId) {
        return source.read(trustId, (events, head, checkpoints) ->
                ChainVerifier.verify(trustId, events, head, checkpoints, keys.publicKey()));
    }

    /** Verification that trusts the head table and ignores checkpoints: what a re-linked store would fool. */
    private Verification verifyIgnoringCheckpoints(String trustId) {
        return source.read(trustId, (events, head, checkpoints) ->
                ChainVerifier.verify(trustId, events, head, List.of(), keys.publicKey()));
    }

    private long globalIndexOf(String eventId) {
        return sql.queryForObject("SELECT globalIndex FROM DomainEventEntry WHERE eventIdentifier = ?", Long.class,
                eventId);
    }

    private static void assertProblem(Verification v, long position, String eventId, Kind kind) {
        assertThat(v.intact()).as("intact").isFalse();
        assertThat(v.firstProblem()).as(v.firstProblem() == null ? "no problem" : v.firstProblem().detail())
                .satisfies(p -> {
                    assertThat(p.kind()).isEqualTo(kind);
                    assertThat(p.position()).isEqualTo(position);
                    assertThat(p.eventId()).isEqualTo(eventId);
                });
        assertThat(v.checkedEvents()).isLessThan(position);
    }

    private static EventMessage<?> trust(String trustId, String name) {
        return new GenericDomainEventMessage<>("Trust", trustId, 0, new TrustRegisteredEvent(trustId, name),
                Map.of(Actor.METADATA_KEY, "person-exec"));
    }

    private static EventMessage<?> school(String trustId, int n) {
        return new GenericDomainEventMessage<>("Trust", trustId, n, new SchoolRegisteredEvent(trustId,
                trustId + "-school-" + n, "School " + n, SchoolPhase.PRIMARY, "person-exec"), Map.of(Actor.METADATA_KEY, "person-exec"));
    }
}
