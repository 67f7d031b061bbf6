package org.accord.app.ledger;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.accord.app.embedded.NullSafeSqliteDataSource;
import org.accord.app.embedded.SingleWriterTransactionManager;
import org.accord.app.embedded.SqliteEventStore;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The embedded event store as the application wires it, without Spring: SQLite in a folder, Axon's JDBC engine wrapped
 * by the hash chain, the single writer, the ledger's tables. For tests that store, tamper with and measure events.
 */
public final class ChainedSqliteStore implements AutoCloseable {

    private final HikariDataSource pool;
    private final JdbcTemplate sql;
    private final DataSourceTransactionManager transactions;
    private final SingleWriterTransactionManager writer;
    private final JdbcLedgerStore ledger;
    private final ChainingEventStorageEngine engine;

    public ChainedSqliteStore(Path folder, int connections) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(SqliteEventStore.jdbcUrl(folder.resolve("events.db"), "NORMAL"));
        config.setMaximumPoolSize(connections);
        pool = new HikariDataSource(config);
        NullSafeSqliteDataSource dataSource = new NullSafeSqliteDataSource(pool);
        transactions = new DataSourceTransactionManager(dataSource);
        Jackson3Serializer serializer = Jackson3Serializer.builder().build();
        sql = new JdbcTemplate(dataSource);
        ledger = new JdbcLedgerStore(sql);
        writer = new SingleWriterTransactionManager(new SpringTransactionManager(transactions));
        engine = new ChainingEventStorageEngine(SqliteEventStore.withSchema(SqliteEventStore.engine(dataSource,
                transactions).eventSerializer(serializer).snapshotSerializer(serializer).build()), serializer, ledger,
                writer);
    }

    public ChainingEventStorageEngine engine() {
        return engine;
    }

    public JdbcTemplate sql() {
        return sql;
    }

    public JdbcLedgerStore ledger() {
        return ledger;
    }

    public SingleWriterTransactionManager writer() {
        return writer;
    }

    /** Reads the store as verification does: one snapshot of events, head and checkpoints. */
    public JdbcLedgerSource source() {
        return new JdbcLedgerSource(sql, transactions, ledger);
    }

    /** The integrity check as the application wires it, with this store's writer and a witness file of the test's. */
    public DecisionLogIntegrity integrity(LedgerKeys keys, Path witnessFile) {
        return new DecisionLogIntegrity(source(), ledger, keys, new WitnessFile(witnessFile), null, writer,
                java.time.Clock.systemUTC());
    }

    @Override
    public void close() {
        pool.close();
    }
}
