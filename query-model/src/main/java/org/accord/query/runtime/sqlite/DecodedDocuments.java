package org.accord.query.runtime.sqlite;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.bson.Document;

/**
 * Documents already decoded from their JSON, for queries: run 11 of the benchmark found half of a {@code rulesInForce}
 * request's CPU in parsing rows' JSON and converting them into document records, the same 500 standards of a trust on
 * every request. The embedded runtime is the only writer of its read-model file, so a decoded document stays right
 * until this store writes its row again, and every write forgets it.
 * <p>
 * A reader never caches what it read while a write to the same table was under way: each table has a stamp, moved by
 * every write as it happens and again once its transaction has ended (committed or not); a reader notes the stamp
 * before its read and, having cached what it read, forgets it if the stamp has moved since. Reads inside a
 * transaction (a projection's batch, which sees its own uncommitted writes) bypass the cache altogether.
 * <p>
 * Bounded by the length of the documents' JSON, so a trust's hot documents stay and a long log's rows come and go.
 * Decoded documents are shared between requests: they are values, and nothing changes one after reading it.
 * <p>
 * A live batch's few documents that queries had decoded are also kept as it wrote them ({@link #keep}), once its
 * transaction has committed and its writes have been forgotten: the query that follows a mutation (its payload) reads
 * the document the mutation just changed, and reading its row back (the read, the row decompressed, its JSON parsed)
 * was over half of that read (docs/benchmarks.md, session 36). Kept as the document the row was encoded from, it is
 * read into its type by the first query that asks, as a row would be. Only what queries had decoded: the rows a
 * mutation adds that no query reads (its decision record, a vote's row) would take the place of what they do read,
 * and a document weighs several times its JSON on the heap.
 */
final class DecodedDocuments {

    /** About 64 MB of JSON: a few trusts' standards, schools and variations at the benchmark's size. */
    private static final long MAX_JSON_BYTES = 64L * 1024 * 1024;

    private final Cache<Key, Object> decoded = Caffeine.newBuilder()
            .maximumWeight(MAX_JSON_BYTES)
            .weigher((Key key, Object document) -> key.weight)
            .build();
    private final Map<String, AtomicLong> stamps = new ConcurrentHashMap<>();
    /** How a kept document is read into its type: as a row's document is. */
    private final BiFunction<Class<?>, Document, Object> reader;

    /** A document a batch wrote, as it wrote it, not yet read into a type; and the length of its row's JSON. */
    private record Written(Document document, int weight) {
    }

    DecodedDocuments(BiFunction<Class<?>, Document, Object> reader) {
        this.reader = reader;
    }

    /** A document as decoded for one type, and the length of its JSON (its weight); equal by table and id only. */
    private static final class Key {
        private final String table;
        private final String id;
        private final int weight;

        Key(String table, String id, int weight) {
            this.table = table;
            this.id = id;
            this.weight = weight;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.table.equals(table) && key.id.equals(id);
        }

        @Override
        public int hashCode() {
            return 31 * table.hashCode() + id.hashCode();
        }
    }

    /** The table's stamp now: to be noted before a read whose result may be cached. */
    long stamp(String table) {
        return stampOf(table).get();
    }

    /** The document already decoded as {@code type} (or kept as written, read into it now), or null. */
    <T> T find(String table, String id, Class<T> type) {
        Object document = decoded.getIfPresent(new Key(table, id, 0));
        if (document instanceof Written written) {
            T read = type.cast(reader.apply(type, written.document()));
            // in place of what was kept only if it is still there: a write since has forgotten it
            decoded.asMap().replace(new Key(table, id, written.weight()), written, read);
            return read;
        }
        return type.isInstance(document) ? type.cast(document) : null;
    }

    /** Whether queries have decoded the row (or it was kept): what a write may keep, then, as it writes it. */
    boolean holds(String table, String id) {
        return decoded.asMap().containsKey(new Key(table, id, 0));
    }

    /**
     * Keeps a document a batch wrote, as written: only once its transaction has committed and the rows it wrote have
     * been forgotten ({@link #written}), and never changed after (the batch that wrote it has ended).
     */
    void keep(String table, String id, int jsonLength, Document document) {
        decoded.put(new Key(table, id, jsonLength), new Written(document, jsonLength));
    }

    /**
     * Decodes the row (unless it is decoded already) and keeps it, unless the table was written since
     * {@code stampBefore}.
     */
    <T> T decode(String table, String id, int jsonLength, Class<T> type, long stampBefore, Supplier<T> decoder) {
        T known = find(table, id, type);
        if (known != null) {
            return known;
        }
        T document = decoder.get();
        if (document == null) {
            return null;
        }
        Key key = new Key(table, id, jsonLength);
        decoded.put(key, document);
        if (stampOf(table).get() != stampBefore) {
            decoded.invalidate(key);
        }
        return document;
    }

    /** Forgets these rows: at each write, and again when the write's transaction has ended. */
    void written(String table, Collection<String> ids) {
        stampOf(table).incrementAndGet();
        ids.forEach(id -> decoded.invalidate(new Key(table, id, 0)));
    }

    /** Forgets a whole table: cleared or dropped. */
    void forgetTable(String table) {
        stampOf(table).incrementAndGet();
        decoded.asMap().keySet().removeIf(key -> key.table.equals(table));
    }

    private AtomicLong stampOf(String table) {
        return stamps.computeIfAbsent(table, t -> new AtomicLong());
    }
}
