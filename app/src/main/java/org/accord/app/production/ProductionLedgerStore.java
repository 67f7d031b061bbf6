package org.accord.app.production;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import org.accord.app.ledger.ChainHead;
import org.accord.app.ledger.Checkpoint;
import org.accord.app.ledger.LedgerStore;
import org.bson.Document;

/**
 * The ledger's records in production. A trust's head is the last marker of its chain stream in Axon Server
 * ({@link ChainStreams}), which moves in the same transaction as its events: MongoDB shares no transaction with Axon
 * Server, so a head kept there could run behind or ahead of the events. MongoDB keeps what Axon Server cannot list
 * or does not hold: which trusts have a chain ({@code ledger_trusts}, noted after a commit, for the checkpoint
 * signer and the start-up check to go through) and the signed checkpoints ({@code ledger_checkpoints}, also in the
 * witness file).
 */
public class ProductionLedgerStore implements LedgerStore {

    static final String TRUSTS = "ledger_trusts";
    static final String CHECKPOINTS = "ledger_checkpoints";

    private final ChainStreams streams;
    private final MongoCollection<Document> trusts;
    private final MongoCollection<Document> checkpoints;
    private final Set<String> noted = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    public ProductionLedgerStore(MongoDatabase database, ChainStreams streams) {
        this.streams = streams;
        this.trusts = database.getCollection(TRUSTS);
        this.checkpoints = database.getCollection(CHECKPOINTS);
    }

    /** The stop has signed every head ({@link SigningAtStop}); Axon Server's connection closes next. */
    void stop() {
        stopped = true;
    }

    /** A trust's checkpoints are read in order of position; a real MongoDB serves that from this index. */
    public void createIndexes() {
        checkpoints.createIndex(Indexes.ascending("trustId", "position"),
                new IndexOptions().unique(true).name("trust_position"));
    }

    @Override
    public Optional<ChainHead> head(String trustId) {
        return streams.head(trustId);
    }

    /** The heads, from Axon Server, of every trust noted as having a chain; none once the stop has signed them. */
    @Override
    public List<ChainHead> heads() {
        if (stopped) {
            return List.of();
        }
        List<ChainHead> heads = new ArrayList<>();
        for (Document trust : trusts.find().sort(new Document("_id", 1))) {
            streams.head(trust.getString("_id")).ifPresent(heads::add);
        }
        return heads;
    }

    /**
     * Notes that the trust has a chain, once per replica (the head itself is Axon Server's): a write to MongoDB after
     * every commit would add a round trip to every mutation to say what is already known.
     */
    @Override
    public void moveHead(ChainHead head) {
        if (noted.contains(head.trustId())) {
            return;
        }
        trusts.updateOne(new Document("_id", head.trustId()),
                new Document("$setOnInsert", new Document("since", Instant.now().toString())),
                new UpdateOptions().upsert(true));
        noted.add(head.trustId());
    }

    /**
     * The first checkpoint stored at a position is kept (another replica may sign the same head a moment later), as
     * the embedded store keeps it; only a first-format checkpoint gives way to a tree checkpoint of the same head.
     */
    @Override
    public void record(Checkpoint checkpoint) {
        Document document = CheckpointDocuments.document(checkpoint);
        try {
            checkpoints.insertOne(document);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            if (checkpoint.isTreeCheckpoint()) {
                checkpoints.replaceOne(new Document("_id", document.get("_id")).append("hash", checkpoint.hash())
                        .append("note", null), document);
            }
        }
    }

    @Override
    public Optional<Checkpoint> lastCheckpoint(String trustId) {
        return Optional.ofNullable(checkpoints.find(new Document("trustId", trustId))
                .sort(new Document("position", -1)).limit(1).first()).map(CheckpointDocuments::checkpoint);
    }

    @Override
    public List<Checkpoint> checkpoints(String trustId) {
        List<Checkpoint> all = new ArrayList<>();
        for (Document d : checkpoints.find(new Document("trustId", trustId)).sort(new Document("position", 1))) {
            all.add(CheckpointDocuments.checkpoint(d));
        }
        return all;
    }
}
