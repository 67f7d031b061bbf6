package org.accord.app.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.accord.app.embedded.ledger.ChainingEventStorageEngine;
import org.accord.app.embedded.ledger.JdbcLedgerSource;
import org.accord.app.embedded.ledger.JdbcLedgerStore;
import org.accord.app.ledger.ChainLinkCheck;
import org.accord.app.ledger.DecisionLogIntegrity;
import org.accord.app.ledger.LedgerKeys;
import org.accord.app.ledger.LedgerProperties;
import org.accord.app.ledger.LedgerSource;
import org.accord.app.ledger.LedgerStore;
import org.accord.app.ledger.LinkVerdictsAhead;
import org.accord.app.ledger.QuarantinedEvents;
import org.accord.app.ledger.WitnessUrl;
import org.accord.app.person.PersonDirectory;
import org.accord.app.notification.NotificationMarks;
import org.accord.app.platform.idempotency.IdempotencyStore;
import org.accord.app.platform.projections.ProjectionProperties;
import org.accord.app.platform.projections.ProjectionTransactions;
import org.accord.app.platform.readyourwrites.ProjectionsAdvanced;
import org.accord.app.platform.readyourwrites.SharedTokenPositions;
import org.accord.app.platform.witness.WitnessFile;
import org.accord.query.runtime.sqlite.SqliteReadModelStore;
import org.accord.query.shared.ReadModelStore;
import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.GenericTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The embedded mode: no other process. Events go to an SQLite file through Axon's JDBC engine; read models and
 * tracking tokens to a second SQLite file, each projection batch's documents and token in one transaction. All files
 * live under {@code accord.data-dir}. DESIGN.md has the measurements behind each choice.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@Profile("!production")
@EnableConfigurationProperties(EmbeddedProperties.class)
public class EmbeddedRuntimeConfiguration {

