package org.accord.app.embedded;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.accord.app.notification.NotificationMarks;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Read marks and mail markers in the events' SQLite file, beside the person directory: not in the read models' file,
 * whose generations a rebuild replaces. A claim is one insert on a primary key, so it succeeds once.
 * <p>
 * Each write takes the file's single writer, as commands do. Written on its own, a mark committed between a command's
 * first read and its first write fails the command at once with SQLITE_BUSY_SNAPSHOT: SQLite cannot move a
 * transaction whose snapshot is no longer the newest on to writing, and its busy timeout does not apply there
 * ({@code WritesBesideCommandsTest}).
 */
public class JdbcNotificationMarks implements NotificationMarks {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionManager writer;

    /** @param writer the events file's single writer, the one commands run in */
    public JdbcNotificationMarks(JdbcTemplate jdbc, TransactionManager writer) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        jdbc.execute("CREATE TABLE IF NOT EXISTS notification_reads (person_id TEXT NOT NULL,"
                + " notification_id TEXT NOT NULL, read_at INTEGER NOT NULL, PRIMARY KEY (person_id, notification_id))");
        jdbc.execute("CREATE TABLE IF NOT EXISTS notification_mail (notification_id TEXT PRIMARY KEY,"
                + " claimed_at INTEGER NOT NULL)");
    }

    @Override
    public void markRead(String personId, Collection<String> notificationIds, Instant at) {
        List<Object[]> rows = notificationIds.stream().distinct()
                .map(id -> new Object[] {personId, id, at.toEpochMilli()}).toList();
        writer.executeInTransaction(() -> jdbc.batchUpdate("INSERT OR IGNORE INTO notification_reads (person_id,"
                + " notification_id, read_at) VALUES (?, ?, ?)", rows));
    }

    @Override
    public Set<String> readOf(String personId, Collection<String> notificationIds) {
        Set<String> read = new HashSet<>();
        if (notificationIds.isEmpty()) {
            return read;
        }
        named.query("SELECT notification_id FROM notification_reads WHERE person_id = :person"
                        + " AND notification_id IN (:ids)",
                new MapSqlParameterSource("person", personId).addValue("ids", notificationIds),
                rs -> {
                    read.add(rs.getString(1));
                });
        return read;
    }

    @Override
    public long readCount(String personId) {
        return jdbc.queryForObject("SELECT count(*) FROM notification_reads WHERE person_id = ?", Long.class,
                personId);
    }

    @Override
    public boolean claimMail(String notificationId, Instant at) {
        // SQLite's driver reports a taken key as a plain constraint failure: ask it to say "nothing inserted" instead
        return writer.fetchInTransaction(() -> jdbc.update("INSERT OR IGNORE INTO notification_mail (notification_id,"
                + " claimed_at) VALUES (?, ?)", notificationId, at.toEpochMilli())) == 1;
    }

    @Override
    public void releaseMail(String notificationId) {
        writer.executeInTransaction(() -> jdbc.update("DELETE FROM notification_mail WHERE notification_id = ?",
                notificationId));
    }
}
