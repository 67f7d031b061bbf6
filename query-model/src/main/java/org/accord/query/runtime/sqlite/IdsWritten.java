package org.accord.query.runtime.sqlite;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Every id written to a table since it was made, as Bloom filters: an id none of them holds is surely not in the
 * table, and a batch need not look for it (the store keeps them only for the tables it made itself).
 * <p>
 * Why: a rebuild looks up a row for nearly every event before it writes it, and nearly all of those rows are not
 * there yet: at 1M events, 2.2M of 2.3M lookups found nothing (decision records, votes, notifications), each a query
 * on SQLite's B-tree (docs/benchmarks.md, run 23).
 * <p>
 * The filters only ever grow: a deleted row's id stays in them, and an id written by a transaction that rolled back
 * too. Either way the table is read, as it would be without them; a filter may say "maybe" wrongly (about 1% of the
 * time), never "surely not". A full filter is followed by one twice its size, each new one stricter, so the chance of
 * a wrong "maybe" stays bounded however many rows the table gets (Almeida et al., scalable Bloom filters).
 * <p>
 * Written here rather than taken from Guava: Guava's filters hash the id again for each filter, and a table of 1M
 * rows has seven; here an id is hashed once for all of them, which a rebuild asks two million times.
 */
final class IdsWritten {

    private static final int FIRST_CAPACITY = 16_384;
    private static final double FIRST_FALSE_POSITIVES = 0.005;

    private final List<Filter> filters = new CopyOnWriteArrayList<>();
    private Filter current;

    /** Remembers the id, before its row is written: anyone who can read the row then knows of it. */
    synchronized void add(String id) {
        long hash = hash(id);
        if (current != null && current.mayHold(hash)) {
            return;
        }
        if (current == null || current.full()) {
            current = current == null ? new Filter(FIRST_CAPACITY, FIRST_FALSE_POSITIVES)
                    : new Filter(current.capacity * 2, current.falsePositives / 2);
            filters.add(current);
        }
        current.put(hash);
    }

    /** Whether the id was surely never written to the table. */
    boolean surelyNot(String id) {
        long hash = hash(id);
        for (Filter filter : filters) {
            if (filter.mayHold(hash)) {
                return false;
            }
        }
        return true;
    }

    /** FNV-1a over the id's characters, then MurmurHash3's finaliser to spread it over all 64 bits. */
    private static long hash(String id) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            hash = (hash ^ id.charAt(i)) * 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        return hash ^ (hash >>> 33);
    }

    /** One Bloom filter: its probes are the id's two halves combined (Kirsch and Mitzenmacher). */
    private static final class Filter {

        private final long capacity;
        private final double falsePositives;
        private final AtomicLongArray words;
        /** The number of bits less one: a power of two, so that a probe takes its bit by a mask, not a division. */
        private final long mask;
        private final int probes;
        private long held;

        Filter(long capacity, double falsePositives) {
            this.capacity = capacity;
            this.falsePositives = falsePositives;
            long wanted = (long) Math.ceil(-capacity * Math.log(falsePositives) / (Math.log(2) * Math.log(2)));
            long bits = Math.max(64, Long.highestOneBit(wanted - 1) << 1);
            this.words = new AtomicLongArray((int) (bits / 64));
            this.mask = bits - 1;
            // as many probes as the bits the filter really has call for, at most as many as what it was asked for
            this.probes = (int) Math.max(1, Math.min(Math.round(-Math.log(falsePositives) / Math.log(2)),
                    Math.round((double) bits / capacity * Math.log(2))));
        }

        boolean full() {
            return held >= capacity;
        }

        void put(long hash) {
            int low = (int) hash;
            int high = (int) (hash >>> 32);
            for (int i = 1; i <= probes; i++) {
                long bit = (low + i * high) & mask;
                int word = (int) (bit >>> 6);
                long flag = 1L << bit;
                long was;
                do {
                    was = words.get(word);
                } while ((was & flag) == 0 && !words.compareAndSet(word, was, was | flag));
            }
            held++;
        }

        boolean mayHold(long hash) {
            int low = (int) hash;
            int high = (int) (hash >>> 32);
            for (int i = 1; i <= probes; i++) {
                long bit = (low + i * high) & mask;
                if ((words.get((int) (bit >>> 6)) & (1L << bit)) == 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
