package org.accord.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How Accord opens its SQLite files ({@link SqliteFiles}), as each connection of the runtime's pools sees it. */
class SqliteFilesTest {

    @TempDir
    Path folder;

    @Test
    void anInsertDoesNotLookUpTheKeyItGeneratedSinceNothingInAccordReadsIt() throws Exception {
        try (PooledSqliteFile file = new PooledSqliteFile(folder.resolve("keys.db"), 1);
             Connection connection = file.dataSource().getConnection()) {
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT)");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t (v) VALUES (?)")) {
                insert.setString(1, "a");
                assertThat(insert.executeUpdate()).isEqualTo(1);
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    assertThat(keys.next()).as("a generated key looked up").isFalse();
                }
            }
        }
    }

    @Test
    void everyConnectionWritesAheadAndZeroesWhatItDeletes() throws Exception {
        try (PooledSqliteFile file = new PooledSqliteFile(folder.resolve("settings.db"), 1);
             Connection connection = file.dataSource().getConnection();
             Statement pragma = connection.createStatement()) {
            assertThat(single(pragma, "PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(single(pragma, "PRAGMA secure_delete")).isEqualTo("1");
            assertThat(single(pragma, "PRAGMA busy_timeout")).isEqualTo("10000");
        }
    }

    private static String single(Statement statement, String sql) throws Exception {
        try (ResultSet row = statement.executeQuery(sql)) {
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }
}
