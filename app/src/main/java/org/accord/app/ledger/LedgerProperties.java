package org.accord.app.ledger;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often checkpoints are signed, and with which key.
 *
 * @param checkpointEveryEvents sign a trust's head once it is this many events past its last checkpoint
 * @param checkpointEvery       and at least this often while it has unsigned events
 * @param privateKey            the Ed25519 signing key, PKCS#8 PEM text ({@code ACCORD_LEDGER_PRIVATE_KEY}); the
 *                              embedded mode generates a development key into its data folder when none is given
 * @param publicKey             its public key, X.509 PEM text ({@code ACCORD_LEDGER_PUBLIC_KEY})
 */
@ConfigurationProperties("accord.ledger")
public record LedgerProperties(@DefaultValue("100") int checkpointEveryEvents,
                               @DefaultValue("5m") Duration checkpointEvery,
                               String privateKey,
                               String publicKey) {

    public LedgerProperties {
        if (checkpointEveryEvents < 1) {
            throw new IllegalArgumentException("accord.ledger.checkpoint-every-events must be at least 1");
        }
    }

    public boolean keyConfigured() {
        return privateKey != null && !privateKey.isBlank();
    }
}
