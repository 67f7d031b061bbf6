package org.accord.app.embedded;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * An SQLite file in a test's folder behind a connection pool, wrapped as the embedded runtime wraps its own
 * ({@link NullSafeSqliteDataSource}: null-safe, statements kept per connection). Closing it closes the pool.
 */
public final class PooledSqliteFile implements AutoCloseable {

    private final HikariDataSource pool;
    private final NullSafeSqliteDataSource dataSource;

    /** The file with the runtime's settings ({@link SqliteFiles#jdbcUrl}, synchronous NORMAL). */
    public PooledSqliteFile(Path file, int connections) {
        this(SqliteFiles.jdbcUrl(file, "NORMAL"), connections);
    }

    /** A pool on this SQLite URL, with its own settings. */
    public PooledSqliteFile(String jdbcUrl, int connections) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(connections);
        this.pool = new HikariDataSource(config);
        this.dataSource = new NullSafeSqliteDataSource(pool);
    }

    public NullSafeSqliteDataSource dataSource() {
        return dataSource;
    }

    /** The pool itself, for a test that acts on its connections. */
    public HikariDataSource pool() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
