package org.accord.query.runtime.sqlite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.bson.Document;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The read models queries read in a {@code readmodels.db}, from outside the store: the tables of the live generation,
 * each under its collection's name, and their documents decompressed ({@link CompressedRows}). For the tools that read
 * the file beside a running Accord or a stopped one (the {@code read-models} command, the reliability tests' dumps,
 * the benchmark's raw baselines); it sits beside {@link SqliteReadModelStore} so that the store's registry of tables
 * is read the way the store writes it, in one place.
 */
public record LiveReadModels(String table, String collection, byte[] vocabulary) {

    /**
     * A read-only connection to a read-model file, by a connection of its own: SQLite gives it a consistent state while
     * Accord writes, and it changes nothing.
     */
    public static JdbcTemplate readOnly(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file);
        return new JdbcTemplate(dataSource);
    }

    /** The live generation's tables, by collection. */
    public static List<LiveReadModels> of(JdbcTemplate jdbc) {
        List<LiveReadModels> live = new ArrayList<>();
        jdbc.query("SELECT t.name, t.collection, t.vocabulary FROM " + SqliteReadModelStore.TABLES + " t JOIN "
                + SqliteReadModelStore.GENERATIONS + " g ON t.generation = g.live ORDER BY t.collection", row -> {
                    live.add(new LiveReadModels(row.getString(1), row.getString(2), row.getBytes(3)));
                });
        return live;
    }

    /** The live generation's table of one collection, if it has one. */
    public static Optional<LiveReadModels> of(JdbcTemplate jdbc, String collection) {
        return of(jdbc).stream().filter(table -> table.collection().equals(collection)).findFirst();
    }

    /** Each document of the table, its {@code _id} first, in the order given ({@code "rowid"} or {@code "id"}). */
    public void forEachDocument(JdbcTemplate jdbc, String order, Consumer<Document> each) {
        if (!order.equals("rowid") && !order.equals("id")) {
            throw new IllegalArgumentException("documents are read in rowid or id order, not " + order);
        }
        jdbc.query("SELECT id, doc FROM \"" + table + "\" ORDER BY " + order, row -> {
            Document document = new Document("_id", row.getString(1));
            document.putAll(Document.parse(CompressedRows.decompress(vocabulary, row.getBytes(2))));
            each.accept(document);
        });
    }
}
