package org.accord.app.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The embedded mode: no other process. Events go to an SQLite file through Axon's JDBC engine; read models and
 * tracking tokens go to mongo-java-server (H2 backend) served in-process on loopback, reached with the real MongoDB
 * driver. All files live under {@code accord.data-dir}. DESIGN.md has the measurements behind each choice.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@Profile("!production")
@EnableConfigurationProperties(EmbeddedProperties.class)
public class EmbeddedRuntimeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRuntimeConfiguration.class);

    @Bean
    DataDirectory dataDirectory(EmbeddedProperties properties) {
        Path dir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + dir, e);
        }
        log.info("Accord embedded mode, data folder {}", dir);
        return new DataDirectory(dir);
    }

    /**
     * WAL lets the projections read while a command writes; {@code synchronous} decides what a power cut may take
     * (NORMAL: nothing on a process crash, the last commits on a power cut; FULL: nothing on either, at an fsync per
     * commit); {@code busy_timeout} covers the checkpointer.
     */
    @Bean
    DataSource dataSource(DataDirectory data, EmbeddedProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("accord-sqlite");
        config.setJdbcUrl("jdbc:sqlite:" + data.path().resolve("events.db")
                + "?journal_mode=WAL&synchronous=" + properties.sqliteSynchronous() + "&busy_timeout=10000"
                + "&foreign_keys=true");
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(2);
        return new NullSafeSqliteDataSource(new HikariDataSource(config));
    }

    /** Command handling, and only command handling, runs in a JDBC transaction behind the single-writer lock. */
    @Bean
    @Primary
    TransactionManager axonTransactionManager(PlatformTransactionManager jdbcTransactions) {
        return new SingleWriterTransactionManager(new SpringTransactionManager(jdbcTransactions));
    }

    @Bean
    EventStorageEngine eventStorageEngine(DataSource dataSource, PlatformTransactionManager jdbcTransactions,
                                          Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Configuration configuration) throws SQLException {
        PersistenceExceptionResolver duplicateKeys = new SqliteDuplicateKeyResolver(new JdbcSQLErrorCodesResolver());
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                // joins the command's transaction when there is one; reads take their own
                .transactionManager(new SpringTransactionManager(jdbcTransactions))
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(duplicateKeys)
                .build();
        engine.createSchema(new SqliteEventTableFactory());
        return engine;
    }

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer(DataDirectory data, EmbeddedProperties properties) {
        MVStore store = new MVStore.Builder()
                .fileName(data.path().resolve("readmodels.mv.db").toString())
                .open();
        store.setAutoCommitDelay(properties.readModelCommitDelayMillis());
        MongoServer server = new MongoServer(new H2Backend(store));
        server.bind("127.0.0.1", properties.mongoPort());
        log.info("Read models served by mongo-java-server at {}", server.getLocalAddress());
        return server;
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoServer server) {
        return MongoClients.create(server.getConnectionString());
    }
}
