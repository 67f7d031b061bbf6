package org.accord.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import org.accord.api.trust.TrustRegisteredEvent;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** Axon's JDBC engine on SQLite, through the three things DESIGN.md says need handling. */
class SqliteEventStoreTest {

    @TempDir
    Path data;

    private PooledSqliteFile file;
    private JdbcEventStorageEngine engine;

    @BeforeEach
    void emptyStore() {
        file = new PooledSqliteFile(data.resolve("events.db"), 10);
        NullSafeSqliteDataSource dataSource = file.dataSource();
        Jackson3Serializer serializer = Jackson3Serializer.builder().build();
        engine = SqliteEventStore.withSchema(SqliteEventStore.engine(dataSource,
                        new DataSourceTransactionManager(dataSource))
                .eventSerializer(serializer).snapshotSerializer(serializer).build());
    }

    @AfterEach
    void close() {
        file.close();
    }

    @Test
    void theDriverItselfThrowsOnATypedNullWhichIsWhyTheDataSourceIsWrapped() throws Exception {
        try (Connection raw = file.pool().getConnection();
             ResultSet rs = raw.createStatement().executeQuery("SELECT max(globalIndex) FROM DomainEventEntry")) {
            rs.next();
            // if a driver upgrade fixes this, NullSafeSqliteDataSource can go
            assertThatThrownBy(() -> rs.getObject(1, Long.class)).isInstanceOf(java.sql.SQLException.class);
        }
    }

    @Test
    void anEmptyStoreHasNoHeadNoTailAndNoAggregates() {
        assertThat(engine.createHeadToken()).isNull();
        assertThat(engine.createTailToken()).isNull();
        assertThat(engine.lastSequenceNumberFor("nobody")).isEmpty();
        assertThat(engine.readEvents("nobody").asStream()).isEmpty();
        assertThat(engine.readEvents(null, false).limit(1)).isEmpty();
    }

    @Test
    void appendedEventsAreReadBackInOrderWithAGlobalIndex() {
        engine.appendEvents(List.of(event("t-1", 0, "One"), event("t-1", 1, "One renamed"), event("t-2", 0, "Two")));
        assertThat(engine.readEvents("t-1").asStream().map(e -> ((TrustRegisteredEvent) e.getPayload()).name()))
                .containsExactly("One", "One renamed");
        assertThat(engine.createHeadToken().position()).hasValue(3);
        assertThat(engine.lastSequenceNumberFor("t-1")).hasValue(1L);
    }

    @Test
    void aSecondEventWithTheSameSequenceNumberIsAConcurrencyConflict() {
        engine.appendEvents(List.of(event("t-1", 0, "First"), event("t-1", 1, "Renamed")));
        assertThatThrownBy(() -> engine.appendEvents(List.of(event("t-1", 1, "Renamed at the same time"))))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(engine.readEvents("t-1").asStream()).hasSize(2);
    }

    @Test
    void creatingTheSameAggregateTwiceIsRefused() {
        engine.appendEvents(List.of(event("t-1", 0, "First")));
        assertThatThrownBy(() -> engine.appendEvents(List.of(event("t-1", 0, "Second"))))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(engine.readEvents("t-1").asStream()).hasSize(1);
    }

    private static GenericDomainEventMessage<TrustRegisteredEvent> event(String id, long seq, String name) {
        return new GenericDomainEventMessage<>("Trust", id, seq, new TrustRegisteredEvent(id, name), Map.of());
    }
}
