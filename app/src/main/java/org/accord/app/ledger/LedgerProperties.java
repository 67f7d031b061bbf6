package org.accord.app.ledger;

import java.time.Duration;

import org.accord.app.ledger.merkle.LogOrigin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often checkpoints are signed, and with which key.
 *
 * @param checkpointEveryEvents sign a trust's head once it is this many events past its last checkpoint
 * @param checkpointEvery       and at least this often while it has unsigned events
 * @param privateKey            the Ed25519 signing key, PKCS#8 PEM text ({@code ACCORD_LEDGER_PRIVATE_KEY}); the
 *                              embedded mode generates a development key into its data folder when none is given
 * @param publicKey             its public key, X.509 PEM text ({@code ACCORD_LEDGER_PUBLIC_KEY})
 * @param witnessFile           the witness file, outside the data folder ({@code ACCORD_LEDGER_WITNESS_FILE}); blank:
 *                              beside the data folder, named after it ({@code ./data} → {@code ./data-witness.log})
 * @param witnessUrl            an external witness that each entry is also POSTed to ({@code ACCORD_LEDGER_WITNESS_URL});
 *                              blank: none
 * @param witnessRetry          how long to wait before sending to the witness URL again after a failure
 * @param originNamespace       the first part of every trust's log name in its checkpoints,
 *                              {@code <namespace>/<trust id>}: a domain the deployment's operator controls
 *                              ({@code ACCORD_LEDGER_ORIGIN_NAMESPACE}); never change it once checkpoints are out
 */
@ConfigurationProperties("accord.ledger")
public record LedgerProperties(@DefaultValue("100") int checkpointEveryEvents,
                               @DefaultValue("30s") Duration checkpointEvery,
                               String privateKey,
                               String publicKey,
                               String witnessFile,
                               String witnessUrl,
                               @DefaultValue("30s") Duration witnessRetry,
                               @DefaultValue(LogOrigin.DEFAULT_NAMESPACE) String originNamespace) {

    /** Without a witness (tests that sign by hand). */
    public LedgerProperties(int checkpointEveryEvents, Duration checkpointEvery, String privateKey, String publicKey) {
        this(checkpointEveryEvents, checkpointEvery, privateKey, publicKey, null, null, Duration.ofSeconds(30),
                LogOrigin.DEFAULT_NAMESPACE);
    }

    @ConstructorBinding
    public LedgerProperties {
        if (checkpointEveryEvents < 1) {
            throw new IllegalArgumentException("accord.ledger.checkpoint-every-events must be at least 1");
        }
        if (originNamespace == null || originNamespace.isBlank()) {
            originNamespace = LogOrigin.DEFAULT_NAMESPACE;
        }
        LogOrigin.of(originNamespace, "check"); // refuses a namespace that cannot name a log, at start
    }

    public boolean keyConfigured() {
        return privateKey != null && !privateKey.isBlank();
    }
}
