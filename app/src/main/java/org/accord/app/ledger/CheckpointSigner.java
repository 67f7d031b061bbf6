package org.accord.app.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Signs the head of each trust's chain every {@code checkpoint-every-events} events, and at least every
 * {@code checkpoint-every} while a trust has events no checkpoint covers. A checkpoint pins everything before it: a
 * rewrite of the chain beneath it, however consistent, no longer matches the signature.
 */
@Component
public class CheckpointSigner {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSigner.class);

    private final LedgerStore ledger;
    private final LedgerKeys keys;
    private final LedgerProperties properties;
    private final DecisionLogIntegrity integrity;

    /** @param integrity says whether a head may be signed, and records each checkpoint (witness file first) */
    public CheckpointSigner(LedgerStore ledger, LedgerKeys keys, LedgerProperties properties,
                            DecisionLogIntegrity integrity) {
        this.ledger = ledger;
        this.keys = keys;
        this.properties = properties;
        this.integrity = integrity;
    }

    @Scheduled(initialDelayString = "${accord.ledger.checkpoint-check:10s}",
            fixedDelayString = "${accord.ledger.checkpoint-check:10s}")
    public void signDueCheckpoints() {
        try {
            signDue(Instant.now());
        } catch (RuntimeException e) {
            // the store not answering (Axon Server away in production): the next round signs what is due then
            log.warn("Checkpoints not signed this round: {}", e.toString());
        }
    }

    private void signDue(Instant now) {
        for (ChainHead head : ledger.heads()) {
            Optional<Checkpoint> last = ledger.lastCheckpoint(head.trustId());
            long unsigned = head.position() - last.map(Checkpoint::position).orElse(0L);
            boolean old = last.map(c -> Duration.between(c.signedAt(), now).compareTo(properties.checkpointEvery()) >= 0)
                    .orElse(true);
            if (unsigned >= properties.checkpointEveryEvents() || (unsigned > 0 && old)) {
                try {
                    sign(head, now);
                } catch (java.io.UncheckedIOException | org.springframework.dao.DataAccessException e) {
                    // a full disk, say: nothing was recorded, and the next round tries again
                    log.warn("No checkpoint of trust {} at position {} this time: {}", head.trustId(),
                            head.position(), e.getMessage());
                }
            }
        }
    }

    /**
     * At a graceful stop, every head that no checkpoint covers is signed: whatever is done to the data folder while
     * Accord is stopped then meets a witnessed checkpoint of everything it wrote.
     */
    @PreDestroy
    public void signEveryHeadAtStop() {
        Instant now = Instant.now();
        for (ChainHead head : ledger.heads()) {
            long signed = ledger.lastCheckpoint(head.trustId()).map(Checkpoint::position).orElse(0L);
            if (head.position() > signed) {
                try {
                    sign(head, now);
                } catch (RuntimeException e) {
                    log.warn("No checkpoint of trust {} at the stop: {}", head.trustId(), e.getMessage());
                }
            }
        }
    }

    /**
     * Signs and records a checkpoint of this head now, unless the head disagrees with what was witnessed before or
     * the trust has an unacknowledged problem: Accord never signs what it cannot vouch for.
     */
    public Optional<Checkpoint> sign(ChainHead head, Instant now) {
        Optional<Checkpoint> checkpoint = integrity.sign(head, now);
        if (checkpoint.isEmpty()) {
            log.debug("No checkpoint of trust {} at position {}: refused", head.trustId(), head.position());
            return Optional.empty();
        }
        record(checkpoint.get());
        return checkpoint;
    }

    public void record(Checkpoint checkpoint) {
        integrity.record(checkpoint);
        log.debug("Checkpoint of trust {} at position {}", checkpoint.trustId(), checkpoint.position());
    }
}
