package org.accord.app.embedded.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.accord.app.ledger.ChainHasher;
import org.accord.app.ledger.ChainHead;
import org.accord.app.ledger.Checkpoint;
import org.accord.app.ledger.LedgerSource;
import org.accord.app.ledger.LedgerStore;
import org.accord.app.ledger.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the SQLite event table itself, row by row in global-index order, with no deserialisation and nothing from a
 * read model. One transaction makes it one snapshot (WAL): events, head and checkpoints as of the same moment, while
 * commands go on writing.
 */
public class JdbcLedgerSource implements LedgerSource {

    private static final String COLUMNS = "SELECT globalIndex, eventIdentifier, type, aggregateIdentifier,"
            + " sequenceNumber, payloadType, payload, metaData, timeStamp FROM DomainEventEntry";
    private static final String EVENTS = COLUMNS + " ORDER BY globalIndex";

    /**
     * Lets a chain position be looked up without reading the whole table: before it, each lookup (the check before
     * every signing, and the link check of every event a projection handles) scanned every row, about a second at
     * 1M events. The expressions are exactly the ones the lookups use, or SQLite would not use the index.
     */
    private static final String POSITION_INDEX = "CREATE INDEX IF NOT EXISTS chain_position ON DomainEventEntry"
            + " (" + Position.TRUST + ", " + Position.POSITION + ")";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final LedgerStore ledger;

    public JdbcLedgerSource(JdbcTemplate jdbc, PlatformTransactionManager transactions, LedgerStore ledger) {
        // no fetch size: sqlite-jdbc reads row by row whatever it is, and a statement whose fetch size was set is not
        // lent again (ReusedStatements), so each lookup of a live projection's link check compiled its SQL anew
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        this.ledger = ledger;
    }

    /**
     * Indexes the event table by chain trust and position; once the table exists (Axon's engine creates it), and
     * at every start (a store made before the index gets it then: about a second per million events, once).
     */
    public static void indexChainPositions(JdbcTemplate sql) {
        sql.execute(POSITION_INDEX);
    }

    @Override
    public List<String> hashesAt(String trustId, long position) {
        return claimsAt(trustId, List.of(position)).stream().map(Claim::hash).toList();
    }

    @Override
    public List<Claim> claimsAt(String trustId, List<Long> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        Object[] arguments = new Object[positions.size() + 1];
        arguments[0] = trustId;
        for (int i = 0; i < positions.size(); i++) {
            arguments[i + 1] = Long.toString(positions.get(i)); // stored as text, like all metadata
        }
        return jdbc.query("SELECT " + Position.POSITION + ", eventIdentifier, " + Position.HASH
                + " FROM DomainEventEntry WHERE " + Position.TRUST + " = ? AND " + Position.POSITION + " IN ("
                + String.join(", ", Collections.nCopies(positions.size(), "?")) + ") ORDER BY globalIndex",
                (rs, row) -> new Claim(Long.parseLong(rs.getString(1)), rs.getString(2), rs.getString(3)), arguments);
    }

    /** The metadata expressions the index is made of; a lookup must use them as they are. */
    public static final class Position {
        public static final String TRUST = "json_extract(CAST(metaData AS TEXT), '$.chainTrust')";
        public static final String POSITION = "json_extract(CAST(metaData AS TEXT), '$.chainPosition')";
        public static final String HASH = "json_extract(CAST(metaData AS TEXT), '$.chainHash')";

        private Position() {
        }
    }

    @Override
    public Optional<StoredEvent> event(String eventId) {
        return jdbc.query(COLUMNS + " WHERE eventIdentifier = ?", JdbcLedgerSource::event, eventId).stream()
                .findFirst();
    }

    private static StoredEvent event(ResultSet rs, int row) throws SQLException {
        return new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getBytes(7), ChainHasher.metaData(rs.getBytes(8)), rs.getString(9));
    }

    @Override
    public void links(String trustId, long afterOrder, LinkConsumer consumer) {
        jdbc.query("SELECT globalIndex, json_extract(CAST(metaData AS TEXT), '$.chainPosition'),"
                + " json_extract(CAST(metaData AS TEXT), '$.chainHash') FROM DomainEventEntry WHERE globalIndex > ?"
                + " AND json_extract(CAST(metaData AS TEXT), '$.chainTrust') = ? ORDER BY globalIndex",
                rs -> {
                    String position = rs.getString(2);
                    consumer.accept(rs.getLong(1), position == null ? -1 : parse(position), rs.getString(3));
                }, afterOrder, trustId);
    }

    private static long parse(String position) {
        try {
            return Long.parseLong(position);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public <T> T read(String trustId, Reading<T> reading) {
        return snapshot.execute(status -> {
            ChainHead head = ledger.head(trustId).orElse(null);
            List<Checkpoint> checkpoints = ledger.checkpoints(trustId);
            try (Stream<StoredEvent> events = jdbc.queryForStream(EVENTS, JdbcLedgerSource::event)) {
                Iterator<StoredEvent> iterator = events.iterator();
                return reading.apply(iterator, head, checkpoints);
            }
        });
    }
}
