package org.accord.app.ledger;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.accord.api.shared.Actor;
import org.accord.app.embedded.NullSafeSqliteDataSource;
import org.accord.app.embedded.PooledSqliteFile;
import org.accord.app.embedded.SingleWriterTransactionManager;
import org.accord.app.embedded.SqliteEventStore;
import org.accord.app.embedded.ledger.ChainingEventStorageEngine;
import org.accord.app.embedded.ledger.JdbcLedgerSource;
import org.accord.app.embedded.ledger.JdbcLedgerStore;
import org.accord.app.platform.witness.WitnessFile;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The embedded event store as the application wires it, without Spring: SQLite in a folder, Axon's JDBC engine wrapped
 * by the hash chain, the single writer, the ledger's tables. For tests that store, tamper with and measure events.
 */
public final class ChainedSqliteStore implements AutoCloseable {

    private final PooledSqliteFile file;
    private final JdbcTemplate sql;
    private final DataSourceTransactionManager transactions;
    private final SingleWriterTransactionManager writer;
    private final JdbcLedgerStore ledger;
    private final ChainingEventStorageEngine engine;
    private final Jackson3Serializer serializer;

    public ChainedSqliteStore(Path folder, int connections) {
        file = new PooledSqliteFile(folder.resolve("events.db"), connections);
        NullSafeSqliteDataSource dataSource = file.dataSource();
        transactions = new DataSourceTransactionManager(dataSource);
        serializer = Jackson3Serializer.builder().build();
        sql = new JdbcTemplate(dataSource);
        ledger = new JdbcLedgerStore(sql);
        writer = new SingleWriterTransactionManager(new SpringTransactionManager(transactions));
        engine = new ChainingEventStorageEngine(SqliteEventStore.withSchema(SqliteEventStore.engine(dataSource,
                transactions).eventSerializer(serializer).snapshotSerializer(serializer).build()), serializer, ledger,
                writer);
        JdbcLedgerSource.indexChainPositions(sql);
    }

    /** The engine's event serializer: events it reads give their payloads back as stored only to this one. */
    public Jackson3Serializer serializer() {
        return serializer;
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
        return integrity(keys, witnessFile, java.time.Clock.systemUTC());
    }

    /** The same, on a clock of the test's, expecting a first checkpoint within ten minutes of a trust's first event. */
    public DecisionLogIntegrity integrity(LedgerKeys keys, Path witnessFile, java.time.Clock clock) {
        return new DecisionLogIntegrity(source(), ledger, keys, new WitnessFile(witnessFile), null, writer, clock,
                org.accord.app.ledger.merkle.LogOrigin.DEFAULT_NAMESPACE, java.time.Duration.ofMinutes(10));
    }

    /**
     * Recomputes every link of a trust and moves its head, as an insider with the algorithm (but not the signing key)
     * could after altering events.
     */
    public void relinkAsAnInsider(String trustId) {
        relinkAsAnInsider(sql, trustId);
    }

    /** As {@link #relinkAsAnInsider(String)}, on any SQLite event store (an application's data folder). */
    public static void relinkAsAnInsider(JdbcTemplate sql, String trustId) {
        List<Map<String, Object>> rows = sql.queryForList("SELECT globalIndex, eventIdentifier, type,"
                + " aggregateIdentifier, sequenceNumber, payloadType, CAST(payload AS TEXT) AS payload,"
                + " CAST(metaData AS TEXT) AS metaData, timeStamp FROM DomainEventEntry WHERE"
                + " json_extract(CAST(metaData AS TEXT), '$.chainTrust') = ? ORDER BY globalIndex", trustId);
        String previous = ChainHasher.GENESIS;
        long position = 0;
        for (Map<String, Object> row : rows) {
            position++;
            Map<String, String> meta = ChainHasher.metaData(((String) row.get("metaData")).getBytes());
            String hash = ChainHasher.hash(new ChainLink(trustId, position, previous,
                    (String) row.get("eventIdentifier"), (String) row.get("type"),
                    (String) row.get("aggregateIdentifier"), ((Number) row.get("sequenceNumber")).longValue(),
                    (String) row.get("payloadType"), ChainHasher.payload(((String) row.get("payload")).getBytes()),
                    meta.getOrDefault(Actor.METADATA_KEY, Actor.SYSTEM), Instant.parse((String) row.get("timeStamp"))));
            sql.update("UPDATE DomainEventEntry SET metaData = CAST(json_set(CAST(metaData AS TEXT), '$.chainHash',"
                    + " ?) AS BLOB) WHERE globalIndex = ?", hash, row.get("globalIndex"));
            previous = hash;
        }
        sql.update("UPDATE chain_head SET hash = ? WHERE trust_id = ?", previous, trustId);
    }

    /** The id of the event at a trust's chain position. */
    public String eventAt(String trustId, long position) {
        return eventAt(sql, trustId, position);
    }

    /** As {@link #eventAt(String, long)}, on any SQLite event store. */
    public static String eventAt(JdbcTemplate sql, String trustId, long position) {
        return sql.queryForObject("SELECT eventIdentifier FROM DomainEventEntry WHERE json_extract(CAST(metaData AS"
                + " TEXT), '$.chainTrust') = ? AND json_extract(CAST(metaData AS TEXT), '$.chainPosition') = ?",
                String.class, trustId, Long.toString(position));
    }

    @Override
    public void close() {
        file.close();
    }
}
