package org.accord.app.config;

import org.accord.api.shared.Actor;
import org.accord.app.platform.aggregatecache.BoundedAggregateCache;
import org.accord.app.platform.aggregatecache.CachedAggregateIsCurrent;
import org.accord.app.platform.projections.ProjectionProperties;
import org.accord.app.platform.projections.ProjectionTransactions;
import org.accord.app.platform.readyourwrites.ProjectionsAdvanced;
import org.accord.query.shared.ReadModels;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/** Axon wiring shared by every runtime mode. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectionProperties.class)
public class AxonConfiguration {

    /**
     * Jackson 3 refuses polymorphic types unless told which are safe. Tracking tokens carry typed fields (a replay
     * token wraps another token), so without this the processors cannot read their tokens back after a restart.
     */
    @Bean
    Jackson3SerializerCustomizer trustedTypes() {
        return builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("org.accord.")
                .allowIfSubType("java.util.")
                .allowIfSubType("java.time.")
                .build());
    }

    /**
     * Aggregates stay in memory between commands instead of being replayed from their events each time. Every command
     * also loads its trust's aggregate for authorisation, so without this a command read the trust's whole history
     * (hundreds of events in a trust of 50 schools): the benchmark measured 14 commands/s loading a synthetic trust,
     * most of it spent reading and deserialising those events (docs/benchmarks.md). Safe where one process handles
     * every command of a trust (the embedded mode, whose single writer lock also orders them); set
     * {@code accord.aggregate-cache-checked=true} where several nodes append to the same aggregates (app replicas on
     * one Axon Server): each cached aggregate is then used only while the event store holds no newer event of it
     * ({@link CachedAggregateIsCurrent}), as a cached trust read by another aggregate's command would otherwise miss
     * their changes; {@code accord.aggregate-cache=false} turns the cache off.
     * Up to {@code accord.aggregate-cache-size} aggregates (10,000) are kept, the least recently used dropped first.
     */
    @Bean
    Cache aggregateCache(@Value("${accord.aggregate-cache:true}") boolean enabled,
                         @Value("${accord.aggregate-cache-size:10000}") long size,
                         @Value("${accord.aggregate-cache-checked:false}") boolean checked,
                         ObjectProvider<EventStore> eventStore) {
        if (!enabled) {
            return NoCache.INSTANCE;
        }
        return checked ? new BoundedAggregateCache(size, new CachedAggregateIsCurrent(eventStore::getObject))
                : new BoundedAggregateCache(size);
    }

    /** Copies the acting person from each command onto every event it produces. */
    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(Actor.METADATA_KEY);
    }

    /**
     * Projections run in the transaction their runtime gives them ({@link ProjectionTransactions}): in the embedded
     * mode a batch's documents and token commit together; in production, without one, documents are written before
     * their token.
     * <p>
     * Tracking processors by default: Axon's embedded event store wakes them the moment an event is appended, while
     * a pooled streaming processor polls it every 500 ms (its stream does not support the availability callback that
     * Axon Server's has), which would make every mutation wait that long for read-your-writes. Where app instances
     * share the work (Axon Server), {@code accord.projections.mode=pooled} spreads segments over threads and nodes.
     * <p>
     * Batches of up to {@code accord.projections.batch-size} events (5,000 embedded, 1,000 in production): a batch
     * takes only the events already there, so a live mutation's batch stays small, while a replay commits once per
     * batch instead of once per 100 events, Axon's default (docs/benchmarks.md, runs 4 and 20).
     * <p>
     * The projections onto the read models share one processor ({@link ReadModels#PROCESSOR}), so each event is read
     * and deserialised once for all of them. (A data folder of the version with one processor per projection holds
     * read models of an earlier shape, which are rebuilt on first start: no token of theirs is carried over.)
     */
    @Bean
    ConfigurerModule eventProcessing(ProjectionTransactions transactions, ProjectionProperties projections,
                                     ProjectionsAdvanced advanced) {
        return configurer -> {
            var processing = configurer.eventProcessing();
            if (projections.pooled()) {
                processing.usingPooledStreamingEventProcessors()
                        .registerPooledStreamingEventProcessorConfiguration((config, builder) -> builder
                                .initialSegmentCount(projections.segments())
                                .batchSize(projections.batchSize()));
            } else {
                processing.usingTrackingEventProcessors().registerTrackingEventProcessorConfiguration(
                        config -> tracking(projections.segments(), projections.batchSize())
                                .andEventTrackerStatusChangeListener(advanced.installed()));
            }
            processing.registerDefaultTransactionManager(c -> transactions.manager());
            processing.registerTransactionManager(ReadModels.PROCESSOR, c -> transactions.batches());
            // A projection that cannot handle an event stops on it and tries again (backing off up to a minute) rather
            // than Axon's default of logging the event and going on without it, which would leave the read models
            // short of a decision for good. A failing write (the read models' disk full) passes; a bug shows in
            // health and the logs while the projection waits for a fix.
            processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
        };
    }

    private static TrackingEventProcessorConfiguration tracking(int segments, int batchSize) {
        return TrackingEventProcessorConfiguration.forParallelProcessing(segments)
                .andInitialSegmentsCount(segments)
                .andBatchSize(batchSize);
    }

    /** Queries only read MongoDB: no JDBC transaction, and never the command side's writer lock. */
    @Bean
    @Qualifier("localSegment")
    QueryBus queryBus(Configuration axonConfiguration) {
        return SimpleQueryBus.builder()
                .messageMonitor(axonConfiguration.messageMonitor(QueryBus.class, "queryBus"))
                .transactionManager(NoTransactionManager.instance())
                .queryUpdateEmitter(axonConfiguration.getComponent(QueryUpdateEmitter.class))
                .build();
    }

    /**
     * Queries are answered by this node, from the read models every node shares, never sent through Axon Server:
     * that would add a network hop to every read and stop reads while Axon Server is away, when the read models
     * could still answer.
     */
    @Bean
    QueryGateway queryGateway(@Qualifier("localSegment") QueryBus localQueries) {
        return DefaultQueryGateway.builder().queryBus(localQueries).build();
    }
}
