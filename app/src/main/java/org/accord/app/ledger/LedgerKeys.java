package org.accord.app.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The Ed25519 key pair that signs checkpoints. PEM throughout: PKCS#8 for the private key, X.509 SubjectPublicKeyInfo
 * for the public one, so that openssl and any other tool reads them.
 */
public record LedgerKeys(PrivateKey privateKey, PublicKey publicKey) {

    static final String PRIVATE_FILE = "signing-key.pem";
    static final String PUBLIC_FILE = "public-key.pem";

    /** A short, stable name of the public key: the first 16 hex digits of the SHA-256 of its encoding. */
    public String keyId() {
        return keyIdOf(publicKey);
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    public static String keyIdOf(PublicKey key) {
        return ChainHasher.sha256(key.getEncoded()).substring(0, 16);
    }

    /** From configured PEM text; both halves are needed (the JDK cannot derive an Ed25519 public key). */
    public static LedgerKeys fromPem(String privatePem, String publicPem) {
        try {
            KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
            PrivateKey privateKey = ed25519.generatePrivate(new PKCS8EncodedKeySpec(der(privatePem, "PRIVATE KEY")));
            return new LedgerKeys(privateKey, publicKey(publicPem));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the ledger key is not an Ed25519 key pair in PEM (PKCS#8 private key,"
                    + " X.509 public key): " + e.getMessage(), e);
        }
    }

    public static PublicKey publicKey(String pem) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key in PEM: " + e.getMessage(), e);
        }
    }

    /**
     * The development key of the embedded mode: read from the folder, or generated into it on first use (the private
     * key readable by its owner only).
     */
    public static LedgerKeys inFolder(Path folder) {
        Path privateFile = folder.resolve(PRIVATE_FILE);
        Path publicFile = folder.resolve(PUBLIC_FILE);
        try {
            if (Files.exists(privateFile) && Files.exists(publicFile)) {
                return fromPem(Files.readString(privateFile), Files.readString(publicFile));
            }
            Files.createDirectories(folder);
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            LedgerKeys keys = new LedgerKeys(pair.getPrivate(), pair.getPublic());
            Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            restrictToOwner(privateFile);
            Files.writeString(publicFile, keys.publicKeyPem());
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the ledger key in " + folder, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot make Ed25519 keys", e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions: the folder's own protection is what there is
        }
    }

    private static byte[] der(String pem, String label) {
        String body = pem.replace("-----BEGIN " + label + "-----", "").replace("-----END " + label + "-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(body.getBytes(StandardCharsets.US_ASCII));
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + label + "-----\n";
    }
}
