package org.accord.app.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once Accord is up, checks every trust's whole decision log against the witness, in the background: the app serves
 * meanwhile, and anything that would sign a trust's head first checks that trust itself.
 */
@Component
class DecisionLogStartupCheck {

    private static final Logger log = LoggerFactory.getLogger(DecisionLogStartupCheck.class);

    private final DecisionLogIntegrity integrity;

    DecisionLogStartupCheck(DecisionLogIntegrity integrity) {
        this.integrity = integrity;
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkEveryTrust() {
        Thread thread = new Thread(() -> {
            try {
                integrity.checkAll();
            } catch (RuntimeException e) {
                log.error("The start-up check of the decision log failed: {}", e.getMessage(), e);
            }
        }, "accord-decision-log-check");
        thread.setDaemon(true);
        thread.start();
    }
}
