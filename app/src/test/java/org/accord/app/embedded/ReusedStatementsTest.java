package org.accord.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConnection;
import org.sqlite.core.CoreStatement;

/**
 * Statements prepared through the embedded runtime's data source are compiled once per connection and lent again,
 * and a statement given back holds nothing on the file: a checkpoint that must copy the whole write-ahead log back
 * into the file (it waits for no reader's snapshot) completes after one was left mid-result.
 */
class ReusedStatementsTest {

    private static final String ROWS = "SELECT n FROM numbers ORDER BY n";

    @TempDir
    Path data;

    private PooledSqliteFile file;
    private NullSafeSqliteDataSource dataSource;

    @BeforeEach
    void aFileWithAHundredRowsAndOneConnection() throws SQLException {
        file = new PooledSqliteFile(data.resolve("test.db"), 1); // every borrow gets the same connection beneath
        dataSource = file.dataSource();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE numbers (n INTEGER PRIMARY KEY)");
            s.execute("WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 100)"
                    + " INSERT INTO numbers SELECT n FROM k");
        }
    }

    @AfterEach
    void close() {
        file.close();
    }

    @Test
    void theSameSqlPreparedAgainOnAConnectionIsTheStatementCompiledBefore() throws SQLException {
        CoreStatement first;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ROWS)) {
            first = ps.unwrap(CoreStatement.class);
            assertThat(firstOf(ps)).isEqualTo(1);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ROWS)) {
            assertThat(ps.unwrap(CoreStatement.class)).isSameAs(first);
            assertThat(firstOf(ps)).isEqualTo(1);
        }
    }

    @Test
    void aStatementAskedForWithTheDefaultKindSpelledOutIsLentLikeOneAskedForByItsSqlAlone() throws SQLException {
        CoreStatement first;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ROWS)) {
            first = ps.unwrap(CoreStatement.class);
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(ROWS, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            assertThat(ps.unwrap(CoreStatement.class)).isSameAs(first);
            assertThat(firstOf(ps)).isEqualTo(1);
        }
        try (Connection c = dataSource.getConnection()) {
            // another kind is asked of the driver, which refuses it, as it always did
            assertThatThrownBy(() -> c.prepareStatement(ROWS, ResultSet.TYPE_SCROLL_INSENSITIVE,
                    ResultSet.CONCUR_READ_ONLY)).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void parametersOfTheLastUseAreGoneAndAClosedLoanCannotBeUsed() throws SQLException {
        String sql = "SELECT count(*) FROM numbers WHERE n <= ?";
        PreparedStatement given;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, 10);
            assertThat(firstOf(ps)).isEqualTo(10);
            given = ps;
        }
        assertThat(given.isClosed()).isTrue();
        assertThatThrownBy(given::executeQuery).isInstanceOf(SQLException.class).hasMessageContaining("closed");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            assertThat(firstOf(ps)).as("nothing bound is NULL to SQLite: the last use's 10 is gone").isZero();
        }
    }

    @Test
    void aStatementLeftInTheMiddleOfItsRowsHoldsNoSnapshotOnceGivenBack() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            PreparedStatement ps = c.prepareStatement(ROWS);
            ResultSet rs = ps.executeQuery();
            assertThat(rs.next()).isTrue(); // one row of a hundred read, the result set never closed
            ps.close();
        }
        assertThat(aFullCheckpointAfterAWrite()).as("busy: a reader still held its snapshot").isZero();
    }

    @Test
    void aStatementLeftOpenIsGivenBackWhenItsConnectionIs() throws Exception {
        CoreStatement left;
        try (Connection c = dataSource.getConnection()) {
            PreparedStatement ps = c.prepareStatement(ROWS);
            left = ps.unwrap(CoreStatement.class);
            ResultSet rs = ps.executeQuery();
            assertThat(rs.next()).isTrue(); // neither the result set nor the statement closed
        }
        assertThat(aFullCheckpointAfterAWrite()).isZero();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ROWS)) {
            assertThat(ps.unwrap(CoreStatement.class)).isSameAs(left);
            assertThat(firstOf(ps)).isEqualTo(1);
        }
    }

    @Test
    void theSameSqlPreparedWhileItsStatementIsOnLoanGetsAnotherAndBothWork() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement outer = c.prepareStatement(ROWS);
             ResultSet rows = outer.executeQuery()) {
            assertThat(rows.next()).isTrue();
            try (PreparedStatement inner = c.prepareStatement(ROWS)) {
                assertThat(inner.unwrap(CoreStatement.class)).isNotSameAs(outer.unwrap(CoreStatement.class));
                assertThat(firstOf(inner)).isEqualTo(1);
            }
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    void aStatementGivenATimeLimitIsNotLentAgain() throws SQLException {
        CoreStatement limited;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ROWS)) {
            ps.setQueryTimeout(5);
            limited = ps.unwrap(CoreStatement.class);
            assertThat(firstOf(ps)).isEqualTo(1);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ROWS)) {
            assertThat(ps.unwrap(CoreStatement.class)).isNotSameAs(limited);
            assertThat(ps.getQueryTimeout()).isZero();
        }
    }

    @Test
    void beyondTheLimitTheLeastRecentlyUsedStatementIsClosed() throws SQLException {
        CoreStatement oldest;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 0")) {
                oldest = ps.unwrap(CoreStatement.class);
            }
            for (int i = 1; i <= ReusedStatements.PER_CONNECTION; i++) {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + i)) {
                    assertThat(firstOf(ps)).isEqualTo(i);
                }
            }
        }
        assertThat(oldest.pointer.isClosed()).isTrue();
    }

    @Test
    void theStatementsOfAConnectionThePoolClosedAreForgottenWhenAnotherComes() throws Exception {
        SQLiteConnection first;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ROWS)) {
            first = ps.unwrap(CoreStatement.class).conn;
        }
        assertThat(dataSource.statements().connections()).isEqualTo(1);
        file.pool().getHikariPoolMXBean().softEvictConnections();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!first.isClosed() && System.nanoTime() < deadline) {
            Thread.sleep(10); // the pool closes it on a thread of its own
        }
        assertThat(first.isClosed()).isTrue();

        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ROWS)) {
            assertThat(ps.unwrap(CoreStatement.class).conn).isNotSameAs(first);
            assertThat(firstOf(ps)).isEqualTo(1);
        }
        assertThat(dataSource.statements().connections()).isEqualTo(1);
    }

    private static int firstOf(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            return rs.getInt(1);
        }
    }

    /** Writes a row from another connection, then copies the whole log into the file: 1 if a reader prevented it. */
    private int aFullCheckpointAfterAWrite() throws SQLException {
        try (Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + data.resolve("test.db"));
             Statement s = other.createStatement()) {
            s.execute("INSERT INTO numbers VALUES (1000)");
            try (ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
