package org.accord.app.embedded;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * sqlite-jdbc (3.50.x and 3.51.x alike) throws "Bad value for type Long" from {@code ResultSet.getObject(i, Long.class)}
 * when the value is SQL NULL, where JDBC says it returns null. Axon's JDBC event storage engine asks exactly that for
 * the head and tail tokens of an empty store, for an unknown aggregate and in its gap check. This data source hands out
 * connections whose result sets answer null for NULL, and leaves every other call to the driver.
 */
public class NullSafeSqliteDataSource extends DelegatingDataSource implements AutoCloseable {

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
        return wrap(Connection.class, super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(Connection.class, super.getConnection(username, password));
    }

    @SuppressWarnings("unchecked")
    static <T> T wrap(Class<T> type, T target) {
        if (target == null) {
            return null;
        }
        return (T) Proxy.newProxyInstance(NullSafeSqliteDataSource.class.getClassLoader(), new Class<?>[]{type},
                new Handler(target));
    }

    private record Handler(Object target) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (target instanceof ResultSet resultSet && isTypedGetObject(method)) {
                Object plain = args[0] instanceof Integer index ? resultSet.getObject(index)
                        : resultSet.getObject((String) args[0]);
                if (plain == null) {
                    return null;
                }
            }
            if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> c
                    && c.isInstance(target)) {
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
    }
}
