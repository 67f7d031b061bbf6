package org.accord.app.embedded;

import java.time.Instant;
import java.util.Optional;

import org.accord.app.platform.idempotency.IdempotencyStore;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Idempotency keys in the SQLite file beside the events, committed in the same transaction as them. Nothing needs to
 * hold a key while its command runs: commands take the single writer lock before this store is asked, so a second
 * request with the key runs only after the first committed (and finds its key) or rolled back (and finds nothing).
 */
public class JdbcIdempotencyStore implements IdempotencyStore {

    private final JdbcTemplate jdbc;

    public JdbcIdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.execute("CREATE TABLE IF NOT EXISTS idempotency (actor_id TEXT NOT NULL, mutation_key TEXT NOT NULL,"
                + " fingerprint TEXT NOT NULL, result TEXT, recorded_at TEXT NOT NULL,"
                + " PRIMARY KEY (actor_id, mutation_key))");
    }

    @Override
    public Optional<Entry> findOrHold(String actorId, String clientMutationId, String fingerprint) {
        return jdbc.query("SELECT fingerprint, result FROM idempotency WHERE actor_id = ? AND mutation_key = ?",
                (rs, row) -> new Entry(rs.getString(1), rs.getString(2)), actorId, clientMutationId)
                .stream().findFirst();
    }

    @Override
    public void complete(String actorId, String clientMutationId, String fingerprint, String result) {
        jdbc.update("INSERT INTO idempotency (actor_id, mutation_key, fingerprint, result, recorded_at)"
                + " VALUES (?, ?, ?, ?, ?)", actorId, clientMutationId, fingerprint, result, Instant.now().toString());
    }
}
