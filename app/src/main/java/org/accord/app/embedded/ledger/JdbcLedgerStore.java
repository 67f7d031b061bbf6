package org.accord.app.embedded.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.accord.app.ledger.ChainHead;
import org.accord.app.ledger.Checkpoint;
import org.accord.app.ledger.LedgerStore;
import org.springframework.jdbc.core.JdbcTemplate;

/** Chain heads and checkpoints in the SQLite file beside the events, written in the events' transactions. */
public class JdbcLedgerStore implements LedgerStore {

    private final JdbcTemplate jdbc;

    public JdbcLedgerStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.execute("CREATE TABLE IF NOT EXISTS chain_head (trust_id TEXT PRIMARY KEY, position INTEGER NOT NULL,"
                + " hash TEXT NOT NULL)");
        jdbc.execute("CREATE TABLE IF NOT EXISTS chain_checkpoint (trust_id TEXT NOT NULL, position INTEGER NOT NULL,"
                + " hash TEXT NOT NULL, signed_at TEXT NOT NULL, key_id TEXT NOT NULL, signature TEXT NOT NULL,"
                + " PRIMARY KEY (trust_id, position))");
        // the Merkle root and the signed note came with the transparency log; older files gain the columns
        List<String> columns = jdbc.queryForList("SELECT name FROM pragma_table_info('chain_checkpoint')", String.class);
        if (!columns.contains("root_hash")) {
            jdbc.execute("ALTER TABLE chain_checkpoint ADD COLUMN root_hash TEXT");
        }
        if (!columns.contains("note")) {
            jdbc.execute("ALTER TABLE chain_checkpoint ADD COLUMN note TEXT");
        }
    }

    @Override
    public Optional<ChainHead> head(String trustId) {
        return jdbc.query("SELECT trust_id, position, hash FROM chain_head WHERE trust_id = ?", JdbcLedgerStore::head,
                trustId).stream().findFirst();
    }

    @Override
    public List<ChainHead> heads() {
        return jdbc.query("SELECT trust_id, position, hash FROM chain_head ORDER BY trust_id", JdbcLedgerStore::head);
    }

    @Override
    public void moveHead(ChainHead head) {
        jdbc.update("INSERT INTO chain_head (trust_id, position, hash) VALUES (?, ?, ?) ON CONFLICT (trust_id)"
                + " DO UPDATE SET position = excluded.position, hash = excluded.hash",
                head.trustId(), head.position(), head.hash());
    }

    @Override
    public void record(Checkpoint c) {
        jdbc.update("INSERT INTO chain_checkpoint (trust_id, position, hash, signed_at, key_id, signature, root_hash,"
                + " note) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (trust_id, position) DO UPDATE SET"
                + " signed_at = excluded.signed_at, key_id = excluded.key_id, signature = excluded.signature,"
                + " root_hash = excluded.root_hash, note = excluded.note"
                // a first-format checkpoint gives way to a tree checkpoint of the same head; nothing else is replaced
                + " WHERE chain_checkpoint.note IS NULL AND excluded.note IS NOT NULL"
                + " AND chain_checkpoint.hash = excluded.hash",
                c.trustId(), c.position(), c.hash(), c.signedAt().toString(), c.keyId(), c.signature(), c.rootHash(),
                c.note());
    }

    @Override
    public Optional<Checkpoint> lastCheckpoint(String trustId) {
        return jdbc.query("SELECT trust_id, position, hash, signed_at, key_id, signature, root_hash, note"
                + " FROM chain_checkpoint"
                + " WHERE trust_id = ? ORDER BY position DESC LIMIT 1", JdbcLedgerStore::checkpoint, trustId)
                .stream().findFirst();
    }

    @Override
    public List<Checkpoint> checkpoints(String trustId) {
        return jdbc.query("SELECT trust_id, position, hash, signed_at, key_id, signature, root_hash, note"
                + " FROM chain_checkpoint"
                + " WHERE trust_id = ? ORDER BY position", JdbcLedgerStore::checkpoint, trustId);
    }

    private static ChainHead head(ResultSet rs, int row) throws SQLException {
        return new ChainHead(rs.getString(1), rs.getLong(2), rs.getString(3));
    }

    private static Checkpoint checkpoint(ResultSet rs, int row) throws SQLException {
        return new Checkpoint(rs.getString(1), rs.getLong(2), rs.getString(3), Instant.parse(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
    }
}
