package org.accord.app.production;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.accord.app.ledger.CheckpointSigner;
import org.accord.app.ledger.DecisionLogIntegrity;
import org.accord.app.ledger.LedgerKeys;
import org.accord.app.ledger.LedgerProperties;
import org.accord.app.ledger.LedgerSource;
import org.accord.app.ledger.LedgerStore;
import org.accord.app.ledger.WitnessUrl;
import org.accord.app.platform.projections.ProjectionProperties;
import org.accord.app.platform.projections.ProjectionTransactions;
import org.accord.app.platform.readyourwrites.SharedTokenPositions;
import org.accord.app.platform.witness.WitnessFile;
import org.accord.query.runtime.mongodb.MongoReadModelStore;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The production mode: events in Axon Server (the connector, {@code AXON_AXONSERVER_SERVERS}); read models, tokens,
 * the person directory and an index of the idempotency keys the events carry in MongoDB ({@code SPRING_MONGODB_URI},
 * a replica set). The embedded SQLite store and in-process MongoDB API are off ({@code @Profile("!production")}); so
 * is any JDBC data source. The decision log's chain lives in Axon Server with the events, its checkpoints in MongoDB
 * and the witness file (docs/verifiable-log.md, "Production").
 */
@Configuration(proxyBeanMethods = false)
@Profile("production")
public class ProductionRuntimeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProductionRuntimeConfiguration.class);

    @Bean
    MongoDatabase accordDatabase(MongoClient client, @Value("${spring.mongodb.database:accord}") String database) {
        return client.getDatabase(database);
    }

    /**
     * Tokens live beside the read models they cover, and each batch writes its documents before its token
     * ({@link DocumentsBeforeTokenStore}), so a token is never ahead of the projections: after a crash the
     * processors replay a little, never skip.
     */
    @Bean
    TokenStore tokenStore(MongoClient mongoClient, Serializer serializer,
                          @Value("${spring.mongodb.database:accord}") String database,
                          ProjectionProperties projections) {
        MongoTokenStore.Builder builder = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(mongoClient, database).build())
                .serializer(serializer)
                .claimTimeout(Duration.ofSeconds(10));
        if (!projections.nodeId().isBlank()) {
            builder.nodeId(projections.nodeId());
        }
        return new DocumentsBeforeTokenStore(builder);
    }

    /** No MongoDB transaction around a batch: the order of its writes (documents, then token) keeps it safe. */
    @Bean
    ProjectionTransactions projectionTransactions() {
        return new ProjectionTransactions(NoTransactionManager.instance());
    }

    @Bean
    SharedTokenPositions sharedTokenPositions(MongoClient mongoClient, Serializer serializer,
                                              @Value("${spring.mongodb.database:accord}") String database) {
        return new MongoTokenPositions(mongoClient, serializer, database);
    }

    /**
     * The projections' and queries' documents, in MongoDB, by generation (a rebuild builds beside what queries read);
     * replicas read which generation is live at most {@code accord.read-models.generation-fresh-for} old.
     */
    @Bean
    MongoReadModelStore readModelStore(MongoTemplate mongoTemplate,
                                       @Value("${accord.read-models.generation-fresh-for:1s}") Duration freshFor) {
        return new MongoReadModelStore(mongoTemplate, ProductionIndexes.readModelIndexes(mongoTemplate), freshFor,
                Clock.systemUTC());
    }

    @Bean
    MongoPersonDirectory personDirectory(MongoDatabase accordDatabase) {
        return new MongoPersonDirectory(accordDatabase);
    }

    /** Beside the person directory, out of reach of read-model rebuilds. */
    @Bean
    MongoNotificationMarks notificationMarks(MongoDatabase accordDatabase) {
        return new MongoNotificationMarks(accordDatabase);
    }

    @Bean
    KeysCaughtUp keysCaughtUp(EventStore eventStore, EventProcessingConfiguration processing, TokenStore tokenStore,
                              SharedTokenPositions sharedTokens) {
        return new KeysCaughtUp(eventStore, processing, tokenStore, sharedTokens);
    }

    /**
     * Keys are held for a request for {@code accord.idempotency.lease} (then a retry may take over from a request
     * that died); a retry waits up to {@code accord.idempotency.wait} for a live request with its key, and up to
     * {@code accord.idempotency.catch-up-timeout} for the keys' projection to reach the head of the event store.
     */
    @Bean
    MongoIdempotencyStore idempotencyStore(MongoDatabase accordDatabase, KeysCaughtUp keysCaughtUp,
                                           EventStore eventStore,
                                           @Value("${accord.idempotency.lease:30s}") Duration lease,
                                           @Value("${accord.idempotency.wait:5s}") Duration waitForOther,
                                           @Value("${accord.idempotency.catch-up-timeout:10s}") Duration catchUp) {
        MongoIdempotencyStore store = new MongoIdempotencyStore(accordDatabase, keysCaughtUp, lease, waitForOther,
                catchUp);
        // on the event bus itself: Axon's Spring support registers event dispatch interceptors only on the
        // EventGateway, which aggregates' events do not pass through
        eventStore.registerDispatchInterceptor(store.keyOnTheEvents());
        return store;
    }

    @Bean
    KeysFromTheEvents keysFromTheEvents(MongoIdempotencyStore idempotencyStore) {
        return new KeysFromTheEvents(idempotencyStore);
    }

    @Bean
    ProductionIndexes productionIndexes(MongoDatabase accordDatabase, MongoReadModelStore readModelStore,
                                        MongoIdempotencyStore idempotencyStore, MongoPersonDirectory personDirectory,
                                        ProductionLedgerStore ledgerStore) {
        return new ProductionIndexes(accordDatabase, readModelStore, idempotencyStore, personDirectory, ledgerStore);
    }

    // --- the decision log: docs/verifiable-log.md, "Production" ---

    /**
     * Axon Server's event store for the ledger, looked up when first used: a production context with Axon Server
     * switched off (a test that keeps the events in memory) starts, and says why if the decision log is then read.
     */
    @Bean
    AxonServerEvents axonServerEvents(ObjectProvider<AxonServerConnectionManager> connections,
                                      ObjectProvider<AxonServerConfiguration> configuration) {
        return new AxonServerEvents(() -> {
            AxonServerConnectionManager manager = connections.getIfAvailable();
            if (manager == null) {
                throw new IllegalStateException("the decision log is kept in Axon Server, which is switched off"
                        + " (axon.axonserver.enabled=false)");
            }
            return manager.getConnection(manager.getDefaultContext()).eventChannel();
        }, configuration.stream().findFirst().map(c -> Duration.ofMillis(c.getCommitTimeout()))
                .orElse(Duration.ofSeconds(10)));
    }

    @Bean
    ChainStreams chainStreams(AxonServerEvents axonServerEvents) {
        return new ChainStreams(axonServerEvents);
    }

    @Bean
    ProductionLedgerStore ledgerStore(MongoDatabase accordDatabase, ChainStreams chainStreams) {
        return new ProductionLedgerStore(accordDatabase, chainStreams);
    }

    @Bean
    LedgerSource ledgerSource(AxonServerEvents axonServerEvents, ChainStreams chainStreams, LedgerStore ledgerStore) {
        return new AxonServerLedgerSource(axonServerEvents, chainStreams, ledgerStore);
    }

    /**
     * {@code accord_ledger_linked_events_total} counts the events of trusts this replica stored, and
     * {@code accord_ledger_relinks_total} the appends it linked again because another replica had moved the trust's
     * chain on first: how often replicas meet on a trust, never a fork.
     */
    @Bean
    ChainedAppender chainedAppender(AxonServerEvents axonServerEvents, ChainStreams chainStreams,
                                    @Qualifier("eventSerializer") Serializer eventSerializer, LedgerStore ledgerStore,
                                    @Value("${accord.ledger.append-attempts:50}") int attempts,
                                    ObjectProvider<MeterRegistry> meters) {
        MeterRegistry registry = meters.getIfAvailable();
        if (registry == null) {
            return new ChainedAppender(axonServerEvents, chainStreams, eventSerializer, ledgerStore, attempts,
                    () -> { }, n -> { });
        }
        Counter relinks = Counter.builder("accord_ledger_relinks")
                .description("appends linked again onto a chain head another replica had just moved").register(registry);
        Counter linked = Counter.builder("accord_ledger_linked_events")
                .description("events of trusts stored by this replica, each linked into its trust's chain")
                .register(registry);
        return new ChainedAppender(axonServerEvents, chainStreams, eventSerializer, ledgerStore, attempts,
                relinks::increment, linked::increment);
    }

    /**
     * Axon's Axon Server event store reads; {@link ChainedEventStore} stores, linking each trust's events into its
     * chain in the same append transaction. Axon's auto-configuration makes no event store of its own beside it.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", matchIfMissing = true)
    EventStore eventStore(AxonServerConfiguration axonServerConfiguration,
                          org.axonframework.config.Configuration configuration,
                          AxonServerConnectionManager connections, Serializer snapshotSerializer,
                          @Qualifier("eventSerializer") Serializer eventSerializer, ChainedAppender appender) {
        EventStore axonServer = AxonServerEventStore.builder()
                .configuration(axonServerConfiguration)
                .platformConnectionManager(connections)
                .snapshotSerializer(snapshotSerializer)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .upcasterChain(configuration.upcasterChain())
                .build();
        return ChainedEventStore.over(axonServer, appender,
                configuration.messageMonitor(AxonServerEventStore.class, "eventStore"),
                configuration.getComponent(EventBusSpanFactory.class));
    }

    @Bean
    SigningAtStop signingAtStop(ApplicationContext context, CheckpointSigner signer, ProductionLedgerStore ledgerStore) {
        return new SigningAtStop(context, signer, ledgerStore);
    }

    /**
     * The signing key comes from configuration only (a secret store: {@code ACCORD_LEDGER_PRIVATE_KEY} and
     * {@code ACCORD_LEDGER_PUBLIC_KEY}, or files read with {@code SPRING_CONFIG_IMPORT=configtree:…}): production
     * never makes one of its own, since a key beside the data proves nothing about the data.
     */
    @Bean
    LedgerKeys ledgerKeys(LedgerProperties properties) {
        if (!properties.keyConfigured() || properties.publicKey() == null || properties.publicKey().isBlank()) {
            throw new IllegalStateException("production signs the decision log's checkpoints with a key from"
                    + " configuration: set accord.ledger.private-key (ACCORD_LEDGER_PRIVATE_KEY, Ed25519, PKCS#8 PEM)"
                    + " and accord.ledger.public-key (ACCORD_LEDGER_PUBLIC_KEY, X.509 PEM), or mount them as files"
                    + " named so and import them with SPRING_CONFIG_IMPORT=configtree:/that/folder/"
                    + " (docs/verifiable-log.md, \"Production\")");
        }
        LedgerKeys keys = LedgerKeys.fromPem(properties.privateKey(), properties.publicKey());
        log.info("Checkpoints signed with the configured key {}", keys.keyId());
        return keys;
    }

    /**
     * The witness file must be named: production has no data folder to put it beside. Every replica must append to
     * the same file (one volume shared by all), since each checks the checkpoints other replicas signed against it.
     */
    @Bean
    WitnessFile witnessFile(LedgerProperties properties) {
        if (properties.witnessFile() == null || properties.witnessFile().isBlank()) {
            throw new IllegalStateException("production needs the decision log's witness file: set"
                    + " accord.ledger.witness-file (ACCORD_LEDGER_WITNESS_FILE) to a file on a volume that every"
                    + " replica mounts and that is not MongoDB's or Axon Server's (the image uses"
                    + " /app/witness/accord-witness.log)");
        }
        WitnessFile witness = new WitnessFile(Path.of(properties.witnessFile()));
        log.info("Checkpoints witnessed in {}", witness.path());
        return witness;
    }

    /** As in the embedded mode; a checkpoint is one MongoDB insert, so it needs no transaction of its own. */
    @Bean
    DecisionLogIntegrity decisionLogIntegrity(LedgerSource ledgerSource, LedgerStore ledgerStore, LedgerKeys keys,
                                              WitnessFile witnessFile, LedgerProperties properties) {
        WitnessUrl url = WitnessUrl.configured(properties);
        if (url != null) {
            log.info("Checkpoints also sent to the witness at {}", url.url());
        }
        return new DecisionLogIntegrity(ledgerSource, ledgerStore, keys, witnessFile, url,
                NoTransactionManager.instance(), Clock.systemUTC(), properties.originNamespace(),
                // as in the embedded mode: a checkpoint is due checkpoint-every after the first event
                properties.checkpointEvery().multipliedBy(2).plusMinutes(1));
    }

    @Bean("axonServer")
    @ConditionalOnProperty(name = "axon.axonserver.enabled", matchIfMissing = true)
    AxonServerHealth axonServerHealth(AxonServerConnectionManager connections) {
        return new AxonServerHealth(connections);
    }

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", matchIfMissing = true)
    AxonServerAtStart axonServerAtStart(@Value("${accord.startup-catch-up-timeout:10m}") Duration timeout) {
        return new AxonServerAtStart(timeout);
    }

    @Bean("readModels")
    MongoReadModelHealth readModelHealth(MongoDatabase accordDatabase) {
        return new MongoReadModelHealth(accordDatabase);
    }
}
