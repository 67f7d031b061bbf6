package org.accord.app.embedded;

import java.time.Instant;
import java.util.Optional;

import org.accord.app.shared.IdempotencyStore;
import org.springframework.jdbc.core.JdbcTemplate;

/** Idempotency keys in the SQLite file beside the events, committed in the same transaction as them. */
public class JdbcIdempotencyStore implements IdempotencyStore {

    private final JdbcTemplate jdbc;

    public JdbcIdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.execute("CREATE TABLE IF NOT EXISTS idempotency (actor_id TEXT NOT NULL, mutation_key TEXT NOT NULL,"
                + " fingerprint TEXT NOT NULL, result TEXT, recorded_at TEXT NOT NULL,"
                + " PRIMARY KEY (actor_id, mutation_key))");
    }

    @Override
    public Optional<Entry> find(String actorId, String clientMutationId) {
        return jdbc.query("SELECT fingerprint, result FROM idempotency WHERE actor_id = ? AND mutation_key = ?",
                (rs, row) -> new Entry(rs.getString(1), rs.getString(2)), actorId, clientMutationId)
                .stream().findFirst();
    }

    @Override
    public void record(String actorId, String clientMutationId, String fingerprint, String result) {
        jdbc.update("INSERT INTO idempotency (actor_id, mutation_key, fingerprint, result, recorded_at)"
                + " VALUES (?, ?, ?, ?, ?)", actorId, clientMutationId, fingerprint, result, Instant.now().toString());
    }
}
