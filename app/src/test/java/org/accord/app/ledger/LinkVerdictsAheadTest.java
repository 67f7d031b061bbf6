package org.accord.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.accord.api.shared.Actor;
import org.accord.api.trust.SchoolPhase;
import org.accord.api.trust.SchoolRegisteredEvent;
import org.accord.api.trust.TrustRegisteredEvent;
import org.accord.app.ledger.Verification.Kind;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The link checks the store's reader makes ahead of a projection: the projection takes a verdict only for the very
 * message it was reached on, and checks anything else itself.
 */
class LinkVerdictsAheadTest {

    @TempDir
    Path data;

    private ChainedSqliteStore store;
    private ChainLinkCheck own;
    /** A projection's check that fails if it is asked at all: its store is away. */
    private ChainLinkCheck unreachable;

    @BeforeEach
    void aChainedStoreOfOneTrust() {
        store = new ChainedSqliteStore(data, 4);
        own = new ChainLinkCheck(store.source(), store.serializer(), Clock.systemUTC());
        unreachable = new ChainLinkCheck(new UnreachableLedger(), store.serializer(), Clock.systemUTC());
        store.engine().appendEvents(List.of(trust()));
        for (int i = 1; i <= 5; i++) {
            store.engine().appendEvents(List.of(school(i)));
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theProjectionTakesTheVerdictReachedAheadOnTheSameMessageWithoutCheckingAgain() {
        LinkVerdictsAhead ahead = ahead(100);
        List<TrackedEventMessage<?>> events = readAll();
        events.forEach(ahead::reachAhead);

        for (TrackedEventMessage<?> event : events) {
            assertThat(ahead.verdictOn(event, unreachable)).isEmpty();
        }
    }

    @Test
    void aVerdictIsTakenOnceTheSameMessageAskedAgainIsCheckedByTheProjection() {
        LinkVerdictsAhead ahead = ahead(100);
        TrackedEventMessage<?> first = readAll().get(1);
        ahead.reachAhead(first);

        assertThat(ahead.verdictOn(first, unreachable)).isEmpty();
        assertThatThrownBy(() -> ahead.verdictOn(first, unreachable)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEventReadAgainAfterAnInsidersEditIsCheckedAfreshAndRefused() {
        LinkVerdictsAhead ahead = ahead(100);
        String victim = store.eventAt("t-1", 4); // School 3: the trust holds position 1
        readAll().forEach(ahead::reachAhead); // every event passed as the reader read it
        store.sql().update("UPDATE DomainEventEntry SET payload = CAST(replace(CAST(payload AS TEXT), 'School 3',"
                + " 'School 33') AS BLOB) WHERE eventIdentifier = ?", victim);

        TrackedEventMessage<?> readAgain = readAll().stream()
                .filter(event -> event.getIdentifier().equals(victim)).findFirst().orElseThrow();

        assertThat(ahead.verdictOn(readAgain, own)).hasValueSatisfying(refused -> {
            assertThat(refused.eventId()).isEqualTo(victim);
            assertThat(refused.kind()).isEqualTo(Kind.ALTERED);
        });
    }

    @Test
    void aForgedEventReadAheadIsRefusedByTheVerdictReachedAhead() {
        LinkVerdictsAhead ahead = ahead(100);
        String victim = store.eventAt("t-1", 5); // School 4
        store.sql().update("UPDATE DomainEventEntry SET payload = CAST(replace(CAST(payload AS TEXT), 'School 4',"
                + " 'School 44') AS BLOB) WHERE eventIdentifier = ?", victim);
        List<TrackedEventMessage<?>> events = readAll();
        events.forEach(ahead::reachAhead);

        assertThat(events).filteredOn(event -> ahead.verdictOn(event, unreachable).isPresent())
                .extracting(EventMessage::getIdentifier).containsExactly(victim);
    }

    @Test
    void onlyTheNewestVerdictsAreKeptAndAnOlderOneIsCheckedByTheProjection() {
        LinkVerdictsAhead ahead = ahead(2);
        List<TrackedEventMessage<?>> events = readAll();
        events.forEach(ahead::reachAhead);

        assertThat(ahead.verdictOn(events.get(events.size() - 1), unreachable)).isEmpty();
        assertThatThrownBy(() -> ahead.verdictOn(events.get(0), unreachable))
                .isInstanceOf(IllegalStateException.class);
        assertThat(ahead.verdictOn(events.get(0), own)).isEmpty();
    }

    private LinkVerdictsAhead ahead(int kept) {
        return new LinkVerdictsAhead(new ChainLinkCheck(store.source(), store.serializer(), Clock.systemUTC()), kept);
    }

    private List<TrackedEventMessage<?>> readAll() {
        try (Stream<? extends TrackedEventMessage<?>> stream = store.engine().readEvents(null, false)) {
            return stream.<TrackedEventMessage<?>>map(event -> event).toList();
        }
    }

    private static EventMessage<?> trust() {
        return new GenericDomainEventMessage<>("Trust", "t-1", 0, new TrustRegisteredEvent("t-1", "t-1"),
                Map.of(Actor.METADATA_KEY, "person-exec"));
    }

    private static EventMessage<?> school(int n) {
        return new GenericDomainEventMessage<>("Trust", "t-1", n, new SchoolRegisteredEvent("t-1",
                "t-1-school-" + n, "School " + n, SchoolPhase.PRIMARY, "person-exec"),
                Map.of(Actor.METADATA_KEY, "person-exec"));
    }

    /** A ledger that cannot be reached: a check that asks it fails. */
    private static final class UnreachableLedger implements LedgerSource {

        @Override
        public <T> T read(String trustId, Reading<T> reading) {
            throw new IllegalStateException("the ledger was asked");
        }

        @Override
        public List<String> hashesAt(String trustId, long position) {
            throw new IllegalStateException("the ledger was asked");
        }

        @Override
        public List<Claim> claimsAt(String trustId, List<Long> positions) {
            throw new IllegalStateException("the ledger was asked");
        }
    }
}
