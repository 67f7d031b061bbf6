package org.accord.app.embedded;

import javax.sql.DataSource;

import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/** How the embedded mode keeps its events in SQLite; shared by the application and the storage benchmarks. */
public final class SqliteEventStore {

    private SqliteEventStore() {
    }

    /** Axon's JDBC engine on SQLite, before its serializers are chosen. */
    public static JdbcEventStorageEngine.Builder engine(DataSource dataSource,
                                                        PlatformTransactionManager transactions) {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                // joins the command's transaction when there is one; reads take their own
                .transactionManager(new SpringTransactionManager(transactions))
                .persistenceExceptionResolver(new SqliteDuplicateKeyResolver(new JdbcSQLErrorCodesResolver()));
    }

    public static JdbcEventStorageEngine withSchema(JdbcEventStorageEngine engine) {
        engine.createSchema(new SqliteEventTableFactory());
        return engine;
    }
}
