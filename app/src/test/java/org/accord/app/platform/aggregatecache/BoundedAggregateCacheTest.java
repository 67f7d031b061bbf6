package org.accord.app.platform.aggregatecache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class BoundedAggregateCacheTest {

    @Test
    void anAggregateNoCommandHoldsStaysCachedThroughGarbageCollection() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        cache.put("proposal-1", new StringBuilder("state of proposal-1"));

        System.gc();

        assertThat(cache.<String, StringBuilder>get("proposal-1")).hasToString("state of proposal-1");
    }

    @Test
    void beyondItsBoundTheCacheKeepsNoMoreThanItsSize() {
        BoundedAggregateCache cache = new BoundedAggregateCache(100);
        for (int i = 0; i < 1_000; i++) {
            cache.put("aggregate-" + i, i);
        }

        long kept = java.util.stream.IntStream.range(0, 1_000)
                .filter(i -> cache.containsKey("aggregate-" + i)).count();
        assertThat(kept).isLessThanOrEqualTo(100).isPositive();
    }

    @Test
    void listenersHearOfEntriesCreatedUpdatedRemovedAndEvicted() {
        BoundedAggregateCache cache = new BoundedAggregateCache(1);
        List<String> heard = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                heard.add("updated " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }

            @Override
            public void onEntryExpired(Object key) {
                heard.add("evicted " + key);
            }
        });

        cache.put("a", 1);
        cache.put("a", 2);
        cache.remove("a");
        cache.put("b", 1);
        cache.put("c", 1);

        assertThat(heard).containsSubsequence("created a", "updated a", "removed a", "created b", "created c")
                .containsAnyOf("evicted b", "evicted c");
    }

    @Test
    void computeIfAbsentAsksForAValueOnlyOnce() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);

        Object first = cache.computeIfAbsent("k", () -> "made");
        Object second = cache.computeIfAbsent("k", () -> "made again");

        assertThat(first).isEqualTo("made");
        assertThat(second).isEqualTo("made");
    }
}
