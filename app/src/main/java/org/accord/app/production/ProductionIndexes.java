package org.accord.app.production;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.accord.query.ReadModelLookups;
import org.accord.query.runtime.mongodb.MongoReadModelStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Every index production MongoDB needs, created at start-up (creating an existing index is a no-op), before any
 * processor or request runs. Axon's token store makes its own (a unique processor name and segment) when it is built.
 * Read models are found by {@code _id} (one id or {@code $in}), which needs no other index, or a page at a time by the
 * lookups they declare, each a compound index ({@link ReadModelLookups}); the two due-date scans (voting deadlines,
 * variation expiries) are range queries on their date field.
 */
class ProductionIndexes implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ProductionIndexes.class);

    private final MongoDatabase database;
    private final MongoIdempotencyStore idempotency;
    private final MongoPersonDirectory directory;
    private final ProductionLedgerStore ledger;
    private final MongoReadModelStore readModels;

    ProductionIndexes(MongoDatabase database, MongoIdempotencyStore idempotency,
                      MongoPersonDirectory directory, ProductionLedgerStore ledger, MongoReadModelStore readModels) {
        this.database = database;
        this.idempotency = idempotency;
        this.directory = directory;
        this.ledger = ledger;
        this.readModels = readModels;
    }

    @Override
    public void afterSingletonsInstantiated() {
        idempotency.createIndexes();
        directory.createIndexes();
        ledger.createIndexes();
        readModels.createIndexes(ReadModelLookups.DOCUMENTS);
        database.getCollection("open_votings").createIndex(Indexes.ascending("closesAt"),
                new IndexOptions().name("closesAt"));
        database.getCollection("variation_dates").createIndex(Indexes.ascending("until"),
                new IndexOptions().name("until"));
        log.info("MongoDB indexes in place in {}", database.getName());
    }
}
