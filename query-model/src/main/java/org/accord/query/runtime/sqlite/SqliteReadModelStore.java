package org.accord.query.runtime.sqlite;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.accord.query.runtime.EventBatch;
import org.accord.query.runtime.UpdateInMemory;
import org.accord.query.shared.ReadModelStore;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The read-model store on SQLite (the embedded runtime): one table per collection, {@code id TEXT PRIMARY KEY, doc
 * TEXT}, each document the JSON of what Spring Data's MongoDB converter makes of it, so the same document classes,
 * conversions and update notation serve both adapters. Updates are applied in memory ({@link UpdateInMemory}): a
 * read, a change, a write of the whole (small) document.
 * <p>
 * Inside a batch of events the documents the batch touches are read once, kept in memory with the batch's updates
 * applied, and written as the batch prepares to commit, in one JDBC batch per collection. The statements go through
 * the connection of the transaction in progress, if any (Spring's {@code DataSourceUtils}): the embedded runtime runs
 * each processor's batch in a transaction on this database, with Axon's JDBC token store in it too, so a batch's
 * documents and its token are committed together or not at all.
 * <p>
 * Outside a batch (queries, tests) reads go to the table and each write is its own read-modify-write.
 */
public class SqliteReadModelStore implements ReadModelStore {

    private static final String BATCH = SqliteReadModelStore.class.getName() + ".batch";
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    private static final int IN_CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final MongoConverter converter;
    private final UpdateMapping updates;
    /** Tables known to exist, committed: a table made in a batch that rolls back is made again by the next. */
    private final Set<String> tables = ConcurrentHashMap.newKeySet();
    /** Serialises the read-modify-write of single writes outside a batch (no transaction holds them together). */
    private final Object singleWrites = new Object();

    public SqliteReadModelStore(DataSource dataSource, MongoConverter converter) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.converter = converter;
        this.updates = new UpdateMapping(converter);
    }

    /**
     * A converter that maps documents as Spring Data MongoDB's template would, with the read models' conversions
     * (dates of the domain as ISO strings), and needs no database: only the mapping, never a connection.
     */
    public static MappingMongoConverter documentConverter(MongoCustomConversions conversions) {
        MongoMappingContext mappingContext = new MongoMappingContext();
        mappingContext.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        mappingContext.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, mappingContext);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return converter;
    }

    @Override
    public void upsert(Class<?> documentType, String id, Update update) {
        String table = table(documentType);
        Document mapped = updates.map(update, entity(documentType));
        Batch batch = batch();
        if (batch != null) {
            batch.update(table, id, mapped);
            return;
        }
        synchronized (singleWrites) {
            write(table, Map.of(id, Slot.of(UpdateInMemory.apply(load(table, id), id, mapped))));
        }
    }

    @Override
    public void delete(Class<?> documentType, String id) {
        String table = table(documentType);
        Batch batch = batch();
        if (batch != null) {
            batch.delete(table, id);
            return;
        }
        synchronized (singleWrites) {
            write(table, Map.of(id, Slot.of(null)));
        }
    }

    @Override
    public void clear(Class<?>... documentTypes) {
        Batch batch = batch();
        for (Class<?> type : documentTypes) {
            String table = table(type);
            if (batch != null) {
                batch.forget(table);
            }
            if (exists(table)) {
                jdbc.update("DELETE FROM \"" + table + "\"");
            }
        }
    }

    @Override
    public <T> List<T> findAll(Class<T> documentType) {
        String table = table(documentType);
        flushBatch();
        if (!exists(table)) {
            return List.of();
        }
        return jdbc.query("SELECT doc FROM \"" + table + "\" ORDER BY rowid",
                (row, n) -> read(documentType, row.getString(1)));
    }

    /**
     * A scan of the collection, filtered and sorted here: the due collections hold only what is still open (a
     * proposal's voting, a variation's expiry), so they stay small, and their JSON fields need no index.
     */
    @Override
    public <T> List<T> findDue(Class<T> documentType, String field, Object upTo) {
        String table = table(documentType);
        flushBatch();
        if (!exists(table)) {
            return List.of();
        }
        Object limit = converter.convertToMongoType(upTo);
        List<Map.Entry<Object, String>> due = new ArrayList<>();
        jdbc.query("SELECT doc FROM \"" + table + "\" ORDER BY rowid", row -> {
            String json = row.getString(1);
            Object value = valueAt(Document.parse(json), field);
            if (value != null && compare(value, limit) <= 0) {
                due.add(Map.entry(value, json));
            }
        });
        due.sort(Comparator.comparing(Map.Entry::getKey, SqliteReadModelStore::compare));
        return due.stream().map(entry -> read(documentType, entry.getValue())).toList();
    }

    @Override
    public <T> T findById(Class<T> documentType, String id) {
        String table = table(documentType);
        Batch batch = batch();
        Document document = batch != null ? batch.find(table, id) : load(table, id);
        return document == null ? null : converter.read(documentType, document);
    }

    @Override
    public <T> List<T> findByIds(Class<T> documentType, Collection<String> ids, Function<T, String> idOf) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String table = table(documentType);
        flushBatch();
        if (!exists(table)) {
            return List.of();
        }
        List<String> all = List.copyOf(ids);
        Map<String, T> found = new HashMap<>();
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            jdbc.query("SELECT id, doc FROM \"" + table + "\" WHERE id IN (" + marks + ")",
                    row -> {
                        found.put(row.getString(1), read(documentType, row.getString(2)));
                    }, chunk.toArray());
        }
        return all.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    private Batch batch() {
        return EventBatch.state(BATCH, () -> new Batch(this), Batch::flush, Batch::discard);
    }

    /** A query by anything but id reads the table: what the batch has changed so far goes in first (same transaction). */
    private void flushBatch() {
        Batch batch = batch();
        if (batch != null) {
            batch.flush();
        }
    }

    private Document load(String table, String id) {
        if (!exists(table)) {
            return null;
        }
        List<String> rows = jdbc.queryForList("SELECT doc FROM \"" + table + "\" WHERE id = ?", String.class, id);
        return rows.isEmpty() ? null : Document.parse(rows.get(0));
    }

    /** Writes these documents (a null document deletes its row) as one JDBC batch. */
    private void write(String table, Map<String, Slot> documents) {
        make(table);
        List<Object[]> upserts = new ArrayList<>();
        List<Object[]> deletes = new ArrayList<>();
        documents.forEach((id, slot) -> {
            if (slot.document == null) {
                deletes.add(new Object[] {id});
            } else {
                upserts.add(new Object[] {id, slot.document.toJson(JSON)});
            }
        });
        if (!upserts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO \"" + table + "\" (id, doc) VALUES (?, ?)"
                    + " ON CONFLICT (id) DO UPDATE SET doc = excluded.doc", upserts);
        }
        if (!deletes.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM \"" + table + "\" WHERE id = ?", deletes);
        }
    }

    private boolean exists(String table) {
        if (tables.contains(table)) {
            return true;
        }
        boolean found = !jdbc.queryForList("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?",
                String.class, table).isEmpty();
        if (found) {
            remember(table);
        }
        return found;
    }

    private void make(String table) {
        if (!tables.contains(table)) {
            jdbc.execute("CREATE TABLE IF NOT EXISTS \"" + table + "\" (id TEXT PRIMARY KEY, doc TEXT NOT NULL)");
            remember(table);
        }
    }

    /** Remembered once committed: in a transaction that rolls back, the table (and the knowledge) goes with it. */
    private void remember(String table) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    tables.add(table);
                }
            });
        } else {
            tables.add(table);
        }
    }

    private <T> T read(Class<T> documentType, String json) {
        return converter.read(documentType, Document.parse(json));
    }

    private String table(Class<?> documentType) {
        String name = entity(documentType).getCollection();
        if (!TABLE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a read-model collection is named as an SQL table may be: " + name);
        }
        return name;
    }

    private MongoPersistentEntity<?> entity(Class<?> documentType) {
        return converter.getMappingContext().getRequiredPersistentEntity(documentType);
    }

    private static Object valueAt(Document document, String path) {
        Object value = document;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Document inner)) {
                return null;
            }
            value = inner.get(part);
        }
        return value;
    }

    /** Orders values as MongoDB does within one type (dates, strings, numbers), which is all a due field holds. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Date || a instanceof String) {
            if (a.getClass() != b.getClass()) {
                throw new IllegalArgumentException("cannot compare " + a + " with " + b);
            }
            return ((Comparable) a).compareTo(b);
        }
        throw new IllegalArgumentException("a due field holds a date, a string or a number, not " + a);
    }

    /** A document as the batch leaves it; null once deleted. */
    private static final class Slot {
        private Document document;
        private boolean dirty;

        static Slot of(Document document) {
            Slot slot = new Slot();
            slot.document = document;
            slot.dirty = true;
            return slot;
        }
    }

    /** The documents one batch of events has read or written, by table and id. */
    private static final class Batch {

        private final SqliteReadModelStore store;
        private final Map<String, Map<String, Slot>> byTable = new LinkedHashMap<>();

        Batch(SqliteReadModelStore store) {
            this.store = store;
        }

        Document find(String table, String id) {
            return slot(table, id).document;
        }

        void update(String table, String id, Document mappedUpdate) {
            Slot slot = slot(table, id);
            slot.document = UpdateInMemory.apply(slot.document, id, mappedUpdate);
            slot.dirty = true;
        }

        void delete(String table, String id) {
            Slot slot = slot(table, id);
            slot.document = null;
            slot.dirty = true;
        }

        /** A cleared table: what the batch knew of it is gone with it. */
        void forget(String table) {
            byTable.remove(table);
        }

        void flush() {
            byTable.forEach((table, slots) -> {
                Map<String, Slot> dirty = new LinkedHashMap<>();
                slots.forEach((id, slot) -> {
                    if (slot.dirty) {
                        dirty.put(id, slot);
                    }
                });
                if (!dirty.isEmpty()) {
                    store.write(table, dirty);
                    dirty.values().forEach(slot -> slot.dirty = false);
                }
            });
        }

        void discard() {
            byTable.clear();
        }

        private Slot slot(String table, String id) {
            Map<String, Slot> slots = byTable.computeIfAbsent(table, t -> new HashMap<>());
            Slot slot = slots.get(id);
            if (slot == null) {
                slot = new Slot();
                slot.document = store.load(table, id);
                slots.put(id, slot);
            }
            return slot;
        }
    }
}
