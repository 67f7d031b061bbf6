package org.accord.query.runtime.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.accord.query.ReadModelMongo;
import org.accord.query.audit.DecisionLogHeadDocument;
import org.accord.query.audit.DecisionLogSubjectDocument;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A projection's writes wait for the end of its batch of events, and it reads them meanwhile as MongoDB would answer:
 * the same updates leave the same documents, batched or not; guards are written last; a failed batch writes nothing.
 */
class PendingWritesTest {

    @org.springframework.data.mongodb.core.mapping.Document("samples")
    record Sample(@Id String id, String name, List<String> tags, Map<String, String> statuses) {
    }

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private MongoReadModelStore store;
    private final List<String> writes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                // the documents' writes: the generations' bookkeeping (once per store and collection) aside
                String collection = List.of("update", "delete", "insert").contains(event.getCommandName())
                        ? event.getCommand().getString(event.getCommandName()).getValue() : null;
                if (collection != null && !collection.startsWith("read_model_")) {
                    writes.add(event.getCommandName() + " " + collection);
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
                .addCommandListener(listener).build());
        mongo = ReadModelMongo.template(client, "test");
        store = new MongoReadModelStore(mongo);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void theSameUpdatesLeaveTheSameDocumentBatchedOrNotAndTheBatchReadsItsOwnWritesAsTheServerWould() {
        List<Consumer<String>> steps = List.of(
                id -> store.upsert(Sample.class, id, new Update().set("name", "first")),
                id -> store.upsert(Sample.class, id, new Update().addToSet("tags", "x")),
                id -> store.upsert(Sample.class, id, new Update().addToSet("tags", "y")),
                id -> store.upsert(Sample.class, id, new Update().addToSet("tags", "x")),
                id -> store.upsert(Sample.class, id, new Update().set("statuses.p", "DRAFT")),
                id -> store.upsert(Sample.class, id, new Update().pull("tags", "x")),
                id -> store.upsert(Sample.class, id, new Update().set("name", "second").addToSet("tags", "z")),
                id -> store.upsert(Sample.class, id, new Update().set("statuses.q", "OPEN")),
                id -> store.upsert(Sample.class, id, new Update().unset("statuses.p")),
                id -> store.upsert(Sample.class, id, new Update().addToSet("tags", "x")),
                id -> store.delete(Sample.class, id),
                id -> store.upsert(Sample.class, id, new Update().addToSet("tags", "after-delete")));

        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("an event"));
        for (Consumer<String> step : steps) {
            step.accept("batched");
            CurrentUnitOfWork.clear(batch); // outside the batch, as a query: straight to MongoDB
            step.accept("direct");
            Sample direct = store.findById(Sample.class, "direct");
            CurrentUnitOfWork.set(batch);
            assertThat(store.findById(Sample.class, "batched"))
                    .as("what the batch reads after the same steps")
                    .isEqualTo(direct == null ? null : new Sample("batched", direct.name(), direct.tags(),
                            direct.statuses()));
        }
        CurrentUnitOfWork.clear(batch);
        assertThat(store.findById(Sample.class, "batched")).as("nothing written before the batch ends").isNull();
        CurrentUnitOfWork.set(batch);
        batch.commit();

        Sample direct = store.findById(Sample.class, "direct");
        assertThat(store.findById(Sample.class, "batched"))
                .isEqualTo(new Sample("batched", direct.name(), direct.tags(), direct.statuses()));
        assertThat(direct.tags()).containsExactly("after-delete");
    }

    @Test
    void updatesOfOneDocumentInABatchReachTheServerAsFewWrites() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("an event"));
        for (int i = 0; i < 100; i++) {
            store.upsert(Sample.class, "many", new Update().addToSet("tags", "tag-" + i));
            store.upsert(DecisionLogHeadDocument.class, "trust", new Update().set("count", i + 1)
                    .set("lastGlobalIndex", i));
        }
        batch.commit();

        assertThat(writes).containsExactly("update samples", "update decision_log_heads");
        assertThat(store.findById(Sample.class, "many").tags()).hasSize(100);
        assertThat(store.findById(DecisionLogHeadDocument.class, "trust"))
                .isEqualTo(new DecisionLogHeadDocument("trust", 100, 99));
    }

    @Test
    void aGuardIsWrittenAfterEveryOtherDocumentOfItsBatch() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("an event"));
        store.upsert(DecisionLogHeadDocument.class, "trust", new Update().set("count", 1).set("lastGlobalIndex", 7));
        store.upsert(Sample.class, "a", new Update().set("name", "written in the same batch, after the guard"));
        store.upsert(DecisionLogSubjectDocument.class, "subject-7", new Update().set("title", "another collection"));
        batch.commit();

        assertThat(writes).hasSize(3).last().isEqualTo("update decision_log_heads");
    }

    @Test
    void aBatchThatFailsWritesNothing() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("an event"));
        store.upsert(Sample.class, "a", new Update().set("name", "never"));
        batch.rollback(new IllegalStateException("the handler failed"));

        assertThat(writes).isEmpty();
        assertThat(mongo.getCollection("samples").countDocuments()).isZero();
    }

    @Test
    void aQueryByAnythingButIdSeesTheBatchsWritesBecauseTheyGoOutFirst() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("an event"));
        store.upsert(Sample.class, "a", new Update().set("name", "one"));
        store.upsert(Sample.class, "b", new Update().set("name", "two"));
        assertThat(store.findAll(Sample.class)).extracting(Sample::name).containsExactlyInAnyOrder("one", "two");
        batch.commit();
        assertThat(mongo.getCollection("samples").find().map(d -> d.getString("name")).into(new java.util.ArrayList<>()))
                .containsExactlyInAnyOrder("one", "two");
    }

    @Test
    void outsideABatchOfEventsEveryWriteGoesStraightToMongo() {
        store.upsert(Sample.class, "a", new Update().set("name", "now"));
        assertThat(mongo.getCollection("samples").find(new Document("_id", "a")).first()).isNotNull();

        UnitOfWork<?> query = DefaultUnitOfWork.startAndGet(new GenericMessage<>("a query, not an event"));
        store.upsert(Sample.class, "b", new Update().set("name", "also now"));
        assertThat(mongo.getCollection("samples").countDocuments()).isEqualTo(2);
        query.rollback();
    }
}
