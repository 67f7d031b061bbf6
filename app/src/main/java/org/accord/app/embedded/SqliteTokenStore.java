package org.accord.app.embedded;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;

import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;

/**
 * Axon's JDBC token store on SQLite, which has no {@code SELECT ... FOR UPDATE}: the clause is left out of the
 * statements the store prepares. Nothing is lost by it: every transaction on the read-model database begins
 * IMMEDIATE ({@link ReadModelDatabase}), so it holds the database's one write lock from its first statement, which is
 * more than the row lock the clause asks for.
 */
class SqliteTokenStore extends JdbcTokenStore {

    private static final String FOR_UPDATE = " FOR UPDATE";

    SqliteTokenStore(JdbcTokenStore.Builder builder) {
        super(builder);
    }

    @Override
    protected Connection getConnection() {
        Connection connection = super.getConnection();
        return (Connection) Proxy.newProxyInstance(SqliteTokenStore.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql
                            && sql.contains(FOR_UPDATE)) {
                        args[0] = sql.replace(FOR_UPDATE, "");
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
