package org.accord.query.runtime.sqlite;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.accord.query.runtime.EventBatch;
import org.accord.query.runtime.WritesBehind;
import org.accord.query.runtime.Lookups;
import org.accord.query.runtime.UpdateInMemory;
import org.accord.query.shared.Lookup;
import org.accord.query.shared.ReadModelGenerations;
import org.accord.query.shared.ReadModelStore;
import org.bson.Document;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read-model store on SQLite (the embedded runtime): one table per collection, {@code id TEXT PRIMARY KEY, doc
 * BLOB} and a column per field its lookups name, each document the JSON of what Spring Data's MongoDB converter makes
 * of it, so the same document classes, conversions and update notation serve both adapters. The JSON is kept
 * compressed against the table's vocabulary ({@link CompressedRows}: about half the space, issue 18's storage goal).
 * Updates are applied in memory ({@link UpdateInMemory}): a read, a change, a write of the whole (small) document.
 * <p>
 * Inside a batch of events the documents the batch touches are read once (through one prepared statement per table,
 * {@link BatchLoads}), kept in memory with the batch's updates applied, and written as the batch prepares to commit,
 * in one JDBC batch per collection. The statements go through
 * the connection of the transaction in progress, if any (Spring's {@code DataSourceUtils}): the embedded runtime runs
 * each processor's batch in a transaction on this database, with Axon's JDBC token store in it too, so a batch's
 * documents and its token are committed together or not at all.
 * <p>
 * Outside a batch (queries, tests) reads go to the table and each write is its own read-modify-write.
 * <p>
 * Generations ({@link ReadModelGenerations}): the first generation's tables are named as their collections, a later
 * one's {@code <collection>__g<n>}; a one-row table ({@value #GENERATIONS}) says which generation is live and which
 * is being built, and a registry ({@value #TABLES}) which tables belong to which generation, so that a generation is
 * dropped whole. The switch is one update of that row, in the database that holds the tokens too.
 * <p>
 * Each {@link Lookup} a document type declares is an index on the columns of the fields it names, made with the
 * table, each column written with the document; a page of it is a range of that index. A further equality a query
 * adds on a field that is not a column is checked on the decoded documents of that range.
 */
public class SqliteReadModelStore implements ReadModelStore, ReadModelGenerations {

    static final String GENERATIONS = "read_model_generation";
    static final String TABLES = "read_model_tables";

    private static final String BATCH = SqliteReadModelStore.class.getName() + ".batch";
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern GENERATION_SUFFIX = Pattern.compile("(.+)__g(\\d+)");
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int IN_CHUNK = 500;
    /** Rows to encode at least before a second thread helps: a live batch of a few events is done sooner alone. */
    private static final int PARALLEL_ENCODING = 64;
    /**
     * A batch that writes at most this many rows keeps, of its documents, those queries had decoded, for the queries
     * that follow ({@link DecodedDocuments#keep}): a mutation's batch writes a handful; a catch-up's thousands are not
     * followed by the query of a mutation.
     */
    private static final int KEPT_AT_MOST = 64;

    private final JdbcTemplate jdbc;
    private final MongoConverter converter;
    private final UpdateMapping updates;
    /** Tables known to exist, committed: a table made in a batch that rolls back is made again by the next. */
    private final Set<String> tables = ConcurrentHashMap.newKeySet();
    /** How many times a table was added to {@link #tables}: a batch's reads know a table missing until this moves. */
    private final AtomicLong tablesSeen = new AtomicLong();
    /**
     * Each document type's mapping, as the mapping context gives it: asked for at every write of a batch, and the
     * context looks a type up through a type-information cache of its own each time (run 23's profile: 1.5% of a
     * rebuild's projection thread).
     */
    private final Map<Class<?>, MongoPersistentEntity<?>> entities = new ConcurrentHashMap<>();
    /** Each document type's collection, its name checked (the entity lookup and two patterns cost per call). */
    private final Map<Class<?>, String> collections = new ConcurrentHashMap<>();
    /** The document type each collection holds (in every generation), for the lookups it declares. */
    private final Map<String, Class<?>> typesOf = new ConcurrentHashMap<>();
    /** Each document type's lookup columns: every write and page names them. */
    private final Map<Class<?>, List<String>> columnsByType = new ConcurrentHashMap<>();
    /** Each table's vocabulary, as registered with it ({@link CompressedRows}). */
    private final Map<String, byte[]> vocabularies = new ConcurrentHashMap<>();
    /** What queries have decoded, until the rows are written again. */
    private final DecodedDocuments decoded;
    /** The ids written to each table this process made: a batch need not look for the others. */
    private final Map<String, IdsWritten> idsWritten = new ConcurrentHashMap<>();
    /** Serialises the read-modify-write of single writes outside a batch (no transaction holds them together). */
    private final Object singleWrites = new Object();
    /**
     * The batch whose writes were handed over and are not yet committed ({@link WritesBehind}): the next batch reads
     * through its documents, since the table does not have them yet.
     */
    private final AtomicReference<Batch> behind = new AtomicReference<>();
    private final TransactionTemplate transaction;
    /** The meta row as last committed (or as the transaction beginning a build leaves it, until it rolls back). */
    private volatile Generations generations;

    public SqliteReadModelStore(DataSource dataSource, MongoConverter converter) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.converter = converter;
        this.updates = new UpdateMapping(converter);
        this.decoded = new DecodedDocuments((type, document) -> converter.read(type, document));
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        transaction.executeWithoutResult(status -> {
            jdbc.execute("CREATE TABLE IF NOT EXISTS " + GENERATIONS + " (id INTEGER PRIMARY KEY CHECK (id = 0),"
                    + " live INTEGER NOT NULL, building INTEGER, target INTEGER)");
            jdbc.execute("INSERT OR IGNORE INTO " + GENERATIONS + " (id, live) VALUES (0, 0)");
            jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLES + " (name TEXT PRIMARY KEY, collection TEXT NOT NULL,"
                    + " generation INTEGER NOT NULL, vocabulary BLOB)");
            // a document table made before the registry, or by a write outside a transaction that a crash cut
            // between the table and its registration: known by its shape, so that its generation is dropped whole
            jdbc.queryForList("SELECT m.name FROM sqlite_master m WHERE m.type = 'table'"
                    + " AND m.name NOT IN (SELECT name FROM " + TABLES + ")"
                    + " AND (SELECT group_concat(p.name) FROM pragma_table_info(m.name) p) LIKE 'id,doc%'",
                    String.class)
                    .forEach(this::register);
        });
        this.generations = loadGenerations();
        dropAbandonedGenerations();
    }

    /** Which generation is live and which, if any, is being built. */
    private record Generations(long live, Build building) {
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
        Document mapped = updates.map(update, entity(documentType));
        Batch batch = batch();
        String table = table(documentType, batch);
        if (batch != null) {
            batch.update(table, id, mapped);
            return;
        }
        synchronized (singleWrites) {
            write(Map.of(table, Map.of(id, Slot.of(UpdateInMemory.apply(load(table, id), id, mapped)))), null);
        }
    }

    @Override
    public void delete(Class<?> documentType, String id) {
        Batch batch = batch();
        String table = table(documentType, batch);
        if (batch != null) {
            batch.delete(table, id);
            return;
        }
        synchronized (singleWrites) {
            write(Map.of(table, Map.of(id, Slot.of(null))), null);
        }
    }

    /** Clears the generation being built, if there is one: a reset must never empty what queries read. */
    @Override
    public void clear(Class<?>... documentTypes) {
        Batch batch = batch();
        Generations now = generations;
        long generation = now.building() != null ? now.building().generation() : now.live();
        transactionHere();
        for (Class<?> type : documentTypes) {
            String table = tableName(collection(type), generation);
            if (batch != null) {
                batch.forget(table);
            }
            if (exists(table)) {
                jdbc.update("DELETE FROM \"" + table + "\"");
                forgetAfterCompletion(table, null);
            }
        }
    }

    @Override
    public <T> List<T> findAll(Class<T> documentType) {
        String table = table(documentType, flushBatch());
        if (!exists(table)) {
            return List.of();
        }
        long stamp = decoded.stamp(table);
        boolean cached = cacheable(batch());
        return jdbc.query("SELECT id, doc FROM \"" + table + "\" ORDER BY rowid",
                (row, n) -> read(documentType, table, row.getString(1), row.getBytes(2), cached, stamp));
    }

    /**
     * A scan of the collection, filtered and sorted here: the due collections hold only what is still open (a
     * proposal's voting, a variation's expiry), so they stay small, and their JSON fields need no index.
     */
    @Override
    public <T> List<T> findDue(Class<T> documentType, String field, Object upTo) {
        String table = table(documentType, flushBatch());
        if (!exists(table)) {
            return List.of();
        }
        Object limit = converter.convertToMongoType(upTo);
        List<Map.Entry<Object, Document>> due = new ArrayList<>();
        jdbc.query("SELECT id, doc FROM \"" + table + "\" ORDER BY rowid", row -> {
            Document document = document(table, row.getString(1), row.getBytes(2));
            Object value = valueAt(document, field);
            if (value != null && compare(value, limit) <= 0) {
                due.add(Map.entry(value, document));
            }
        });
        due.sort(Comparator.comparing(Map.Entry::getKey, SqliteReadModelStore::compare));
        return due.stream().map(entry -> converter.read(documentType, entry.getValue())).toList();
    }

    @Override
    public <T> T findById(Class<T> documentType, String id) {
        Batch batch = batch();
        String table = table(documentType, batch);
        if (batch != null) {
            return batch.read(table, id, documentType);
        }
        if (!cacheable(null)) {
            Document document = load(table, id);
            return document == null ? null : converter.read(documentType, document);
        }
        T known = decoded.find(table, id, documentType);
        if (known != null) {
            return known;
        }
        long stamp = decoded.stamp(table);
        byte[] row = loadRow(table, id);
        return row == null ? null : read(documentType, table, id, row, true, stamp);
    }

    @Override
    public <T> List<T> findByIds(Class<T> documentType, Collection<String> ids, Function<T, String> idOf) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String table = table(documentType, flushBatch());
        if (!exists(table)) {
            return List.of();
        }
        List<String> all = List.copyOf(ids);
        Map<String, T> found = new HashMap<>();
        boolean cached = cacheable(batch());
        List<String> missing = new ArrayList<>();
        for (String id : all) {
            T known = cached ? decoded.find(table, id, documentType) : null;
            if (known != null) {
                found.put(id, known);
            } else {
                missing.add(id);
            }
        }
        long stamp = decoded.stamp(table);
        for (int from = 0; from < missing.size(); from += IN_CHUNK) {
            List<String> chunk = missing.subList(from, Math.min(missing.size(), from + IN_CHUNK));
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            jdbc.query("SELECT id, doc FROM \"" + table + "\" WHERE id IN (" + marks + ")",
                    row -> {
                        String id = row.getString(1);
                        found.put(id, read(documentType, table, id, row.getBytes(2), cached, stamp));
                    }, chunk.toArray());
        }
        return all.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    @Override
    public <T> List<T> findPage(Class<T> documentType, Map<String, ?> equalTo, String sortedBy, long after,
                                int asked) {
        int limit = asked < 0 ? Integer.MAX_VALUE : asked;
        Lookups.answering(documentType, equalTo.keySet(), sortedBy);
        Batch batch = flushBatch();
        String table = table(documentType, batch);
        if (!exists(table)) {
            return List.of();
        }
        Set<String> columns = Set.copyOf(columns(documentType));
        Map<String, Object> byColumn = new LinkedHashMap<>();
        Map<String, Object> byDocument = new LinkedHashMap<>();
        equalTo.forEach((field, value) -> (columns.contains(field) ? byColumn : byDocument)
                .put(field, converter.convertToMongoType(value)));
        boolean cached = cacheable(batch);
        String sql = pageQuery(table, List.copyOf(byColumn.keySet()), sortedBy);
        List<T> page = new ArrayList<>();
        long from = after;
        // a further equality on a field of the document alone narrows the lookup's range here, a chunk at a time
        int chunk = byDocument.isEmpty() ? limit : Math.max(limit, IN_CHUNK);
        while (page.size() < limit) {
            List<Object> arguments = new ArrayList<>(byColumn.values());
            arguments.add(from);
            arguments.add(chunk);
            long stamp = decoded.stamp(table);
            List<Map.Entry<Long, T>> rows = jdbc.query(sql, (row, n) -> {
                byte[] stored = row.getBytes(2);
                if (!byDocument.isEmpty() && !matches(document(table, row.getString(1), stored), byDocument)) {
                    return new AbstractMap.SimpleEntry<Long, T>(row.getLong(3), null); // skipped, its key kept
                }
                return Map.entry(row.getLong(3), read(documentType, table, row.getString(1), stored, cached, stamp));
            }, arguments.toArray());
            rows.stream().map(Map.Entry::getValue).filter(Objects::nonNull).limit(limit - page.size())
                    .forEach(page::add);
            if (rows.size() < chunk || byDocument.isEmpty()) {
                break;
            }
            from = rows.get(rows.size() - 1).getKey();
        }
        return page;
    }

    /** The page query: the equalities' values, then the key to start after, then the limit, as its parameters. */
    static String pageQuery(String table, List<String> equalTo, String sortedBy) {
        StringBuilder sql = new StringBuilder("SELECT id, doc, ").append(column(sortedBy)).append(" FROM \"")
                .append(table).append("\" WHERE ");
        equalTo.forEach(field -> sql.append(column(field)).append(" = ? AND "));
        return sql.append(column(sortedBy)).append(" > ? ORDER BY ").append(column(sortedBy)).append(" LIMIT ?")
                .toString();
    }

    /** Whether the document's fields equal these values (as the converter writes them). */
    private static boolean matches(Document document, Map<String, Object> equalTo) {
        for (Map.Entry<String, Object> field : equalTo.entrySet()) {
            Object value = valueAt(document, field.getKey());
            boolean equal = value instanceof Number x && field.getValue() instanceof Number y
                    ? Double.compare(x.doubleValue(), y.doubleValue()) == 0
                    : Objects.equals(value, field.getValue());
            if (!equal) {
                return false;
            }
        }
        return true;
    }

    /** A lookup's field as its column is named. */
    private static String column(String name) {
        if (!FIELD_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a lookup's field is named as a JSON key may be here: " + name);
        }
        return "\"" + name + "\"";
    }

    /** The columns of a document type's table: every field its lookups name, in a fixed order (known once). */
    private List<String> columns(Class<?> documentType) {
        return documentType == null ? List.of() : columnsByType.computeIfAbsent(documentType,
                type -> Lookups.declared(type).stream().flatMap(lookup -> Lookups.indexed(lookup).stream())
                        .distinct().sorted().toList());
    }

    /** The document type a table holds, in any generation; null for a table no type of this process names. */
    private Class<?> typeOf(String table) {
        Matcher generation = GENERATION_SUFFIX.matcher(table);
        return typesOf.get(generation.matches() ? generation.group(1) : table);
    }

    /**
     * The column and the index of each lookup the table's document type declares; made once per table and process,
     * if missing. A column a later version added is filled from the documents, once.
     */
    private void index(String table) {
        Class<?> type = typeOf(table);
        if (type == null) {
            return;
        }
        Set<String> present = Set.copyOf(jdbc.queryForList("SELECT name FROM pragma_table_info(?)", String.class,
                table));
        List<String> added = columns(type).stream().filter(field -> !present.contains(field)).toList();
        if (!added.isEmpty()) {
            added.forEach(field -> jdbc.execute("ALTER TABLE \"" + table + "\" ADD COLUMN " + column(field)));
            List<Object[]> values = new ArrayList<>();
            jdbc.query("SELECT id, doc FROM \"" + table + "\"", row -> {
                Document document = document(table, row.getString(1), row.getBytes(2));
                List<Object> value = new ArrayList<>();
                added.forEach(field -> value.add(valueAt(document, field)));
                value.add(row.getString(1));
                values.add(value.toArray());
            });
            jdbc.batchUpdate("UPDATE \"" + table + "\" SET " + String.join(", ",
                    added.stream().map(field -> column(field) + " = ?").toList()) + " WHERE id = ?", values);
        }
        for (Lookup lookup : Lookups.declared(type)) {
            List<String> fields = Lookups.indexed(lookup);
            jdbc.execute("CREATE INDEX IF NOT EXISTS \"" + table + "_by_" + String.join("_", fields) + "\" ON \""
                    + table + "\" (" + String.join(", ", fields.stream().map(SqliteReadModelStore::column).toList())
                    + ")");
        }
    }

    @Override
    public long live() {
        return generations.live();
    }

    @Override
    public Optional<Build> building() {
        return Optional.ofNullable(generations.building());
    }

    @Override
    public Build beginBuild(long target) {
        Generations before = loadGenerations();
        long next = Math.max(before.live(), before.building() == null ? 0 : before.building().generation()) + 1;
        if (before.building() != null) {
            dropGeneration(before.building().generation());
        }
        jdbc.update("UPDATE " + GENERATIONS + " SET building = ?, target = ? WHERE id = 0", next, target);
        Build build = new Build(next, target);
        // at once, not after the commit: the projections' resets in this same transaction clear the new generation
        generations = new Generations(before.live(), build);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        generations = loadGenerations();
                    }
                }
            });
        }
        return build;
    }

    @Override
    public void goLive(Build build) {
        Long replaced = transaction.execute(status -> {
            Generations now = loadGenerations();
            if (now.building() == null || now.building().generation() != build.generation()) {
                return null;
            }
            jdbc.update("UPDATE " + GENERATIONS + " SET live = ?, building = NULL, target = NULL WHERE id = 0",
                    build.generation());
            return now.live();
        });
        generations = loadGenerations();
        if (replaced != null) {
            // after the switch, in a transaction of its own: a crash before it leaves tables the next start drops
            transaction.executeWithoutResult(status -> dropGeneration(replaced));
        }
    }

    private Generations loadGenerations() {
        return jdbc.queryForObject("SELECT live, building, target FROM " + GENERATIONS + " WHERE id = 0",
                (row, n) -> {
                    long building = row.getLong(2);
                    boolean none = row.wasNull();
                    return new Generations(row.getLong(1), none ? null : new Build(building, row.getLong(3)));
                });
    }

    /** What a crash left behind: a generation replaced just before, or one whose build was given up. */
    private void dropAbandonedGenerations() {
        Generations now = generations;
        List<Long> abandoned = jdbc.queryForList("SELECT DISTINCT generation FROM " + TABLES
                + " WHERE generation <> ? AND generation <> ?", Long.class, now.live(),
                now.building() == null ? now.live() : now.building().generation());
        abandoned.forEach(generation -> transaction.executeWithoutResult(status -> dropGeneration(generation)));
    }

    private void dropGeneration(long generation) {
        for (String table : jdbc.queryForList("SELECT name FROM " + TABLES + " WHERE generation = ?", String.class,
                generation)) {
            jdbc.execute("DROP TABLE IF EXISTS \"" + table + "\"");
            tables.remove(table);
            idsWritten.remove(table);
            vocabularies.remove(table);
            forgetAfterCompletion(table, null);
        }
        jdbc.update("DELETE FROM " + TABLES + " WHERE generation = ?", generation);
    }

    private Batch batch() {
        return EventBatch.state(BATCH, () -> new Batch(this, writtenGeneration()), Batch::finish, Batch::discard);
    }

    /** The generation a batch of events reads and writes: the one being built, if any. */
    private long writtenGeneration() {
        Generations now = generations;
        return now.building() != null ? now.building().generation() : now.live();
    }

    /**
     * A query by anything but id reads the table: what the batch has changed so far goes in first (same
     * transaction).
     *
     * @return the batch, null outside one
     */
    private Batch flushBatch() {
        Batch batch = batch();
        if (batch != null) {
            transactionHere();
            batch.flush();
        }
        return batch;
    }

    /** A deferred batch that must read its own writes from the tables: its transaction opens on this thread now. */
    private static void transactionHere() {
        WritesBehind.Batch deferred = WritesBehind.current();
        if (deferred != null) {
            deferred.now();
        }
    }

    /**
     * What the batch before this one, handed over and not yet committed, left of the row: null when it did not touch
     * the row (the table has it as it was), a slot whose document is null when it deleted the row or found none.
     */
    private Slot behind(Batch reading, String table, String id) {
        Batch before = behind.get();
        if (before == null || before == reading) {
            return null;
        }
        Map<String, Slot> slots = before.byTable.get(table);
        return slots == null ? null : slots.get(id);
    }

    private Document load(String table, String id) {
        byte[] row = loadRow(table, id);
        return row == null ? null : document(table, id, row);
    }

    private byte[] loadRow(String table, String id) {
        if (!exists(table)) {
            return null;
        }
        List<byte[]> rows = jdbc.query(rowById(table), (row, n) -> row.getBytes(1), id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The read of one row by its id, prepared each time here and once per batch by {@link BatchLoads}. */
    static String rowById(String table) {
        return "SELECT doc FROM \"" + table + "\" WHERE id = ?";
    }

    /** A row's document, its {@code _id} the row's key again. */
    private Document document(String table, String id, byte[] row) {
        Document document = Document.parse(CompressedRows.decompress(vocabulary(table), row));
        document.put("_id", id);
        return document;
    }

    /** The row's bytes for a document: its JSON without its {@code _id}, which the row's key holds. */
    private static byte[] row(byte[] vocabulary, Document document) {
        Document stored = new Document(document);
        stored.remove("_id");
        return CompressedRows.compress(vocabulary, DocumentJson.of(stored));
    }

    /**
     * The vocabulary the table's rows are compressed with, as registered with the table; one registered without it
     * (a table a crash cut from its registration) gets its type's now, before any row is written to it.
     */
    private byte[] vocabulary(String table) {
        return vocabularies.computeIfAbsent(table, t -> {
            List<byte[]> registered = jdbc.query("SELECT vocabulary FROM " + TABLES + " WHERE name = ?",
                    (row, n) -> row.getBytes(1), t);
            if (!registered.isEmpty() && registered.get(0) != null) {
                return registered.get(0);
            }
            byte[] made = vocabularyOf(t);
            jdbc.update("UPDATE " + TABLES + " SET vocabulary = ? WHERE name = ?", made, t);
            return made;
        });
    }

    private byte[] vocabularyOf(String table) {
        Class<?> type = typeOf(table);
        if (type == null) {
            throw new IllegalStateException("no document type of this version is kept in the table " + table);
        }
        return CompressedRows.vocabulary(entity(type), converter.getMappingContext());
    }

    /**
     * Writes these documents, by table (a null document deletes its row). The tables are made, their vocabularies
     * read and the rows written on the caller's thread, in its transaction; only the encoding (the rows' JSON, their
     * compression and their lookup columns) may run beside it, ahead of the writes ({@link RowsAhead}).
     *
     * @param keeping the rows of the batch kept for queries once committed ({@link DecodedDocuments#keep}): those
     *                queries had decoded when the batch first wrote them, as {@code table/id}, added to as it writes;
     *                null when nothing is kept
     */
    private void write(Map<String, Map<String, Slot>> byTable, Set<String> keeping) {
        Map<String, List<RowsAhead.Chunk<Map.Entry<String, Slot>>>> chunksByTable = new LinkedHashMap<>();
        List<RowsAhead.Chunk<Map.Entry<String, Slot>>> chunks = new ArrayList<>();
        for (Map.Entry<String, Map<String, Slot>> table : byTable.entrySet()) {
            List<RowsAhead.Chunk<Map.Entry<String, Slot>>> ofTable = chunks(table.getKey(), table.getValue());
            chunksByTable.put(table.getKey(), ofTable);
            chunks.addAll(ofTable);
        }
        int rows = chunks.stream().mapToInt(chunk -> chunk.items().size()).sum();
        RowsAhead<Map.Entry<String, Slot>> ahead = new RowsAhead<>(chunks,
                rows >= PARALLEL_ENCODING ? ForkJoinPool.commonPool() : null);
        byTable.forEach((table, documents) -> write(table, documents, chunksByTable.get(table), ahead, keeping));
    }

    /**
     * The table's documents to upsert, in chunks, each encoded as its upsert's values: the id, the row, then the
     * lookup columns. The table is made here first, if it was not, and its vocabulary read.
     */
    private List<RowsAhead.Chunk<Map.Entry<String, Slot>>> chunks(String table, Map<String, Slot> documents) {
        make(table);
        byte[] vocabulary = vocabulary(table);
        List<String> columns = columns(typeOf(table));
        Function<Map.Entry<String, Slot>, Object[]> encoding = entry -> {
            Document document = entry.getValue().document;
            Object[] values = new Object[2 + columns.size()];
            values[0] = entry.getKey();
            values[1] = row(vocabulary, document);
            for (int i = 0; i < columns.size(); i++) {
                values[2 + i] = valueAt(document, columns.get(i));
            }
            return values;
        };
        List<RowsAhead.Chunk<Map.Entry<String, Slot>>> chunks = new ArrayList<>();
        List<Map.Entry<String, Slot>> chunk = new ArrayList<>(RowsAhead.CHUNK);
        for (Map.Entry<String, Slot> entry : documents.entrySet()) {
            if (entry.getValue().document == null) {
                continue;
            }
            chunk.add(entry);
            if (chunk.size() == RowsAhead.CHUNK) {
                chunks.add(new RowsAhead.Chunk<>(chunk, encoding));
                chunk = new ArrayList<>(RowsAhead.CHUNK);
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(new RowsAhead.Chunk<>(chunk, encoding));
        }
        return chunks;
    }

    /** Writes one table's documents: its upserts a JDBC batch per chunk, as each is encoded, then its deletes. */
    private void write(String table, Map<String, Slot> documents,
                       List<RowsAhead.Chunk<Map.Entry<String, Slot>>> upserts, RowsAhead<Map.Entry<String, Slot>> ahead,
                       Set<String> keeping) {
        List<Runnable> keeps = new ArrayList<>();
        IdsWritten ids = idsWritten.get(table);
        String upsert = upsert(table);
        for (RowsAhead.Chunk<Map.Entry<String, Slot>> chunk : upserts) {
            Object[][] rows = ahead.rows(chunk);
            for (int i = 0; i < rows.length; i++) {
                String id = chunk.items().get(i).getKey();
                if (ids != null) {
                    ids.add(id);
                }
                // held once, held for the batch: its first flush already forgot what queries had decoded
                String key = table + "/" + id;
                if (keeping != null && (keeping.contains(key) || decoded.holds(table, id))) {
                    keeping.add(key);
                    // the slot's document itself: updates later in the batch change it in place and a later flush
                    // writes it again, so at the commit it is what the row holds; a delete empties the slot, and that
                    // flush forgets the row after this one kept it
                    Document document = chunk.items().get(i).getValue().document;
                    int jsonLength = CompressedRows.length((byte[]) rows[i][1]);
                    keeps.add(() -> decoded.keep(table, id, jsonLength, document));
                }
            }
            jdbc.batchUpdate(upsert, Arrays.asList(rows));
        }
        List<Object[]> deletes = new ArrayList<>();
        documents.forEach((id, slot) -> {
            if (slot.document == null) {
                deletes.add(new Object[] {id});
            }
        });
        if (!deletes.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM \"" + table + "\" WHERE id = ?", deletes);
        }
        forgetAfterCompletion(table, List.copyOf(documents.keySet()), () -> keeps.forEach(Runnable::run));
    }

    /** The upsert of a row of the table: its id, its row, then its lookup columns, in {@link #columns} order. */
    private String upsert(String table) {
        List<String> columns = columns(typeOf(table));
        StringBuilder sql = new StringBuilder("INSERT INTO \"").append(table).append("\" (id, doc");
        columns.forEach(field -> sql.append(", ").append(column(field)));
        sql.append(") VALUES (?, ?").append(", ?".repeat(columns.size()))
                .append(") ON CONFLICT (id) DO UPDATE SET doc = excluded.doc");
        columns.forEach(field -> sql.append(", ").append(column(field)).append(" = excluded.")
                .append(column(field)));
        return sql.toString();
    }

    /**
     * Decoded documents of rows written (null: of the whole table) are forgotten now, and again once the transaction
     * has ended: a query that read the row between the two cannot keep what it read ({@link DecodedDocuments}).
     */
    private void forgetAfterCompletion(String table, List<String> ids) {
        forgetAfterCompletion(table, ids, () -> { });
    }

    /**
     * As above, and once the transaction has committed (and its rows are forgotten), {@code keep} runs. Each write's
     * callbacks run in the order of the writes, so a row a batch wrote, then wrote again or deleted in a later flush,
     * is forgotten after it was kept.
     */
    private void forgetAfterCompletion(String table, List<String> ids, Runnable keep) {
        Runnable forget = ids == null ? () -> decoded.forgetTable(table) : () -> decoded.written(table, ids);
        forget.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget.run();
                    if (status == STATUS_COMMITTED) {
                        keep.run();
                    }
                }
            });
        }
    }

    /**
     * Whether a read may use and fill the decoded documents: not in a batch, nor in any transaction on this file, which
     * may see writes of its own that are not committed.
     */
    private static boolean cacheable(Batch batch) {
        return batch == null && !TransactionSynchronizationManager.isActualTransactionActive();
    }

    private boolean exists(String table) {
        if (tables.contains(table)) {
            return true;
        }
        boolean found = onDisk(table);
        if (found) {
            index(table);
            remember(table);
        }
        return found;
    }

    /** Whether the file holds the table, as its own transaction (if any) sees it. */
    private boolean onDisk(String table) {
        return !jdbc.queryForList("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?", String.class,
                table).isEmpty();
    }

    /**
     * Whether the row is surely not in the table, known without reading it: this process made the table (a rebuild's,
     * a new collection's), and the id was never written to it since.
     */
    private boolean surelyNotIn(String table, String id) {
        IdsWritten ids = idsWritten.get(table);
        return ids != null && ids.surelyNot(id);
    }

    /** Makes the table with its registration (and vocabulary) in one transaction: the one in progress, if any. */
    private void make(String table) {
        if (tables.contains(table)) {
            return;
        }
        Runnable make = () -> {
            StringBuilder columns = new StringBuilder();
            columns(typeOf(table)).forEach(field -> columns.append(", ").append(column(field)));
            boolean made = !onDisk(table);
            jdbc.execute("CREATE TABLE IF NOT EXISTS \"" + table + "\" (id TEXT PRIMARY KEY, doc BLOB NOT NULL"
                    + columns + ")");
            register(table);
            index(table);
            if (made) {
                // before the table is there for anyone else (this transaction holds the one write lock): every row
                // ever written to it goes through write(), which finds these ids
                idsWritten.put(table, new IdsWritten());
            }
        };
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            make.run();
        } else {
            transaction.executeWithoutResult(status -> make.run());
        }
        remember(table);
    }

    private void register(String table) {
        Matcher generation = GENERATION_SUFFIX.matcher(table);
        boolean later = generation.matches();
        jdbc.update("INSERT OR IGNORE INTO " + TABLES + " (name, collection, generation, vocabulary)"
                        + " VALUES (?, ?, ?, ?)", table, later ? generation.group(1) : table,
                later ? Long.parseLong(generation.group(2)) : 0, typeOf(table) == null ? null : vocabularyOf(table));
    }

    /** Remembered once committed: in a transaction that rolls back, the table (and the knowledge) goes with it. */
    private void remember(String table) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    seen(table);
                }
            });
        } else {
            seen(table);
        }
    }

    private void seen(String table) {
        tables.add(table);
        tablesSeen.incrementAndGet();
    }

    private <T> T read(Class<T> documentType, String table, String id, byte[] row, boolean cached, long stamp) {
        if (!cached) {
            return converter.read(documentType, document(table, id, row));
        }
        return decoded.decode(table, id, CompressedRows.length(row), documentType, stamp,
                () -> converter.read(documentType, document(table, id, row)));
    }

    /** The table of this document type in the batch's generation, or outside a batch in the live one. */
    private String table(Class<?> documentType, Batch batch) {
        return tableName(collection(documentType), batch != null ? batch.generation : generations.live());
    }

    /** The one place a generation names its tables: the first as the collections, a later one with a suffix. */
    static String tableName(String collection, long generation) {
        return generation == 0 ? collection : collection + "__g" + generation;
    }

    /** Every read and write names its collection: checked once per document type, not once per call. */
    private String collection(Class<?> documentType) {
        return collections.computeIfAbsent(documentType, this::checkedCollection);
    }

    private String checkedCollection(Class<?> documentType) {
        String name = entity(documentType).getCollection();
        if (!TABLE_NAME.matcher(name).matches() || GENERATION_SUFFIX.matcher(name).matches()) {
            throw new IllegalArgumentException("a read-model collection is named as an SQL table may be, without a"
                    + " generation's suffix: " + name);
        }
        typesOf.putIfAbsent(name, documentType);
        return name;
    }

    private MongoPersistentEntity<?> entity(Class<?> documentType) {
        return entities.computeIfAbsent(documentType,
                type -> converter.getMappingContext().getRequiredPersistentEntity(type));
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
        /**
         * The document as last read into its type, until it changes: a batch reads the same few documents for many
         * of its events (the proposal a vote's decision record narrates), and mapping one into its type was most of
         * such a read. Shared as queries share what they decoded ({@link DecodedDocuments}): documents are records.
         */
        private Object read;

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
        /** Fixed for the batch: a switch while it runs makes its generation live, it never moves it. */
        private final long generation;
        private final Map<String, Map<String, Slot>> byTable = new LinkedHashMap<>();
        private final BatchLoads loads;
        /** The rows this batch keeps for queries once committed, as {@code table/id} ({@link #write}). */
        private final Set<String> keeping = new HashSet<>();

        Batch(SqliteReadModelStore store, long generation) {
            this.store = store;
            this.generation = generation;
            this.loads = new BatchLoads(store.jdbc, store::exists, store.tablesSeen::get, store::surelyNotIn,
                    store::loadRow);
        }

        <T> T read(String table, String id, Class<T> documentType) {
            Slot slot = slot(table, id);
            if (slot.document == null) {
                return null;
            }
            if (!documentType.isInstance(slot.read)) {
                slot.read = store.converter.read(documentType, slot.document);
            }
            return documentType.cast(slot.read);
        }

        void update(String table, String id, Document mappedUpdate) {
            Slot slot = slot(table, id);
            slot.document = UpdateInMemory.apply(slot.document, id, mappedUpdate);
            slot.read = null;
            slot.dirty = true;
        }

        void delete(String table, String id) {
            Slot slot = slot(table, id);
            slot.document = null;
            slot.read = null;
            slot.dirty = true;
        }

        /** A cleared table: what the batch knew of it is gone with it. */
        void forget(String table) {
            byTable.remove(table);
        }

        /** What the batch changed goes in; kept for queries too when it is a few rows in a batch of this thread. */
        void flush() {
            flush(true);
        }

        private void flush(boolean mayKeep) {
            Map<String, Map<String, Slot>> dirtyByTable = new LinkedHashMap<>();
            byTable.forEach((table, slots) -> {
                Map<String, Slot> dirty = new LinkedHashMap<>();
                slots.forEach((id, slot) -> {
                    if (slot.dirty) {
                        dirty.put(id, slot);
                    }
                });
                if (!dirty.isEmpty()) {
                    dirtyByTable.put(table, dirty);
                }
            });
            if (dirtyByTable.isEmpty()) {
                return;
            }
            int rows = dirtyByTable.values().stream().mapToInt(Map::size).sum();
            store.write(dirtyByTable, mayKeep && rows <= KEPT_AT_MOST ? keeping : null);
            dirtyByTable.values().forEach(dirty -> dirty.values().forEach(slot -> slot.dirty = false));
        }

        /**
         * The batch prepares to commit: its prepared reads are closed, and what it changed goes in, here or, for a
         * deferred batch, where its transaction runs (the next batch reading through it until then).
         */
        void finish() {
            loads.close();
            WritesBehind.Batch deferred = WritesBehind.current();
            if (deferred == null) {
                flush();
                return;
            }
            store.behind.set(this);
            // a replay's batch: nothing kept of it
            deferred.add(() -> flush(false), () -> store.behind.compareAndSet(this, null));
        }

        void discard() {
            store.behind.compareAndSet(this, null);
            byTable.clear();
            loads.close();
        }

        private Slot slot(String table, String id) {
            Map<String, Slot> slots = byTable.computeIfAbsent(table, t -> new HashMap<>());
            Slot slot = slots.get(id);
            if (slot == null) {
                slot = new Slot();
                Slot before = store.behind(this, table, id);
                if (before != null) {
                    // a copy: the batch before is being written from its documents, and updates change a document
                    slot.document = before.document == null ? null : DocumentCopy.deep(before.document);
                } else {
                    byte[] row = loads.row(table, id);
                    slot.document = row == null ? null : store.document(table, id, row);
                }
                slots.put(id, slot);
            }
            return slot;
        }
    }
}