    /** How many of the processor's batches the store's reader holds ahead of a projection catching up. */
    private static final int READ_AHEAD_BATCHES = 2;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRuntimeConfiguration.class);

    /** Held until the context closes: no second Accord on the same folder (see {@link DataFolderLock}). */
    @Bean(destroyMethod = "close")
    DataFolderLock dataFolderLock(EmbeddedProperties properties) {
        Path dir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + dir, e);
        }
        return DataFolderLock.acquire(dir);
    }

    @Bean
    DataDirectory dataDirectory(EmbeddedProperties properties, DataFolderLock lock) {
        Path dir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
        log.info("Accord embedded mode, data folder {}", dir);
        return new DataDirectory(dir);
    }

    @Bean
    DataSource dataSource(DataDirectory data, EmbeddedProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("accord-sqlite");
        config.setJdbcUrl(SqliteFiles.jdbcUrl(data.path().resolve("events.db"), properties.sqliteSynchronous()));
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(2);
        return new NullSafeSqliteDataSource(new HikariDataSource(config));
    }

    /**
     * Command handling, and only command handling, runs in a JDBC transaction behind the single-writer lock, begun
     * IMMEDIATE ({@link ImmediateTransactions} says why). The store's other transactions (the engine's reads, the
     * ledger's snapshots) keep Spring Boot's manager; a command's joins them where they meet, on the same data source.
     */
    @Bean
    @Primary
    TransactionManager axonTransactionManager(DataSource dataSource) {
        return new SingleWriterTransactionManager(new SpringTransactionManager(new ImmediateTransactions(dataSource)));
    }

    /**
     * Commands are handled one at a time on a thread of their own, the request threads waiting for their results. They
     * were already handled one at a time (SQLite takes one writer, {@link SingleWriterTransactionManager}), but on the
     * request threads, which queued for the writer: each command then began only once the last one's thread had woken
     * the next in the queue, and that thread had been given a core, and it could wait again for the aggregate's lock,
     * which the last command's thread let go only after its commit. Under castVote's 32 clients on 2 cores, that was
     * about half of the time the writer was held (docs/benchmarks.md, session 41); one thread that takes the next
     * command as soon as the last is done never waits for either. Axon's own bus for it, with what Spring Boot's
     * configuration gives the default one (the transaction, the monitor and spans, the correlation data), so the
     * interceptors registered on the bus run as before, on the command's thread. No command handler sends a command
     * and waits for it, which would wait for itself here.
     */
    @Bean
    @Qualifier("localSegment")
    SimpleCommandBus commandBus(TransactionManager axonTransactionManager, Configuration axon,
                                DuplicateCommandHandlerResolver duplicates) {
        AsynchronousCommandBus bus = AsynchronousCommandBus.builder()
                .executor(Executors.newSingleThreadExecutor(new AxonThreadFactory("accord-commands")))
                .transactionManager(axonTransactionManager)
                .duplicateCommandHandlerResolver(duplicates)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"))
                .build();
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return bus;
    }

    /**
     * Axon's JDBC engine on SQLite, with every event of a trust linked into its hash chain as it is stored; a
     * projection catching up reads ahead on a thread of its own, where each event's link is checked too.
     */
    @Bean
    EventStorageEngine eventStorageEngine(DataSource dataSource, PlatformTransactionManager jdbcTransactions,
                                          Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Configuration configuration, LedgerStore ledgerStore,
                                          TransactionManager axonTransactionManager, LinkVerdictsAhead verdicts,
                                          ProjectionProperties projections) {
        EventStorageEngine engine = SqliteEventStore.withSchema(SqliteEventStore.engine(dataSource, jdbcTransactions)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .build());
        JdbcLedgerSource.indexChainPositions(new JdbcTemplate(dataSource));
        return new ReadAheadEventStorageEngine(
                new ChainingEventStorageEngine(engine, eventSerializer, ledgerStore, axonTransactionManager),
                READ_AHEAD_BATCHES * projections.batchSize(), verdicts::reachAhead);
    }

    /**
     * The link checks the store's reader makes as it reads ahead of a projection catching up; kept for what the
     * reader holds ahead, the batch the processor has in hand and one more, so none is forgotten before it is taken.
     */
    @Bean
    LinkVerdictsAhead linkVerdictsAhead(LedgerSource source, @Qualifier("eventSerializer") Serializer eventSerializer,
                                        ProjectionProperties projections) {
        return new LinkVerdictsAhead(new ChainLinkCheck(source, eventSerializer, Clock.systemUTC()),
                (READ_AHEAD_BATCHES + 2) * projections.batchSize());
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

    /**
     * The person directory beside the events, so that a registration's name and event commit together. After an
     * erasure the events file's write-ahead log, which still holds the name as registered, is emptied and cut. A
     * file of an earlier version, which erased without zeroing, is scrubbed once first.
     */
    @Bean
    PersonDirectory personDirectory(JdbcTemplate jdbc, DataSource dataSource,
                                    TransactionManager axonTransactionManager) {
        WalTruncation eventsLog = new WalTruncation(dataSource, "events.db");
        JdbcPersonDirectory directory = new JdbcPersonDirectory(jdbc, eventsLog::truncate, axonTransactionManager);
        NamesErasedBeforeSecureDelete.scrubOnce(jdbc, eventsLog);
        return directory;
    }

    /** Beside the person directory and the events, out of reach of read-model rebuilds. */
    @Bean
    NotificationMarks notificationMarks(JdbcTemplate jdbc, TransactionManager axonTransactionManager) {
        return new JdbcNotificationMarks(jdbc, axonTransactionManager);
    }

    @Bean
    IdempotencyStore idempotencyStore(JdbcTemplate jdbc) {
        return new JdbcIdempotencyStore(jdbc);
    }

    /**
     * The read models' own SQLite file: documents and tracking tokens together. A data folder of an earlier version
     * (read models in {@code readmodels.mv.db}, mongo-java-server's, or in an earlier shape) is upgraded first
     * ({@link ReadModelUpgrade}).
     */
    @Bean(destroyMethod = "close")
    ReadModelDatabase readModelDatabase(DataDirectory data, EmbeddedProperties properties) {
        ReadModelUpgrade.leaveTheOldReadModelFile(data.path());
        ReadModelUpgrade.leaveReadModelsOfAnEarlierShape(data.path());
        ReadModelDatabase readModels = ReadModelDatabase.open(data.path(), properties.sqliteSynchronous());
        ReadModelUpgrade.markTheShape(readModels.dataSource());
        return readModels;
    }

    /**
     * The projections' and queries' documents, as JSON in the read-model database; by generation, so that a rebuild
     * builds beside what queries read ({@link org.accord.query.shared.ReadModelGenerations}).
     */
    @Bean
    SqliteReadModelStore readModelStore(ReadModelDatabase readModels, MongoCustomConversions conversions) {
        return new SqliteReadModelStore(readModels.dataSource(), SqliteReadModelStore.documentConverter(conversions));
    }

    /**
     * Axon's JDBC token store in the read-model database, reached through the connection of the transaction in
     * progress: a projection batch's token commits with its documents ({@link #projectionTransactions}). One process
     * owns the data folder, so a fixed node id lets a restart after a crash take its claims back at once.
     */
    @Bean
    TokenStore tokenStore(ReadModelDatabase readModels, Serializer serializer, ProjectionProperties projections,
                          ProjectionWritesBehind writesBehind) {
        JdbcTokenStore.Builder builder = JdbcTokenStore.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(readModels.dataSource()))
                .serializer(serializer)
                .claimTimeout(Duration.ofSeconds(10));
        if (!projections.nodeId().isBlank()) {
            builder.nodeId(projections.nodeId());
        }
        JdbcTokenStore tokenStore = new SqliteTokenStore(builder);
        tokenStore.createSchema(GenericTokenTableFactory.INSTANCE);
        return writesBehind.tokenStore(tokenStore);
    }

    /**
     * Each projection batch in one transaction on the read-model database: its documents and its token. Batches take
     * the file's one write lock in turn, queued fairly: left to SQLite's busy handler, a long replay batch of one
     * projection starved another's BEGIN IMMEDIATE past its busy timeout again and again (seen loading 1M events:
     * the decision log stayed in Axon's retry mode for 25 minutes).
     */
    @Bean(destroyMethod = "close")
    ProjectionWritesBehind projectionWritesBehind(ReadModelDatabase readModels, ProjectionsAdvanced advanced) {
        return new ProjectionWritesBehind(new SingleWriterTransactionManager(
                new SpringTransactionManager(readModels.transactions())), readModels.dataSource(),
                () -> advanced.onEventTrackerStatusChange(Map.of()));
    }

    /**
     * A replay's batches are written and committed behind the processor ({@link ProjectionWritesBehind}) where it has
     * one thread: with segments on several threads, each would need a writer of its own, for nothing the file's one
     * writer lock lets them do at once.
     */
    @Bean
    ProjectionTransactions projectionTransactions(ProjectionWritesBehind writesBehind,
                                                  ProjectionProperties projections) {
        if (projections.pooled() || projections.segments() > 1) {
            return new ProjectionTransactions(writesBehind.transactions());
        }
        return new ProjectionTransactions(writesBehind.transactions(), writesBehind.batches(), writesBehind);
    }

    @Bean
    SharedTokenPositions sharedTokenPositions(ReadModelDatabase readModels, Serializer serializer) {
        return new JdbcTokenPositions(readModels, serializer);
    }
}
