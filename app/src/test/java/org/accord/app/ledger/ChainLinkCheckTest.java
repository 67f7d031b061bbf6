package org.accord.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.accord.api.shared.Actor;
import org.accord.api.trust.SchoolPhase;
import org.accord.api.trust.SchoolRegisteredEvent;
import org.accord.api.trust.TrustRegisteredEvent;
import org.accord.app.embedded.ledger.JdbcLedgerSource;
import org.accord.app.ledger.QuarantinedEvents.QuarantinedEvent;
import org.accord.app.ledger.Verification.Kind;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The link check that stands in front of the projections, on events read back from a chained store after an insider's
 * edits: only the forged events are refused, each with the kind verification would give it, and the genuine events
 * around them pass.
 */
class ChainLinkCheckTest {

    @TempDir
    Path data;

    private ChainedSqliteStore store;
    private JdbcTemplate sql;
    private ChainLinkCheck check;

    @BeforeEach
    void aChainedStoreOfTwoInterleavedTrusts() {
        store = new ChainedSqliteStore(data, 4);
        sql = store.sql();
        check = new ChainLinkCheck(store.source(), store.serializer(), Clock.systemUTC());
        store.engine().appendEvents(List.of(trust("t-1"), trust("t-2")));
        for (int i = 1; i <= 10; i++) {
            store.engine().appendEvents(List.of(school("t-1", i), school("t-2", i)));
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void everyEventOfAnUntouchedStorePasses() {
        Map<String, QuarantinedEvent> refused = checkAll();
        assertThat(storedEvents()).isEqualTo(22);
        assertThat(refused).isEmpty();
    }

    @Test
    void aFieldAddedToAStoredPayloadIsRefusedAsAlteredAndTheNextEventStillPasses() {
        String victim = store.eventAt("t-1", 5);
        sql.update("UPDATE DomainEventEntry SET payload = CAST(replace(CAST(payload AS TEXT), '\"trustId\"',"
                + " '\"forged\":true,\"trustId\"') AS BLOB) WHERE eventIdentifier = ?", victim);

        Map<String, QuarantinedEvent> refused = checkAll();
        assertThat(refused).containsOnlyKeys(victim);
        assertThat(refused.get(victim)).satisfies(q -> {
            assertThat(q.kind()).isEqualTo(Kind.ALTERED);
            assertThat(q.trustId()).isEqualTo("t-1");
            assertThat(q.position()).isEqualTo(5);
        });
    }

    @Test
    void aChangedNameIsRefusedAsAltered() {
        String victim = store.eventAt("t-2", 7);
        sql.update("UPDATE DomainEventEntry SET payload = CAST(replace(CAST(payload AS TEXT), 'School 6',"
                + " 'School 66') AS BLOB) WHERE eventIdentifier = ?", victim);

        assertThat(checkAll()).containsOnlyKeys(victim).allSatisfy((id, q) ->
                assertThat(q.kind()).isEqualTo(Kind.ALTERED));
    }

    @Test
    void aCopiedRowWithANewEventIdAndSequenceIsRefusedAsInsertedAndTheOriginalPasses() {
        String original = store.eventAt("t-1", 4);
        copyAs(original, "copied", 1000);

        Map<String, QuarantinedEvent> refused = checkAll();
        assertThat(refused).containsOnlyKeys("copied");
        assertThat(refused.get("copied").kind()).isEqualTo(Kind.INSERTED);
        assertThat(refused.get("copied").reason()).contains("already held by event " + original);
    }

    @Test
    void aCopyLinkedProperlyToTheSamePositionIsRefusedBecauseThePositionIsHeld() {
        // an insider with the algorithm gives the copy a link that verifies on the event before it
        String original = store.eventAt("t-1", 4);
        copyAs(original, "relinked-copy", 1001);
        String previous = store.source().hashesAt("t-1", 3).get(0);
        Map<String, Object> row = sql.queryForMap("SELECT type, aggregateIdentifier, payloadType, CAST(payload AS"
                + " TEXT) AS payload, timeStamp FROM DomainEventEntry WHERE eventIdentifier = 'relinked-copy'");
        String hash = ChainHasher.hash(new ChainLink("t-1", 4, previous, "relinked-copy", (String) row.get("type"),
                (String) row.get("aggregateIdentifier"), 1001, (String) row.get("payloadType"),
                ChainHasher.payload(((String) row.get("payload")).getBytes()), "person-exec",
                Instant.parse((String) row.get("timeStamp"))));
        sql.update("UPDATE DomainEventEntry SET metaData = CAST(json_set(CAST(metaData AS TEXT), '$.chainHash', ?)"
                + " AS BLOB) WHERE eventIdentifier = 'relinked-copy'", hash);

        Map<String, QuarantinedEvent> refused = checkAll();
        assertThat(refused).containsOnlyKeys("relinked-copy");
        assertThat(refused.get("relinked-copy").kind()).isEqualTo(Kind.INSERTED);
    }

    @Test
    void anEventStoredAfterTheCheckHadReadPastItsPositionPasses() {
        assertThat(checkAll()).isEmpty(); // the check has now read the positions ahead of every event
        store.engine().appendEvents(List.of(school("t-1", 11), school("t-1", 12), school("t-2", 11)));

        assertThat(checkAll()).isEmpty();
    }

    @Test
    void aReplayAsksForManyPositionsAtOnceAndALiveEventAtTheChainsEndForAFew() {
        List<Integer> asked = new ArrayList<>();
        LedgerSource counting = (LedgerSource) Proxy.newProxyInstance(LedgerSource.class.getClassLoader(),
                new Class<?>[] {LedgerSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("claimsAt")) {
                        asked.add(((List<?>) args[1]).size());
                    }
                    try {
                        return method.invoke(store.source(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        check = new ChainLinkCheck(counting, store.serializer(), Clock.systemUTC());

        assertThat(checkAll()).isEmpty();
        assertThat(asked).as("one lookup per trust, far ahead").containsExactly(ChainLinkCheck.AHEAD + 1,
                ChainLinkCheck.AHEAD + 1);

        asked.clear();
        for (int i = 11; i <= 13; i++) {
            store.engine().appendEvents(List.of(school("t-1", i)));
            assertThat(check.check(last())).isEmpty();
        }
        assertThat(asked).as("each new event past what was read, a few positions").hasSize(3)
                .allSatisfy(n -> assertThat(n).isEqualTo(ChainLinkCheck.AHEAD_AT_THE_END + 2));
    }

    @Test
    void aCopyStoredAfterItsOriginalWasCheckedIsStillRefused() {
        assertThat(checkAll()).isEmpty();
        copyAs(store.eventAt("t-2", 9), "late-copy", 1002);

        assertThat(checkAll()).containsOnlyKeys("late-copy");
    }

    @Test
    void anEventWithoutALinkIsRefusedAsInserted() {
        sql.update("INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,"
                + " metaData, payload, payloadType, timeStamp) VALUES ('t-1', 999, 'Trust', 'unlinked',"
                + " CAST('{\"actorId\":\"person-exec\"}' AS BLOB), CAST(? AS BLOB), ?, '2026-01-01T00:00:00.000Z')",
                "{\"trustId\":\"t-1\",\"schoolId\":\"s-x\",\"name\":\"Unlinked\",\"phase\":\"PRIMARY\","
                        + "\"registeredBy\":\"person-exec\"}", SchoolRegisteredEvent.class.getName());

        Map<String, QuarantinedEvent> refused = checkAll();
        assertThat(refused).containsOnlyKeys("unlinked");
        assertThat(refused.get("unlinked")).satisfies(q -> {
            assertThat(q.kind()).isEqualTo(Kind.INSERTED);
            assertThat(q.trustId()).isEqualTo("t-1");
            assertThat(q.position()).isZero();
        });
    }

    @Test
    void theEventAfterADeletedOneCannotBeCheckedAndIsRefusedAsMissing() {
        sql.update("DELETE FROM DomainEventEntry WHERE eventIdentifier = ?", store.eventAt("t-2", 6));
        String next = store.eventAt("t-2", 7);

        Map<String, QuarantinedEvent> refused = checkAll();
        assertThat(refused).containsOnlyKeys(next);
        assertThat(refused.get(next).kind()).isEqualTo(Kind.MISSING);
    }

    @Test
    void anEventMovedToAnotherTrustIsRefusedAsAltered() {
        String moved = store.eventAt("t-2", 3);
        sql.update("UPDATE DomainEventEntry SET payload = CAST(replace(CAST(payload AS TEXT), '\"t-2\"', '\"t-1\"')"
                + " AS BLOB) WHERE eventIdentifier = ?", moved);

        assertThat(checkAll()).containsOnlyKeys(moved).allSatisfy((id, q) -> {
            assertThat(q.kind()).isEqualTo(Kind.ALTERED);
            assertThat(q.reason()).contains("chain of trust 't-2' but names trust 't-1'");
        });
    }

    @Test
    void anEventOfNoTrustIsLeftAlone() {
        GenericDomainEventMessage<Object> noTrust = new GenericDomainEventMessage<>("Other", "o-1", 0,
                Map.of("name", "not a trust's"));
        assertThat(check.check(noTrust)).isEmpty();
    }

    @Test
    void theLookupByPositionIsServedByTheIndex() {
        List<Map<String, Object>> plan = sql.queryForList("EXPLAIN QUERY PLAN SELECT eventIdentifier FROM"
                + " DomainEventEntry WHERE " + JdbcLedgerSource.Position.TRUST + " = 't-1' AND "
                + JdbcLedgerSource.Position.POSITION + " IN ('3', '4') ORDER BY globalIndex");
        assertThat(plan).extracting(r -> (String) r.get("detail")).anySatisfy(detail ->
                assertThat(detail).contains("USING INDEX chain_position"));
    }

    /** Reads the whole store back as a projection would get it, and checks each event: the refused, by event id. */
    private Map<String, QuarantinedEvent> checkAll() {
        Map<String, QuarantinedEvent> refused = new LinkedHashMap<>();
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        try (Stream<? extends TrackedEventMessage<?>> stream = store.engine().readEvents(null, false)) {
            stream.forEach(events::add);
        }
        assertThat(events).as("events read back").isNotEmpty();
        for (TrackedEventMessage<?> event : events) {
            check.check(event).ifPresent(q -> refused.put(q.eventId(), q));
        }
        return refused;
    }

    /** The event stored last, as a projection reads it. */
    private TrackedEventMessage<?> last() {
        try (Stream<? extends TrackedEventMessage<?>> stream = store.engine().readEvents(null, false)) {
            return stream.reduce((a, b) -> b).orElseThrow();
        }
    }

    private long storedEvents() {
        return sql.queryForObject("SELECT count(*) FROM DomainEventEntry", Long.class);
    }

    private void copyAs(String eventId, String newId, long sequence) {
        sql.update("INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,"
                + " metaData, payload, payloadType, timeStamp) SELECT aggregateIdentifier, ?, type, ?, metaData,"
                + " payload, payloadType, timeStamp FROM DomainEventEntry WHERE eventIdentifier = ?", sequence, newId,
                eventId);
    }

    private static EventMessage<?> trust(String trustId) {
        return new GenericDomainEventMessage<>("Trust", trustId, 0, new TrustRegisteredEvent(trustId, trustId),
                Map.of(Actor.METADATA_KEY, "person-exec"));
    }

    private static EventMessage<?> school(String trustId, int n) {
        return new GenericDomainEventMessage<>("Trust", trustId, n, new SchoolRegisteredEvent(trustId,
                trustId + "-school-" + n, "School " + n, SchoolPhase.PRIMARY, "person-exec"),
                Map.of(Actor.METADATA_KEY, "person-exec"));
    }
}
