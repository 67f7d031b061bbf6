package org.accord.app.production;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.accord.query.ReadModelLookups;
import org.accord.query.runtime.mongodb.MongoReadModelStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every index production MongoDB needs, created at start-up (creating an existing index is a no-op), before any
 * processor or request runs. Axon's token store makes its own (a unique processor name and segment) when it is built.
 * Read models are found by {@code _id} (one id or {@code $in}), which needs no other index, or a page at a time by the
 * lookups they declare, each a compound index ({@link ReadModelLookups}); the two due-date scans (voting deadlines,
 * variation expiries) are range queries on their date field. The read models' indexes are made on the live
 * generation here, and on a new generation's collections by the store when a rebuild begins it
 * ({@link MongoReadModelStore#beginBuild}), so a generation goes live with them.
 */
class ProductionIndexes implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ProductionIndexes.class);

    /** The due-date scans' indexes, on every generation of their collections. */
    static final List<MongoReadModelStore.Index> DUE_DATE_INDEXES = List.of(
            new MongoReadModelStore.Index("open_votings", "closesAt"),
            new MongoReadModelStore.Index("variation_dates", "until"));

    /** Every index of the read models, made on every generation of their collections: due dates and lookups. */
    static List<MongoReadModelStore.Index> readModelIndexes(MongoTemplate mongo) {
        List<MongoReadModelStore.Index> indexes = new ArrayList<>(DUE_DATE_INDEXES);
        indexes.addAll(MongoReadModelStore.lookupIndexes(mongo, ReadModelLookups.DOCUMENTS));
        return indexes;
    }

    private final MongoDatabase database;
    private final MongoReadModelStore readModels;
    private final MongoIdempotencyStore idempotency;
    private final MongoPersonDirectory directory;
    private final ProductionLedgerStore ledger;

    ProductionIndexes(MongoDatabase database, MongoReadModelStore readModels, MongoIdempotencyStore idempotency,
                      MongoPersonDirectory directory, ProductionLedgerStore ledger) {
        this.database = database;
        this.readModels = readModels;
        this.idempotency = idempotency;
        this.directory = directory;
        this.ledger = ledger;
    }

    @Override
    public void afterSingletonsInstantiated() {
        idempotency.createIndexes();
        directory.createIndexes();
        ledger.createIndexes();
        readModels.createIndexes();
        log.info("MongoDB indexes in place in {}", database.getName());
    }
}
