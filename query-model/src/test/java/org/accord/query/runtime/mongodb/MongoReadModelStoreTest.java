package org.accord.query.runtime.mongodb;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.accord.query.ReadModelMongo;
import org.accord.query.runtime.ReadModelStoreContract;
import org.accord.query.shared.ReadModelStore;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The read-model store contract on the MongoDB adapter, against mongo-java-server (no real MongoDB runs on these
 * machines). Its batches run without a transaction, as the production processors do: the adapter's own ordering
 * (documents before token) is what keeps them safe there.
 */
class MongoReadModelStoreTest extends ReadModelStoreContract {

    private MongoServer server;
    private MongoClient client;
    private ReadModelStore store;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        store = new MongoReadModelStore(ReadModelMongo.template(client, "test"));
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
}
