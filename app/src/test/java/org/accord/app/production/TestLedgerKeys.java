package org.accord.app.production;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;

import org.accord.app.ledger.LedgerKeys;

/**
 * The decision log's signing key and witness file for a production test run, made at test time (never committed):
 * a folder holding the key as the files Spring's {@code configtree:} import reads (what docker-compose.yml mounts),
 * and a witness file beside it, outside every store.
 */
public final class TestLedgerKeys {

    private final Path folder;

    private TestLedgerKeys(Path folder) {
        this.folder = folder;
    }

    public static TestLedgerKeys generate() {
        try {
            Path folder = Files.createTempDirectory("accord-ledger-");
            DevLedgerKey.keys(folder.resolve("keys"));
            return new TestLedgerKeys(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code configtree:…/} for SPRING_CONFIG_IMPORT. */
    public String configTree() {
        return "configtree:" + folder.resolve("keys").toAbsolutePath() + "/";
    }

    public String privateKeyPem() {
        return read(DevLedgerKey.PRIVATE_FILE);
    }

    public String publicKeyPem() {
        return read(DevLedgerKey.PUBLIC_FILE);
    }

    public PublicKey publicKey() {
        return LedgerKeys.publicKey(publicKeyPem());
    }

    /** One witness file for every replica of the run. */
    public Path witnessFile() {
        return folder.resolve("witness").resolve("accord-witness.log");
    }

    private String read(String file) {
        try {
            return Files.readString(folder.resolve("keys").resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
