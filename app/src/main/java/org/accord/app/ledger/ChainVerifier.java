package org.accord.app.ledger;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

import org.accord.app.ledger.Verification.Kind;
import org.accord.app.ledger.Verification.Problem;
import org.accord.app.ledger.merkle.CompactRange;
import org.accord.app.ledger.merkle.LedgerLeaf;
import tools.jackson.databind.JsonNode;

/**
 * Re-derives a trust's chain from its events in store order and says whether it holds, and if not where it first
 * breaks. Used on the live store ({@link DecisionLogVerifier}) and on exports ({@link OfflineVerifier}) alike.
 *
 * <p>What each kind means: ALTERED, an event's content no longer gives the hash it was stored with (or a signed
 * checkpoint no longer matches a chain that was re-linked after an alteration); MISSING, a position of the chain
 * has no event; INSERTED, an event that is not the chain's own stands where it does not belong; REORDERED, the
 * events are all there but not in the order they were stored; CHECKPOINT_INVALID, a checkpoint's signature does not
 * verify with the trust's public key.
 */
public final class ChainVerifier {

    private static final HexFormat HEX = HexFormat.of();

    private final String trustId;
    private final List<Checkpoint> checkpoints;
    private final CheckpointSigning signatures;
    private final CompactRange tree = new CompactRange();
    private PrecomputedLinks precomputed;

    private long expected = 1;
    private long withheld;
    private String previous = ChainHasher.GENESIS;
    private String previousEventId;
    private int nextCheckpoint;
    private Checkpoint lastMatchedCheckpoint;
    private String firstIdAfterCheckpoint;
    private final long recordedHeadPosition;
    private String firstIdPastHead;
    private String hashAtRecordedHead;

    private ChainVerifier(String trustId, ChainHead recordedHead, List<Checkpoint> checkpoints,
                          PublicKey publicKey) {
        this.trustId = trustId;
        this.recordedHeadPosition = recordedHead == null ? Long.MAX_VALUE : recordedHead.position();
        this.checkpoints = new ArrayList<>(checkpoints);
        this.checkpoints.sort(Comparator.comparingLong(Checkpoint::position));
        this.signatures = new CheckpointSigning(publicKey);
    }

    /**
     * @param events       every event of the store (or of an export) in stored order; others' events are skipped
     * @param recordedHead where the trust's chain is recorded to end, when that is known
     * @param checkpoints  the trust's signed checkpoints
     */
    public static Verification verify(String trustId, Iterator<StoredEvent> events, ChainHead recordedHead,
                                      List<Checkpoint> checkpoints, PublicKey publicKey) {
        return verify(trustId, events, recordedHead, checkpoints, publicKey, (event, position, previous) -> null);
    }

    /** @param precomputed link hashes computed ahead (on other threads), used when they were made on the same terms */
    static Verification verify(String trustId, Iterator<StoredEvent> events, ChainHead recordedHead,
                               List<Checkpoint> checkpoints, PublicKey publicKey, PrecomputedLinks precomputed) {
        ChainVerifier verifier = new ChainVerifier(trustId, recordedHead, checkpoints, publicKey);
        verifier.precomputed = precomputed;
        return verifier.run(events, recordedHead);
    }

    /** A link hash computed ahead for this event at this position on this previous hash; null if none was. */
    @FunctionalInterface
    interface PrecomputedLinks {
        String hash(StoredEvent event, long position, String previous);
    }

    private Verification run(Iterator<StoredEvent> events, ChainHead recordedHead) {
        Problem problem = null;
        while (problem == null && events.hasNext()) {
            StoredEvent event = events.next();
            if (event.concerns(trustId)) {
                problem = check(event, events);
            }
        }
        if (problem == null) {
            problem = checkEnd(recordedHead);
        }
        return new Verification(problem == null, expected - 1, previous, lastMatchedCheckpoint, problem,
                problem == null ? HEX.formatHex(tree.root()) : null, withheld);
    }

