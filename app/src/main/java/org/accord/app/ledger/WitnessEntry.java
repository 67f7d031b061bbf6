package org.accord.app.ledger;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.json.JsonMapper;

/**
 * One line of the witness file (docs/verifiable-log.md, "The witness file"): either a signed checkpoint, kept verbatim
 * with the text its signature covers, or an operator's acknowledgement of a problem, which names the head from which
 * signing resumed. Nothing here depends on how a checkpoint's text is laid out: a checkpoint is a trust, a position
 * (the chain's size there), the head hash, the signed text and its signature.
 *
 * @param type       {@code checkpoint} or {@code acknowledgement}
 * @param at         when the checkpoint was signed, or when the acknowledgement was made
 * @param position   the checkpoint's position; for an acknowledgement, the head's position it re-baselined at
 * @param hash       the chain's hash at that position
 * @param signedText what the signature covers (checkpoints only)
 * @param problems   the problems acknowledged, each as {@code KIND@position} (acknowledgements only)
 * @param rootHash   the Merkle root the checkpoint signs (tree checkpoints only)
 * @param note       the checkpoint's C2SP signed note, verbatim (tree checkpoints only; then {@code signedText} is
 *                   the note's text)
 */
public record WitnessEntry(String format, String type, String trustId, long position, String hash, Instant at,
                           String keyId, String signature, String signedText, String operator, String reason,
                           List<String> problems, String rootHash, String note) {

    public static final String FORMAT = "accord-witness/1";
    public static final String CHECKPOINT = "checkpoint";
    public static final String ACKNOWLEDGEMENT = "acknowledgement";

    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    public static WitnessEntry of(Checkpoint checkpoint) {
        return new WitnessEntry(FORMAT, CHECKPOINT, checkpoint.trustId(), checkpoint.position(), checkpoint.hash(),
                checkpoint.signedAt(), checkpoint.keyId(), checkpoint.signature(), checkpoint.signedText(), null, null,
                null, checkpoint.rootHash(), checkpoint.note());
    }

    public static WitnessEntry acknowledgement(ChainHead baseline, Instant at, String operator, String reason,
                                               List<String> problems) {
        return new WitnessEntry(FORMAT, ACKNOWLEDGEMENT, baseline.trustId(), baseline.position(), baseline.hash(), at,
                null, null, null, operator, reason, List.copyOf(problems), null, null);
    }

    public boolean isCheckpoint() {
        return CHECKPOINT.equals(type);
    }

    public boolean isAcknowledgement() {
        return ACKNOWLEDGEMENT.equals(type);
    }

    /** The checkpoint this entry witnesses; its signature is checked against the fields, as any checkpoint's is. */
    public Checkpoint checkpoint() {
        return new Checkpoint(trustId, position, hash, at, keyId, signature, rootHash, note);
    }

    /** The entry as one line of JSON, as the witness file keeps it and the witness URL receives it. */
    public String toJsonLine() {
        return JSON.writeValueAsString(this);
    }

    /** @throws tools.jackson.core.JacksonException when the line is not JSON of an entry */
    public static WitnessEntry fromJsonLine(String line) {
        return JSON.readValue(line, WitnessEntry.class);
    }
}
