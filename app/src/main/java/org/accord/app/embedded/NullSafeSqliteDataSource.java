package org.accord.app.embedded;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * sqlite-jdbc (3.50.x and 3.51.x alike) throws "Bad value for type Long" from {@code ResultSet.getObject(i, Long.class)}
 * when the value is SQL NULL, where JDBC says it returns null. Axon's JDBC event storage engine asks exactly that for
 * the head and tail tokens of an empty store, for an unknown aggregate and in its gap check. This data source hands out
 * connections whose result sets answer null for NULL, and leaves every other call to the driver, but one: a
 * statement prepared from SQL alone is a kept one when it can be ({@link ReusedStatements}).
 */
public class NullSafeSqliteDataSource extends DelegatingDataSource implements AutoCloseable {

    private final ReusedStatements statements = new ReusedStatements();

    public NullSafeSqliteDataSource(DataSource target) {
        super(target);
    }

    /**
     * Closes the pool beneath, so that a context that stops closes its connections: SQLite checkpoints the WAL into
     * the file and deletes it when the last one closes, instead of leaving it for the next start to recover.
     */
    @Override
    public void close() throws Exception {
        if (getTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connection(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return connection(super.getConnection(username, password));
    }

    /** The statements kept on this source's connections: for tests. */
    ReusedStatements statements() {
        return statements;
    }

    private Connection connection(Connection pooled) {
        if (pooled == null) {
            return null;
        }
        return proxy(Connection.class, new Handler(pooled, statements, null));
    }

    @SuppressWarnings("unchecked")
    static <T> T wrap(Class<T> type, T target) {
        if (target == null) {
            return null;
        }
        return proxy(type, new Handler(target, null, null));
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Handler handler) {
        return (T) Proxy.newProxyInstance(NullSafeSqliteDataSource.class.getClassLoader(), new Class<?>[]{type},
                handler);
    }

    /**
     * A connection, statement or result set of the driver's, null-safe. A connection's handler lends kept statements
     * ({@code statements}) and gives back, when it is closed, any its user left open; a lent statement's handler
     * ({@code loan}) gives its statement back when closed.
     */
    private static final class Handler implements InvocationHandler {
        private final Object target;
        private final ReusedStatements statements;
        private final ReusedStatements.Loan loan;
        private final List<ReusedStatements.Loan> loans;

        Handler(Object target, ReusedStatements statements, ReusedStatements.Loan loan) {
            this.target = target;
            this.statements = statements;
            this.loan = loan;
            this.loans = statements == null ? null : new ArrayList<>();
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (loan != null) {
                switch (name) {
                    case "close":
                        loan.close();
                        return null;
                    case "isClosed":
                        return loan.isClosed();
                    default:
                        if (loan.isClosed() && !name.equals("toString") && !name.equals("hashCode")
                                && !name.equals("equals")) {
                            throw new SQLException("statement is closed");
                        }
                        loan.calling(name);
                }
            }
            if (statements != null && name.equals("prepareStatement") && plain(args)) {
                ReusedStatements.Loan lent = statements.lend((Connection) target, (String) args[0]);
                loans.removeIf(ReusedStatements.Loan::isClosed);
                loans.add(lent);
                return proxy(PreparedStatement.class, new Handler(lent.statement(), null, lent));
            }
            if (statements != null && name.equals("close")) {
                for (ReusedStatements.Loan open : loans) {
                    open.close(); // as HikariCP closes a connection's statements when it is given back
                }
                loans.clear();
            }
            if (target instanceof ResultSet resultSet && isTypedGetObject(method)) {
                Object plain = args[0] instanceof Integer index ? resultSet.getObject(index)
                        : resultSet.getObject((String) args[0]);
                if (plain == null) {
                    return null;
                }
            }
            if (name.equals("unwrap") && args != null && args[0] instanceof Class<?> c && c.isInstance(target)) {
                return target;
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            Class<?> returned = method.getReturnType();
            if (result instanceof ResultSet rs && returned == ResultSet.class) {
                if (loan != null) {
                    loan.gave(rs);
                }
                return wrap(ResultSet.class, rs);
            }
            if (result instanceof Statement statement && Statement.class.isAssignableFrom(returned)) {
                return wrap(returnedInterface(returned), statement);
            }
            return result;
        }

        private static boolean isTypedGetObject(Method method) {
            return method.getName().equals("getObject") && method.getParameterCount() == 2
                    && method.getParameterTypes()[1] == Class.class;
        }

        @SuppressWarnings("unchecked")
        private static <S extends Statement> Class<S> returnedInterface(Class<?> returned) {
            return (Class<S>) returned;
        }

        /**
         * Whether a prepareStatement call asks for a statement of the usual kind: the SQL alone, or with the JDBC
         * defaults spelled out (Axon's token store asks so for its update at every batch), which SQLite's statements
         * all are.
         */
        private static boolean plain(Object[] args) {
            return args != null && (args.length == 1 || args.length == 3
                    && Integer.valueOf(ResultSet.TYPE_FORWARD_ONLY).equals(args[1])
                    && Integer.valueOf(ResultSet.CONCUR_READ_ONLY).equals(args[2]));
        }
    }
}
