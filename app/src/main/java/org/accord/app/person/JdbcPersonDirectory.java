package org.accord.app.person;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The person directory in the relational store beside the events, so that a person's registration event and their
 * name are committed in one transaction (a crash can never keep one without the other).
 */
public class JdbcPersonDirectory implements PersonDirectory {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public JdbcPersonDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        jdbc.execute("CREATE TABLE IF NOT EXISTS person_directory ("
                + "person_id TEXT PRIMARY KEY, trust_id TEXT NOT NULL, display_name TEXT)");
    }

    @Override
    public void record(String personId, String trustId, String displayName) {
        jdbc.update("INSERT INTO person_directory (person_id, trust_id, display_name) VALUES (?, ?, ?) "
                + "ON CONFLICT (person_id) DO UPDATE SET display_name = excluded.display_name",
                personId, trustId, displayName);
    }

    /** The row goes, name and all: what stays is the person's id in the events and read models. */
    @Override
    public void erase(String personId) {
        jdbc.update("DELETE FROM person_directory WHERE person_id = ?", personId);
    }

    @Override
    public Map<String, String> displayNames(Collection<String> personIds) {
        Map<String, String> names = new HashMap<>();
        if (personIds.isEmpty()) {
            return names;
        }
        named.query("SELECT person_id, display_name FROM person_directory WHERE person_id IN (:ids) "
                        + "AND display_name IS NOT NULL",
                new MapSqlParameterSource("ids", personIds),
                rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }
}
