package org.accord.app.production;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

import org.accord.app.ledger.LedgerKeys;

/**
 * A development signing key for the decision log's checkpoints, for trying the production mode without a secret
 * store: {@code keys DIR} makes an Ed25519 key pair in DIR as two files named after the settings they fill,
 * {@code accord.ledger.private-key} and {@code accord.ledger.public-key}, which Accord reads with
 * {@code SPRING_CONFIG_IMPORT=configtree:DIR/} (docker-compose.yml does). An existing pair is kept. A real deployment
 * keeps its key in its secret store and mounts it the same way (docs/verifiable-log.md, "Production").
 */
public final class DevLedgerKey {

    static final String PRIVATE_FILE = "accord.ledger.private-key";
    static final String PUBLIC_FILE = "accord.ledger.public-key";

    private DevLedgerKey() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[0].equals("keys")) {
            System.err.println("usage: keys DIR");
            System.exit(2);
        }
        System.out.println(keys(Path.of(args[1])));
    }

    /** Makes the pair unless both files exist; says which it did. */
    static String keys(Path dir) throws IOException, GeneralSecurityException {
        Path privateFile = dir.resolve(PRIVATE_FILE);
        Path publicFile = dir.resolve(PUBLIC_FILE);
        if (Files.exists(privateFile) && Files.exists(publicFile)) {
            LedgerKeys kept = LedgerKeys.fromPem(Files.readString(privateFile), Files.readString(publicFile));
            return "ledger key " + kept.keyId() + " already in " + dir + "; kept";
        }
        Files.createDirectories(dir);
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        try {
            Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions: the folder's own protection applies
        }
        LedgerKeys keys = new LedgerKeys(pair.getPrivate(), pair.getPublic());
        Files.writeString(publicFile, keys.publicKeyPem());
        return "made ledger key " + keys.keyId() + " in " + dir;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
