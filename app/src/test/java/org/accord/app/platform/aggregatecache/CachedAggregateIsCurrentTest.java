package org.accord.app.platform.aggregatecache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The checked aggregate cache of the production mode: an aggregate another replica appended to since this one
 * cached it is read from the store again, with the other replica's change; an unchanged one comes from the cache.
 */
class CachedAggregateIsCurrentTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private int checks;
    private final BoundedAggregateCache cache = new BoundedAggregateCache(10, (id, entry) -> {
        checks++;
        return new CachedAggregateIsCurrent(() -> store).test(id, entry);
    });
    private final EventSourcingRepository<Counter> counters = EventSourcingRepository.builder(Counter.class)
            .eventStore(store).cache(cache).build();

    @AfterEach
    void stop() {
        store.shutDown();
    }

    record Counted(String id, int value) {
    }

    static class Counter {
        @AggregateIdentifier
        private String id;
        private int value;

        Counter() {
        }

        Counter(String id) {
            apply(new Counted(id, 1));
        }

        void count() {
            apply(new Counted(id, value + 1));
        }

        int value() {
            return value;
        }

        @EventSourcingHandler
        void on(Counted counted) {
            id = counted.id();
            value = counted.value();
        }
    }

    private int valueOf(String id) throws Exception {
        return DefaultUnitOfWork.startAndGet(null)
                .executeWithResult(() -> counters.load(id).invoke(Counter::value)).getPayload();
    }

    @Test
    void anAggregateAnotherReplicaAppendedToIsReadFromTheStoreWithTheirChange() throws Exception {
        DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> counters.newInstance(() -> new Counter("c1")));
        assertThat(cache.<String, Object>get("c1")).as("cached after its command").isNotNull();

        // another replica's command, appended to the shared store without passing through this one's cache
        store.publish(new GenericDomainEventMessage<>(Counter.class.getSimpleName(), "c1", 1, new Counted("c1", 5)));

        assertThat(valueOf("c1")).isEqualTo(5);
    }

    @Test
    void anUnchangedAggregateIsTakenFromTheCacheAfterOneCheck() throws Exception {
        DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> counters.newInstance(() -> new Counter("c2")));
        DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> {
            counters.load("c2").execute(Counter::count);
            return null;
        });
        checks = 0;
        assertThat(valueOf("c2")).isEqualTo(2);
        assertThat(checks).as("the cached aggregate was found and checked").isEqualTo(1);
        assertThat(CachedAggregateIsCurrent.versionOf(cache.get("c2"))).isEqualTo(1L);
    }
}
