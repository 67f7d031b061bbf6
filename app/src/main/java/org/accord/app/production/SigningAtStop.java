package org.accord.app.production;

import org.accord.app.ledger.CheckpointSigner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/**
 * At a graceful stop every uncovered head is signed (as {@link CheckpointSigner#signEveryHeadAtStop} does when the
 * embedded store's beans are destroyed), here as soon as the context closes: in production the heads are in Axon
 * Server, whose connection is shut down before any bean is destroyed. The signer's own attempt at destruction then
 * finds nothing left to list ({@link ProductionLedgerStore#stop()}), instead of failing on a closed connection.
 */
class SigningAtStop {

    private final ApplicationContext context;
    private final CheckpointSigner signer;
    private final ProductionLedgerStore ledger;

    SigningAtStop(ApplicationContext context, CheckpointSigner signer, ProductionLedgerStore ledger) {
        this.context = context;
        this.signer = signer;
        this.ledger = ledger;
    }

    @EventListener
    void signBeforeAxonServerCloses(ContextClosedEvent closed) {
        if (closed.getApplicationContext() != context) {
            return; // a child context's close, passed up
        }
        try {
            signer.signEveryHeadAtStop();
        } finally {
            ledger.stop();
        }
    }
}
