package org.accord.app.platform.aggregatecache;

import java.lang.reflect.Field;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Whether a cached aggregate is still the newest one: its version against the last sequence number the event store
 * holds for it. Where several app replicas share Axon Server, another replica may have appended to an aggregate
 * since this one cached it (a trust's roster changed by a command another replica handled); the check costs one
 * look-up of a number instead of reading the aggregate's whole history, which a trust of a few hundred events made
 * the largest part of a mutation (p99 1.0-1.5 s under 8 clients without a cache, 0.2 s with this one).
 * <p>
 * Axon's cache entry keeps the version it was made at in a private field and offers no accessor; it is read once
 * per look-up by reflection. {@code CachedAggregateIsCurrentTest} fails if an Axon upgrade renames it.
 */
public final class CachedAggregateIsCurrent implements BiPredicate<Object, Object> {

    private static final Field VERSION = versionField();

    private final Supplier<EventStore> eventStore;

    public CachedAggregateIsCurrent(Supplier<EventStore> eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public boolean test(Object aggregateId, Object cached) {
        if (!(cached instanceof AggregateCacheEntry<?> entry)) {
            return true;
        }
        Optional<Long> stored = eventStore.get().lastSequenceNumberFor(String.valueOf(aggregateId));
        return stored.isPresent() && Objects.equals(stored.get(), versionOf(entry));
    }

    static Long versionOf(AggregateCacheEntry<?> entry) {
        try {
            return (Long) VERSION.get(entry);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read the version of a cached aggregate", e);
        }
    }

    private static Field versionField() {
        try {
            Field version = AggregateCacheEntry.class.getDeclaredField("version");
            version.setAccessible(true);
            return version;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Axon's AggregateCacheEntry has no 'version' field any more: the aggregate"
                    + " cache cannot be checked against the event store", e);
        }
    }
}