    private Problem check(StoredEvent event, Iterator<StoredEvent> rest) {
        long claimed = event.chainPosition();
        if (claimed < 1) {
            return new Problem(expected, event.eventId(), Kind.INSERTED, "event " + event.eventId()
                    + " is not linked to the chain: it was not stored by Accord");
        }
        if (event.isWithheld()) {
            return checkWithheld(event, rest);
        }
        JsonNode payload = event.payloadTree();
        if (!trustId.equals(event.chainTrust()) || !trustId.equals(StoredEvent.trustOf(payload))) {
            return new Problem(expected, event.eventId(), Kind.ALTERED, "event " + event.eventId()
                    + " was stored on the chain of trust '" + event.chainTrust() + "' but names trust '"
                    + StoredEvent.trustOf(payload) + "'");
        }
        Problem misplaced = positionProblem(event, claimed, rest);
        if (misplaced != null) {
            return misplaced;
        }
        String ahead = precomputed.hash(event, expected, previous);
        String hash = ahead != null ? ahead : event.linkHash(trustId, expected, previous, payload);
        if (hash == null || !hash.equals(event.chainHash())) {
            StoredEvent genuine = find(expected, rest);
            if (genuine != null && genuine.chainHash() != null
                    && genuine.chainHash().equals(genuine.linkHash(trustId, expected, previous))) {
                return new Problem(expected, event.eventId(), Kind.INSERTED, "event " + event.eventId()
                        + " stands before the genuine event at position " + expected + " (" + genuine.eventId() + ")");
            }
            return new Problem(expected, event.eventId(), Kind.ALTERED, "event " + event.eventId()
                    + " at position " + expected + " no longer matches the hash it was stored with");
        }
        return link(event, hash);
    }

    /**
     * An event whose content the export withholds from its reader (a peer review's): its hash cannot be recomputed,
     * so its stated hash is taken as its link, which the next event's hash, the tree and the checkpoints then check:
     * a changed stated hash breaks the chain after it or the signed root. Only a kind Accord withholds may be.
     */
    private Problem checkWithheld(StoredEvent event, Iterator<StoredEvent> rest) {
        long claimed = event.chainPosition();
        if (!trustId.equals(event.chainTrust())) {
            return new Problem(expected, event.eventId(), Kind.ALTERED, "event " + event.eventId()
                    + " was stored on the chain of trust '" + event.chainTrust() + "', not of trust '" + trustId + "'");
        }
        if (!event.mayBeWithheld()) {
            return new Problem(expected, event.eventId(), Kind.ALTERED, "event " + event.eventId() + " ("
                    + event.payloadType() + ") has its content withheld, but Accord withholds only a peer review's");
        }
        Problem misplaced = positionProblem(event, claimed, rest);
        if (misplaced != null) {
            return misplaced;
        }
        String stated = event.chainHash();
        if (stated == null || stated.length() != 64) {
            return new Problem(expected, event.eventId(), Kind.ALTERED, "event " + event.eventId()
                    + " at position " + expected + " has its content withheld and states no link hash");
        }
        withheld++;
        return link(event, stated);
    }

    /**
     * Whether the event stands where the chain expects it: a position an earlier event holds is INSERTED; one past
     * the expected position is REORDERED if the expected one is stored later, MISSING if it is nowhere. Null when it
     * is the expected position. The same test for events read whole and for withheld ones.
     */
    private Problem positionProblem(StoredEvent event, long claimed, Iterator<StoredEvent> rest) {
        if (claimed < expected) {
            return new Problem(expected, event.eventId(), Kind.INSERTED, "event " + event.eventId()
                    + " claims position " + claimed + ", which an earlier event already holds");
        }
        if (claimed > expected) {
            StoredEvent missing = find(expected, rest);
            return missing != null
                    ? new Problem(expected, missing.eventId(), Kind.REORDERED, "the event at position " + expected
                    + " (" + missing.eventId() + ") is stored after the one at position " + claimed)
                    : new Problem(expected, null, Kind.MISSING, "no event holds position " + expected
                    + "; the next one stored is at position " + claimed);
        }
        return null;
    }

