package org.accord.app.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.accord.query.runtime.sqlite.DeflatedRows;
import org.bson.Document;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Every read-model document of the embedded store, by collection (table), each as canonical JSON (fields in name order
 * at every depth: two projections writing fields of one document may do so in either order) in id order. The
 * processors' tokens are bookkeeping, not models, and an empty table is no different from a missing one. Only the
 * live generation counts (a rebuild's new one is not what queries read), each table under its collection's name.
 */
public final class ReadModelDump {

    private ReadModelDump() {
    }

    /** Read from the data folder's read-model file, by a connection of its own (the application may be running). */
    public static Map<String, List<String>> ofDataFolder(Path dataFolder) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + dataFolder.resolve(ReadModelDatabase.FILE_NAME));
        return of(dataSource);
    }

    /**
     * The e-mail delivery's work queue, not a record: emptied as the delivery gets to it and refilled by a rebuild
     * (whose items the delivery's durable claims then turn away), so two dumps of equal read models may differ in it.
     */
    private static final String MAIL_OUTBOX = "notification_mail_outbox";

    public static Map<String, List<String>> of(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Map<String, List<String>> dump = new TreeMap<>();
        Map<String, String> live = new TreeMap<>();
        Map<String, byte[]> vocabularies = new TreeMap<>();
        jdbc.query("SELECT t.name, t.collection, t.vocabulary FROM read_model_tables t JOIN read_model_generation g"
                + " ON t.generation = g.live", row -> {
                    live.put(row.getString(1), row.getString(2));
                    vocabularies.put(row.getString(1), row.getBytes(3));
                });
        for (Map.Entry<String, String> entry : live.entrySet()) {
            if (MAIL_OUTBOX.equals(entry.getValue())) {
                continue;
            }
            String table = entry.getKey();
            List<String> documents = new ArrayList<>();
            jdbc.query("SELECT id, doc FROM \"" + table + "\" ORDER BY id",
                    row -> {
                        Document document = Document.parse(DeflatedRows.inflate(vocabularies.get(table),
                                row.getBytes(2)));
                        document.put("_id", row.getString(1));
                        documents.add(((Document) canonical(document)).toJson());
                    });
            if (!documents.isEmpty()) {
                dump.put(entry.getValue(), documents);
            }
        }
        return dump;
    }

    private static Object canonical(Object value) {
        if (value instanceof Document document) {
            Document sorted = new Document();
            new TreeMap<>(document).forEach((k, v) -> sorted.append(k, canonical(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ReadModelDump::canonical).toList();
        }
        return value;
    }
}
