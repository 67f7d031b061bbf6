package org.accord.app.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.accord.app.ledger.ChainingEventStorageEngine;
import org.accord.app.ledger.DecisionLogIntegrity;
import org.accord.app.ledger.JdbcLedgerSource;
import org.accord.app.ledger.JdbcLedgerStore;
import org.accord.app.ledger.LedgerKeys;
import org.accord.app.ledger.LedgerProperties;
import org.accord.app.ledger.LedgerSource;
import org.accord.app.ledger.LedgerStore;
import org.accord.app.ledger.QuarantinedEvents;
import org.accord.app.ledger.WitnessFile;
import org.accord.app.ledger.WitnessUrl;
import org.accord.app.shared.IdempotencyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
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

    @Bean
    DataSource dataSource(DataDirectory data, EmbeddedProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("accord-sqlite");
        config.setJdbcUrl(SqliteEventStore.jdbcUrl(data.path().resolve("events.db"), properties.sqliteSynchronous()));
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

    /** Axon's JDBC engine on SQLite, with every event of a trust linked into its hash chain as it is stored. */
    @Bean
    EventStorageEngine eventStorageEngine(DataSource dataSource, PlatformTransactionManager jdbcTransactions,
                                          Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Configuration configuration, LedgerStore ledgerStore,
                                          TransactionManager axonTransactionManager) {
        EventStorageEngine engine = SqliteEventStore.withSchema(SqliteEventStore.engine(dataSource, jdbcTransactions)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .build());
        JdbcLedgerSource.indexChainPositions(new JdbcTemplate(dataSource));
        return new ChainingEventStorageEngine(engine, eventSerializer, ledgerStore, axonTransactionManager);
    }

    @Bean
    LedgerStore ledgerStore(JdbcTemplate jdbc) {
        return new JdbcLedgerStore(jdbc);
    }

    @Bean
    LedgerSource ledgerSource(JdbcTemplate jdbc, PlatformTransactionManager jdbcTransactions, LedgerStore ledger) {
        return new JdbcLedgerSource(jdbc, jdbcTransactions, ledger);
    }

    /** The configured signing key, or the development key kept in (and first generated into) the data folder. */
    @Bean
    LedgerKeys ledgerKeys(LedgerProperties properties, DataDirectory data) {
        if (properties.keyConfigured()) {
            return LedgerKeys.fromPem(properties.privateKey(), properties.publicKey());
        }
        LedgerKeys keys = LedgerKeys.inFolder(data.path().resolve("ledger"));
        log.info("Checkpoints signed with the development key {} in {}", keys.keyId(), data.path().resolve("ledger"));
        return keys;
    }

    /**
     * The witness file: configured, or beside the data folder and named after it, never inside it (whoever can
     * replace the data folder should not thereby replace its witness).
     */
    @Bean
    WitnessFile witnessFile(LedgerProperties properties, DataDirectory data) {
        Path file = properties.witnessFile() == null || properties.witnessFile().isBlank()
                ? data.path().resolveSibling(data.path().getFileName() + "-witness.log")
                : Path.of(properties.witnessFile());
        WitnessFile witness = new WitnessFile(file);
        if (witness.path().startsWith(data.path())) {
            throw new IllegalStateException("the witness file " + witness.path() + " must not be inside the data"
                    + " folder " + data.path() + ": set accord.ledger.witness-file (ACCORD_LEDGER_WITNESS_FILE)");
        }
        log.info("Checkpoints witnessed in {}", witness.path());
        return witness;
    }

    /** Checkpoints to the witness file (and URL, if set) first; see DecisionLogIntegrity. */
    @Bean
    DecisionLogIntegrity decisionLogIntegrity(LedgerSource source, LedgerStore ledger, LedgerKeys keys,
                                              WitnessFile witnessFile, LedgerProperties properties,
                                              TransactionManager axonTransactionManager,
                                              QuarantinedEvents quarantinedEvents) {
        WitnessUrl url = WitnessUrl.configured(properties);
        if (url != null) {
            log.info("Checkpoints also sent to the witness at {}", url.url());
        }
        return new DecisionLogIntegrity(source, ledger, keys, witnessFile, url, axonTransactionManager,
                Clock.systemUTC(), properties.originNamespace(),
                // a checkpoint is due checkpoint-every after the first event, looked for every 10 s
                properties.checkpointEvery().multipliedBy(2).plusMinutes(1), quarantinedEvents);
    }

    @Bean
    IdempotencyStore idempotencyStore(JdbcTemplate jdbc) {
        return new JdbcIdempotencyStore(jdbc);
    }

    @Bean(destroyMethod = "close")
    ReadModelFile readModelFile(DataDirectory data, EmbeddedProperties properties) {
        return new ReadModelFile(data.path().resolve("readmodels.mv.db"), properties.readModelCommitDelayMillis());
    }

    @Bean(destroyMethod = "close")
    ReadModelServer readModelServer(ReadModelFile readModels, EmbeddedProperties properties) {
        return new ReadModelServer(readModels, properties.mongoPort());
    }

    /**
     * A client that gives up on the loopback server after a few seconds rather than the driver's 30: while the read
     * models are being opened again ({@link ReadModelRecovery}) a query is refused quickly with the reason instead
     * of hanging, and the projections' processors, which stop first, are not held up.
     */
    @Bean(destroyMethod = "close")
    MongoClient mongoClient(ReadModelServer server) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.connectionString()))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(3, TimeUnit.SECONDS))
                .build());
    }
}
