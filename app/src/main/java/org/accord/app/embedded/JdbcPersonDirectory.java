package org.accord.app.embedded;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.accord.api.shared.DomainException;
import org.accord.app.person.PersonDirectory;
import org.axonframework.common.transaction.TransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The person directory in the relational store beside the events, so that a person's registration event and their
 * name are committed in one transaction (a crash can never keep one without the other). An erased person's row stays,
 * without the name, so that the id stays claimed by its trust.
 */
public class JdbcPersonDirectory implements PersonDirectory {

    private static final Logger log = LoggerFactory.getLogger(JdbcPersonDirectory.class);
    private static final RowMapper<Entry> ENTRY = (rs, row) -> new Entry(rs.getString(1), rs.getString(2),
            rs.getString(3));

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Runnable afterErasure;
    private final TransactionManager writer;

    /**
     * @param afterErasure run once an erasure is committed: the store's own way of removing the copies of the name it
     *                     still keeps out of sight (a write-ahead log)
     * @param writer       the events file's single writer, the one commands run in: an erasure or an address written
     *                     outside a command takes it too, so that it never commits between a command's first read and
     *                     its first write (which fails the command at once with SQLITE_BUSY, see
     *                     {@link JdbcNotificationMarks}); a registration is written only by its command
     */
    public JdbcPersonDirectory(JdbcTemplate jdbc, Runnable afterErasure, TransactionManager writer) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.afterErasure = afterErasure;
        this.writer = writer;
        jdbc.execute("CREATE TABLE IF NOT EXISTS person_directory ("
                + "person_id TEXT PRIMARY KEY, trust_id TEXT NOT NULL, display_name TEXT)");
        if (jdbc.queryForList("SELECT name FROM pragma_table_info('person_directory') WHERE name = 'email'",
                String.class).isEmpty()) {
            // a directory of an earlier version: the address column joins the name's
            jdbc.execute("ALTER TABLE person_directory ADD COLUMN email TEXT");
        }
        try {
            // one id per person whatever its case, enforced by the store itself (SQLite's NOCASE folds ASCII)
            jdbc.execute("CREATE UNIQUE INDEX IF NOT EXISTS person_directory_id_nocase "
                    + "ON person_directory (person_id COLLATE NOCASE)");
        } catch (DataAccessException e) {
            log.warn("the person directory holds ids that differ only in case, so ids are checked ignoring case"
                    + " before each registration but not enforced by an index: {}", e.getMessage());
        }
    }

    @Override
    public void record(String personId, String trustId, String displayName) {
        Entry existing = find(personId);
        if (existing != null) {
            throw DomainException.conflict(PersonDirectory.alreadyRegistered(personId, existing));
        }
        try {
            jdbc.update("INSERT INTO person_directory (person_id, trust_id, display_name) VALUES (?, ?, ?)",
                    personId, trustId, displayName);
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict(PersonDirectory.alreadyRegistered(personId, find(personId)));
        }
    }

    /** The name goes; the id and trust stay, as they do in the events and read models. */
    @Override
    public void erase(String personId) {
        writer.executeInTransaction(() -> {
            jdbc.update("UPDATE person_directory SET display_name = NULL, email = NULL WHERE person_id = ?",
                    personId);
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                // only once committed are the pages without the name in the log, for the store to copy home
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        afterErasure.run();
                    }
                });
            } else {
                afterErasure.run();
            }
        });
    }

    /** Only while the person is not erased: an erased person's row keeps nothing personal. */
    @Override
    public void recordEmail(String personId, String email) {
        writer.executeInTransaction(() -> jdbc.update("UPDATE person_directory SET email = ? WHERE person_id = ?"
                + " AND display_name IS NOT NULL", email, personId));
    }

    @Override
    public String email(String personId) {
        List<String> found = jdbc.queryForList("SELECT email FROM person_directory WHERE person_id = ?",
                String.class, personId);
        return found.isEmpty() ? null : found.get(0);
    }

    @Override
    public Entry find(String personId) {
        if (personId == null) {
            return null;
        }
        List<Entry> found = jdbc.query("SELECT person_id, trust_id, display_name FROM person_directory "
                + "WHERE person_id = ? COLLATE NOCASE ORDER BY person_id = ? DESC LIMIT 1", ENTRY, personId, personId);
        return found.isEmpty() ? null : found.get(0);
    }

    @Override
    public Map<String, Entry> entries(Collection<String> personIds) {
        Map<String, Entry> entries = new HashMap<>();
        if (personIds.isEmpty()) {
            return entries;
        }
        named.query("SELECT person_id, trust_id, display_name FROM person_directory WHERE person_id IN (:ids)",
                new MapSqlParameterSource("ids", personIds), rs -> {
                    Entry entry = ENTRY.mapRow(rs, 0);
                    entries.put(entry.personId(), entry);
                });
        return entries;
    }
}
