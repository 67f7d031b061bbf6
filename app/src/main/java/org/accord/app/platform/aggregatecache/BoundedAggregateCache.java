package org.accord.app.platform.aggregatecache;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * Axon's aggregate cache, holding the most recently used aggregates strongly up to a bound. Axon's own
 * {@code WeakReferenceCache} lets the garbage collector drop an entry as soon as no command holds the aggregate,
 * which under load is at every young collection: the benchmark found castVote replaying the proposal's and the
 * trust's events on most commands (an eighth of a request's time).
 * <p>
 * Written here rather than taken from Axon's other adapters because none does the whole job. No adapter checks an
 * entry before handing it out, so the current-ness check of the production mode ({@link CachedAggregateIsCurrent})
 * would still need a decorator over every method of {@link Cache}, about the size of this class. Axon's
 * {@code JCacheAdapter} would also bring a JCache provider (Caffeine's {@code jcache} module, with the
 * {@code javax.cache} API and Typesafe Config it depends on) and its configuration, to replace a few lines that call
 * Caffeine directly; {@code EhCache3Adapter} would bring a second cache library beside Caffeine. What is left here is
 * plain delegation to Caffeine plus Axon's listener callbacks, which {@code BoundedAggregateCacheTest} checks.
 */
public final class BoundedAggregateCache implements Cache {

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();
    private final BiPredicate<Object, Object> current;

    public BoundedAggregateCache(long maximumAggregates) {
        this(maximumAggregates, (key, value) -> true);
    }

    /** @param current whether an entry found may still be used; one that may not is dropped, as if never cached */
    public BoundedAggregateCache(long maximumAggregates, BiPredicate<Object, Object> current) {
        this.current = current;
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumAggregates)
                .executor(Runnable::run) // evictions on the writing thread: no pool needed for a cheap job
                .removalListener((Object key, Object value, RemovalCause cause) -> {
                    if (cause.wasEvicted()) {
                        listeners.forEach(l -> l.onEntryExpired(key));
                    }
                })
                .build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value = entries.getIfPresent(key);
        if (value != null && !current.test(key, value)) {
            entries.asMap().remove(key, value);
            return null;
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        Object previous = entries.asMap().put(key, value);
        listeners.forEach(l -> {
            if (previous == null) {
                l.onEntryCreated(key, value);
            } else {
                l.onEntryUpdated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean added = entries.asMap().putIfAbsent(key, value) == null;
        if (added) {
            listeners.forEach(l -> l.onEntryCreated(key, value));
        }
        return added;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.get(key, k -> valueSupplier.get());
    }

    @Override
    public boolean remove(Object key) {
        boolean removed = entries.asMap().remove(key) != null;
        if (removed) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        entries.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.asMap().containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.asMap().computeIfPresent(key, (k, v) -> update.apply((V) v));
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
