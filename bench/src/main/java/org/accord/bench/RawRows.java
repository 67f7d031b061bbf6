package org.accord.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.accord.query.runtime.sqlite.DeflatedRows;
import org.bson.Document;

/**
 * The raw baselines' reading of a read-model row, as the SQLite store keeps it: its JSON deflated against its
 * table's vocabulary (registered in {@code read_model_tables}), inflated and parsed here as a driver's find decodes a
 * document. The store's own work after that (converting into records, caching) is what the ratios measure.
 */
final class RawRows {

    private static final Map<String, byte[]> VOCABULARIES = new ConcurrentHashMap<>();

    private RawRows() {
    }

    static Document document(Connection readModels, String table, byte[] row) throws SQLException {
        return Document.parse(DeflatedRows.inflate(vocabulary(readModels, table), row));
    }

    /** The table's vocabulary, read once per run (a table keeps the one it was made with). */
    static byte[] vocabulary(Connection readModels, String table) throws SQLException {
        byte[] known = VOCABULARIES.get(table);
        if (known != null) {
            return known;
        }
        try (PreparedStatement select = readModels.prepareStatement("SELECT t.vocabulary FROM read_model_tables t"
                + " JOIN read_model_generation g ON t.generation = g.live WHERE t.collection = ?")) {
            select.setString(1, table);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next() || rs.getBytes(1) == null) {
                    throw new IllegalStateException("no vocabulary is registered for the read-model table " + table);
                }
                VOCABULARIES.put(table, rs.getBytes(1));
                return rs.getBytes(1);
            }
        }
    }
}
