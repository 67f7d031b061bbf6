package org.accord.app.embedded;

import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The embedded read models' own SQLite file ({@code readmodels.db} in the data folder): the documents of every
 * projection and the processors' tracking tokens (Axon's JDBC token store), so that a projection batch's documents and
 * its token are committed in one transaction. A file apart from the events: a replay writing read models never waits
 * on the command side's writer, nor it on a replay.
 * <p>
 * Transactions begin IMMEDIATE: a batch reads its documents before it writes them, and a deferred transaction that
 * upgrades from reading to writing while another processor commits fails at once with SQLITE_BUSY instead of waiting
 * its turn (busy_timeout covers only a lock taken at the start).
 */
public record ReadModelDatabase(DataSource dataSource, PlatformTransactionManager transactions) implements AutoCloseable {

    static final String FILE_NAME = "readmodels.db";
    /** Axon's JDBC token store's table, named as it names it by default. */
    static final String TOKEN_TABLE = org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema.builder().build()
            .tokenTable();

    /**
     * Each connection's page cache, in KiB (SQLite's default is 2 MiB): a rebuild reads the B-trees it writes at
     * random, and with the default it read 15.6 GB through the operating system for a 650 MB file; with 64 MiB, 2.4 GB
     * (docs/benchmarks.md, run 25). A connection's cache grows only as far as the pages it reads, so the pool's eight
     * take at most 512 MiB outside the Java heap, and queries far less.
     */
    static final int CACHE_KIB = -65_536;

    static ReadModelDatabase open(Path folder, String synchronous) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("accord-readmodels");
        config.setJdbcUrl(SqliteFiles.jdbcUrl(folder.resolve(FILE_NAME), synchronous) + "&transaction_mode=IMMEDIATE"
                + "&cache_size=" + CACHE_KIB);
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        DataSource dataSource = new NullSafeSqliteDataSource(new HikariDataSource(config));
        return new ReadModelDatabase(dataSource, new DataSourceTransactionManager(dataSource));
    }

    @Override
    public void close() {
        if (dataSource instanceof NullSafeSqliteDataSource wrapped
                && wrapped.getTargetDataSource() instanceof HikariDataSource hikari) {
            hikari.close();
        }
    }
}