    private Problem link(StoredEvent event, String hash) {
        if (firstIdAfterCheckpoint == null) {
            firstIdAfterCheckpoint = event.eventId();
        }
        if (expected == recordedHeadPosition) {
            hashAtRecordedHead = hash;
        } else if (expected == recordedHeadPosition + 1) {
            firstIdPastHead = event.eventId();
        }
        previous = hash;
        previousEventId = event.eventId();
        tree.append(LedgerLeaf.hash(hash));
        Problem atCheckpoint = checkCheckpoints(expected, hash);
        expected++;
        return atCheckpoint;
    }

    /** The checkpoints at this position: each must be signed by the trust's key and name this very hash. */
    private Problem checkCheckpoints(long position, String hash) {
        while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).position() <= position) {
            Checkpoint checkpoint = checkpoints.get(nextCheckpoint++);
            String invalid = trustId.equals(checkpoint.trustId()) ? signatures.problem(checkpoint)
                    : "it is of trust '" + checkpoint.trustId() + "'";
            if (invalid != null) {
                return new Problem(checkpoint.position(), null, Kind.CHECKPOINT_INVALID, "the checkpoint at position "
                        + checkpoint.position() + " is not signed by this trust's key for this trust: " + invalid);
            }
            if (!checkpoint.hash().equals(hash)) {
                long from = lastMatchedCheckpoint == null ? 1 : lastMatchedCheckpoint.position() + 1;
                return new Problem(from, firstIdAfterCheckpoint, Kind.ALTERED, "the chain was re-linked after an"
                        + " alteration: the checkpoint signed at position " + checkpoint.position()
                        + " does not match, so an event between positions " + from + " and " + checkpoint.position()
                        + " was altered, removed or added");
            }
            if (checkpoint.isTreeCheckpoint() && !checkpoint.rootHash().equals(HEX.formatHex(tree.root()))) {
                return new Problem(position, null, Kind.ALTERED, "the checkpoint signed at position " + position
                        + " names the Merkle root " + checkpoint.rootHash() + ", but the events up to it give "
                        + HEX.formatHex(tree.root()));
            }
            lastMatchedCheckpoint = checkpoint;
            firstIdAfterCheckpoint = null;
        }
        return null;
    }

    private Problem checkEnd(ChainHead recordedHead) {
        long last = expected - 1;
        if (nextCheckpoint < checkpoints.size()) {
            Checkpoint beyond = checkpoints.get(nextCheckpoint);
            if (!signatures.verifies(beyond)) {
                return new Problem(beyond.position(), null, Kind.CHECKPOINT_INVALID, "the checkpoint at position "
                        + beyond.position() + " is not signed by this trust's key");
            }
            return new Problem(expected, null, Kind.MISSING, "the chain ends at position " + last
                    + " but a checkpoint was signed at position " + beyond.position());
        }
        if (recordedHead == null) {
            return null;
        }
        if (recordedHead.position() > last) {
            return new Problem(expected, null, Kind.MISSING, "the chain ends at position " + last
                    + " but its head was recorded at position " + recordedHead.position());
        }
        if (recordedHead.position() < last) {
            // what lies past the head is not the chain's: the verified part ends at the head
            expected = recordedHead.position() + 1;
            previous = recordedHead.position() == 0 ? ChainHasher.GENESIS : hashAtRecordedHead;
            return new Problem(recordedHead.position() + 1, firstIdPastHead, Kind.INSERTED, "the chain goes on past its recorded"
                    + " head at position " + recordedHead.position() + " to position " + last);
        }
        if (!recordedHead.hash().equals(previous)) {
            return new Problem(last, previousEventId, Kind.ALTERED, "the last event no longer matches the head"
                    + " hash recorded for the chain");
        }
        return null;
    }

    /** Reads on for the event that claims a position, skipping everything else. */
    private StoredEvent find(long position, Iterator<StoredEvent> rest) {
        while (rest.hasNext()) {
            StoredEvent event = rest.next();
            if (event.concerns(trustId) && event.chainPosition() == position) {
                return event;
            }
        }
        return null;
    }
}
