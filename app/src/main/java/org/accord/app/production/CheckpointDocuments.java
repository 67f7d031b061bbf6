package org.accord.app.production;

import java.time.Instant;

import org.accord.app.ledger.Checkpoint;
import org.bson.Document;

/**
 * A signed checkpoint as MongoDB keeps it, field by field, and back: the one place that knows both shapes, so a field
 * the checkpoint gains is added here and nowhere else. The signature covers the checkpoint's fields, so each is kept
 * exactly (the signing time as its ISO-8601 text, the signed note verbatim; a checkpoint of the first format has
 * neither root nor note, and keeps both null).
 */
final class CheckpointDocuments {

    private CheckpointDocuments() {
    }

    /** One document per trust and position: the first checkpoint stored at a position is the one kept. */
    static String idOf(String trustId, long position) {
        return trustId + "/" + position;
    }

    static Document document(Checkpoint checkpoint) {
        return new Document("_id", idOf(checkpoint.trustId(), checkpoint.position()))
                .append("trustId", checkpoint.trustId())
                .append("position", checkpoint.position())
                .append("hash", checkpoint.hash())
                .append("signedAt", checkpoint.signedAt().toString())
                .append("keyId", checkpoint.keyId())
                .append("signature", checkpoint.signature())
                .append("rootHash", checkpoint.rootHash())
                .append("note", checkpoint.note());
    }

    static Checkpoint checkpoint(Document document) {
        return new Checkpoint(document.getString("trustId"), document.get("position", Number.class).longValue(),
                document.getString("hash"), Instant.parse(document.getString("signedAt")),
                document.getString("keyId"), document.getString("signature"), document.getString("rootHash"),
                document.getString("note"));
    }
}
