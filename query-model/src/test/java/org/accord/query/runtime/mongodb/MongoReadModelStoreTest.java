package org.accord.query.runtime.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.accord.query.ReadModelMongo;
import org.accord.query.runtime.ReadModelStoreContract;
import org.accord.query.shared.ReadModelGenerations;
import org.accord.query.shared.ReadModelStore;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The read-model store contract on the MongoDB adapter, against mongo-java-server (no real MongoDB runs on these
 * machines). Its batches run without a transaction, as the production processors do: the adapter's own ordering
 * (documents before token) is what keeps them safe there. Then what only production has: several replicas sharing the
 * meta document, the marker that every token reset was recorded, and the indexes a new generation needs.
 */
class MongoReadModelStoreTest extends ReadModelStoreContract {

    private static final Duration FRESH = Duration.ofSeconds(1);
    private static final List<MongoReadModelStore.Index> INDEXES =
            List.of(new MongoReadModelStore.Index("contract_samples", "closesAt"));

    private MongoServer server;
    private MongoClient client;
    private MongoReadModelStore store;
    private final MovingClock clock = new MovingClock();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        store = open();
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Override
    protected ReadModelStore store() {
        return store;
    }

    @Override
    protected TransactionManager batchTransactions() {
        return NoTransactionManager.instance();
    }

    @Override
    protected ReadModelStore reopen() {
        store = open();
        return store;
    }

    @Override
    protected List<String> storedCollections() {
        return database().listCollectionNames().into(new ArrayList<>()).stream()
                .filter(name -> !name.startsWith("read_model_")).sorted().toList();
    }

    /** The replaced generation is kept three times the meta document's freshness, for the other replicas. */
    @Override
    protected void afterTheSwitchSettles() {
        clock.pass(FRESH.multipliedBy(4));
        store.live();
    }

    @Test
    void aBuildWhoseTokenResetsWereNotAllRecordedNeverGoesLiveAndTheNextBuildStartsOver() {
        store.upsert(Sample.class, "s1", new Update().set("name", "live"));
        ReadModelGenerations.Build interrupted = store.beginBuild(5);
        inABatch(() -> store.upsert(Sample.class, "s2", new Update().set("name", "from a token never reset")));
        // the process died here, before recording that every token was reset
        MongoReadModelStore restarted = open();

        assertThat(restarted.building()).contains(interrupted);
        assertThat(restarted.tokensWereReset(interrupted)).isFalse();
        restarted.goLive(interrupted);
        assertThat(restarted.live()).isZero();

        ReadModelGenerations.Build again = restarted.beginBuild(5);
        restarted.tokensReset(again);
        store = restarted;
        inABatch(() -> assertThat(restarted.findById(Sample.class, "s2")).isNull());
        restarted.goLive(again);

        assertThat(restarted.live()).isEqualTo(again.generation());
        assertThat(storedCollections()).doesNotContain("contract_samples__g" + interrupted.generation());
    }

    @Test
    void theDeclaredIndexesAreOnTheNewGenerationsCollectionsAsSoonAsTheBuildBegins() {
        store.createIndexes();
        assertThat(indexNames("contract_samples")).contains("closesAt");

        ReadModelGenerations.Build build = store.beginBuild(0);

        assertThat(indexNames("contract_samples__g" + build.generation())).contains("closesAt");
    }

    @Test
    void aBuildGivenUpGoesBackToTheLiveGenerationAndIsDropped() {
        store.upsert(Sample.class, "s1", new Update().set("name", "live"));
        ReadModelGenerations.Build build = store.beginBuild(3);
        inABatch(() -> store.upsert(Sample.class, "s2", new Update().set("name", "half built")));

        store.abandon(build);

        assertThat(store.building()).isEmpty();
        inABatch(() -> store.upsert(Sample.class, "s3", new Update().set("name", "after")));
        assertThat(store.findAll(Sample.class)).extracting(Sample::name).containsExactly("live", "after");
        assertThat(storedCollections()).containsExactly("contract_samples");
    }

    @Test
    void anotherReplicaReadsTheReplacedGenerationUntilItsCopyOfTheMetaDocumentExpiresAndNeverFindsItGone() {
        store.upsert(Sample.class, "s1", new Update().set("name", "old"));
        MongoReadModelStore replica = open();
        assertThat(replica.findById(Sample.class, "s1").name()).isEqualTo("old");
        ReadModelGenerations.Build build = store.beginBuild(1);
        store.tokensReset(build);
        inABatch(() -> store.upsert(Sample.class, "s1", new Update().set("name", "rebuilt")));

        store.goLive(build);
        clock.pass(Duration.ofMillis(500));

        assertThat(replica.findById(Sample.class, "s1").name()).isEqualTo("old");
        clock.pass(Duration.ofMillis(600));
        assertThat(replica.findById(Sample.class, "s1").name()).isEqualTo("rebuilt");
        clock.pass(FRESH.multipliedBy(3));
        assertThat(replica.findById(Sample.class, "s1").name()).isEqualTo("rebuilt");
        assertThat(storedCollections()).containsExactly("contract_samples__g" + build.generation());
    }

    @Test
    void aBatchOnAnotherReplicaWritesTheBuildTheMomentItBeginsWhateverItsCopyOfTheMetaDocumentSays() {
        MongoReadModelStore replica = open();
        assertThat(replica.building()).isEmpty();
        ReadModelGenerations.Build build = store.beginBuild(1);

        store = replica;
        inABatch(() -> replica.upsert(Sample.class, "s1", new Update().set("name", "replayed")));

        assertThat(replica.findById(Sample.class, "s1")).isNull();
        assertThat(database().getCollection("contract_samples__g" + build.generation()).countDocuments())
                .isEqualTo(1);
    }

    @Test
    void aGenerationNoMetaDocumentMentionsIsDroppedAtTheNextStart() {
        store.upsert(Sample.class, "s1", new Update().set("name", "live"));
        ReadModelGenerations.Build build = store.beginBuild(1);
        inABatch(() -> store.upsert(Sample.class, "s2", new Update().set("name", "orphan")));
        // the build's mention lost (as a given-up build whose drop a crash cut short leaves it)
        database().getCollection("read_model_generation").updateOne(new Document("_id", "generations"),
                new Document("$unset", new Document("building", "").append("target", "")));

        open();

        assertThat(storedCollections()).containsExactly("contract_samples");
        assertThat(build.generation()).isPositive();
    }

    private MongoReadModelStore open() {
        return new MongoReadModelStore(ReadModelMongo.template(client, "test"), INDEXES, FRESH, clock);
    }

    private MongoDatabase database() {
        return client.getDatabase("test");
    }

    private List<String> indexNames(String collection) {
        return database().getCollection(collection).listIndexes().map(i -> i.getString("name"))
                .into(new ArrayList<>());
    }

    private void inABatch(Runnable work) {
        var batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("an event"));
        batch.attachTransaction(batchTransactions());
        work.run();
        batch.commit();
    }

    /** A clock the test moves on. */
    private static final class MovingClock extends Clock {
        private volatile Instant now = Instant.parse("2027-09-01T09:00:00Z");

        void pass(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
