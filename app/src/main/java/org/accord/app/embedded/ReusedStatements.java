package org.accord.app.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sqlite.SQLiteConnection;
import org.sqlite.core.CoreStatement;
import org.sqlite.core.DB;

/**
 * Prepared statements kept open on each SQLite connection, by their SQL, and lent again to whoever prepares the same
 * SQL on it next. SQLite compiles each statement it is given, and neither sqlite-jdbc nor HikariCP keeps compiled
 * statements (HikariCP leaves it to the driver): under castVote, compiling the same statements again and again
 * was 7% of the application's CPU, a third of the thread that looks for new events (docs/benchmarks.md, run 26).
 * <p>
 * A statement is lent to one user at a time; preparing SQL whose statement is out on loan compiles a statement of the
 * usual kind. When its user closes it, the statement's result sets are closed, its parameters and batch cleared and it
 * is reset, so that it holds no read snapshot and no lock while it waits; closing the connection it was lent through
 * does the same for any its user left open, as HikariCP did. A statement whose user changed what the statement is
 * (a time limit, a row limit, a fetch size) or that failed to reset is closed instead of kept. Statements are kept per
 * physical connection, at most {@value #PER_CONNECTION} each, the least recently used closed first, and they go with
 * their connection when the pool closes it.
 */
final class ReusedStatements {

    /** More than the statements the embedded runtime prepares on one connection in a steady load. */
    static final int PER_CONNECTION = 64;

    /** Calls that change a statement beyond its parameters: a statement so changed is not lent again. */
    private static final Set<String> CHANGING = Set.of("setQueryTimeout", "setMaxRows", "setLargeMaxRows",
            "setFetchSize", "setFetchDirection", "setEscapeProcessing", "setPoolable", "setCursorName",
            "setMaxFieldSize", "closeOnCompletion");

    /** By connection: not a weak map, since each statement refers to its connection and would keep it reachable. */
    private final Map<SQLiteConnection, Map<String, Kept>> kept = new IdentityHashMap<>();

    /** A compiled statement on one connection, and whether it is out on loan. */
    private static final class Kept {
        private final PreparedStatement statement;
        private boolean lent;
        private boolean evicted;

        Kept(PreparedStatement statement) {
            this.statement = statement;
        }
    }

    /**
     * A statement for {@code sql} on the physical connection beneath {@code pooled}: a kept one if it is free, else a
     * new one, kept from now on if there is none for this SQL yet.
     *
     * @return the loan; its {@link Loan#close()} gives the statement back
     */
    Loan lend(Connection pooled, String sql) throws SQLException {
        SQLiteConnection physical = pooled.unwrap(SQLiteConnection.class);
        Map<String, Kept> statements;
        synchronized (kept) {
            statements = kept.get(physical);
            if (statements == null) {
                // a connection new to the pool: forget those it has closed since the last (their statements went
                // with them), so that the map holds about as many connections as the pool
                kept.keySet().removeIf(ReusedStatements::closed);
                statements = lru();
                kept.put(physical, statements);
            }
        }
        Kept statement;
        synchronized (statements) {
            statement = statements.get(sql);
            if (statement != null && statement.lent) {
                return new Loan(null, null, pooled.prepareStatement(sql)); // out on loan: one of the usual kind
            }
            if (statement == null) {
                statement = new Kept(physical.prepareStatement(sql));
                statements.put(sql, statement);
            }
            statement.lent = true;
        }
        return new Loan(statements, statement, statement.statement);
    }

    private static Map<String, Kept> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
                if (size() <= PER_CONNECTION) {
                    return false;
                }
                Kept old = eldest.getValue();
                old.evicted = true;
                if (!old.lent) {
                    closeQuietly(old.statement);
                }
                return true;
            }
        };
    }

    /** One use of a statement, kept or not: what its user called on it, and how it is given back. */
    static final class Loan {
        private final Map<String, Kept> statements;
        private final Kept kept;
        private final PreparedStatement statement;
        private final List<ResultSet> results = new ArrayList<>(1);
        private boolean changed;
        private boolean closed;

        /** A kept statement lent from {@code statements}, or ({@code kept} null) an ordinary one. */
        private Loan(Map<String, Kept> statements, Kept kept, PreparedStatement statement) {
            this.statements = statements;
            this.kept = kept;
            this.statement = statement;
        }

        PreparedStatement statement() {
            return statement;
        }

        boolean isClosed() {
            return closed;
        }

        /** Notes a call about to be made on the statement. */
        void calling(String method) {
            changed |= CHANGING.contains(method);
        }

        /** Notes a result set the statement gave. */
        void gave(ResultSet resultSet) {
            results.add(resultSet);
        }

        /** Gives the statement back (a kept one, reset) or closes it (one of the usual kind). */
        void close() throws SQLException {
            if (closed) {
                return;
            }
            closed = true;
            if (kept == null) {
                statement.close();
                return;
            }
            boolean reusable = !changed;
            try {
                for (ResultSet rs : results) {
                    rs.close();
                }
                statement.clearParameters();
                statement.clearBatch();
                // a statement stepped but not finished holds its read snapshot until reset, whatever its result set
                ((CoreStatement) statement).pointer.safeRunInt(DB::reset);
            } catch (SQLException | RuntimeException failed) {
                reusable = false;
            }
            synchronized (statements) {
                kept.lent = false;
                if (!reusable || kept.evicted) {
                    statements.values().remove(kept);
                    closeQuietly(statement);
                }
            }
        }
    }

    private static boolean closed(SQLiteConnection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** How many connections have statements kept: for tests. */
    int connections() {
        synchronized (kept) {
            return kept.size();
        }
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // the connection beneath is closing or gone: its statements go with it
        }
    }
}
