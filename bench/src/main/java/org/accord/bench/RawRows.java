package org.accord.bench;

import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.accord.query.runtime.sqlite.CompressedRows;
import org.accord.query.runtime.sqlite.LiveReadModels;
import org.bson.Document;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The raw baselines' reading of a read-model row, as the SQLite store keeps it: its JSON compressed against its
 * table's vocabulary (the store's registry of live tables, read by {@link LiveReadModels}), decompressed and parsed
 * here as a driver's find decodes a document. The store's own work after that (converting into records, caching) is
 * what the ratios measure.
 */
final class RawRows {

    private static final Map<String, byte[]> VOCABULARIES = new ConcurrentHashMap<>();

    private RawRows() {
    }

    static Document document(Connection readModels, String table, byte[] row) {
        return Document.parse(CompressedRows.decompress(vocabulary(readModels, table), row));
    }

    /**
     * The table's vocabulary, read once per run (a table keeps the one it was made with), on the caller's own
     * connection (left open: the caller closes it).
     */
    static byte[] vocabulary(Connection readModels, String table) {
        return VOCABULARIES.computeIfAbsent(table, collection -> LiveReadModels
                .of(new JdbcTemplate(new SingleConnectionDataSource(readModels, true)), collection)
                .map(LiveReadModels::vocabulary)
                .orElseThrow(() -> new IllegalStateException(
                        "no vocabulary is registered for the read-model table " + collection)));
    }
}
