package org.accord.app.ledger.merkle;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The key conventions of C2SP signed-note for Ed25519 (signature type 0x01): key names, key ids, and the raw 32-byte
 * keys that the JDK wraps in X.509 and PKCS#8 encodings.
 */
public final class Ed25519NoteKey {

    /** The signature type byte of Ed25519 in signed-note. */
    public static final byte ALGORITHM = 0x01;

    /** DER of SubjectPublicKeyInfo for Ed25519 (RFC 8410) up to the 32 key bytes. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    /** DER of a PKCS#8 OneAsymmetricKey for Ed25519 up to the 32 seed bytes. */
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private Ed25519NoteKey() {
    }

    /** key ID = the first 4 bytes of SHA-256(name || 0x0A || 0x01 || 32-byte public key), big-endian. */
    public static int keyId(String name, byte[] publicKey) {
        requireName(name);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(ALGORITHM);
            sha.update(publicKey);
            byte[] digest = sha.digest();
            return ((digest[0] & 0xff) << 24) | ((digest[1] & 0xff) << 16) | ((digest[2] & 0xff) << 8)
                    | (digest[3] & 0xff);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A key name is non-empty UTF-8 without white space or '+' (signed-note). */
    public static boolean validName(String name) {
        return name != null && !name.isEmpty() && name.codePoints()
                .noneMatch(c -> c == '+' || Character.isWhitespace(c) || Character.isSpaceChar(c) || c < 0x20);
    }

    static String requireName(String name) {
        if (!validName(name)) {
            throw new IllegalArgumentException("a key name is non-empty, without spaces or '+': " + name);
        }
        return name;
    }

    /** The 32 raw bytes of an Ed25519 public key. */
    public static byte[] raw(PublicKey key) {
        byte[] der = key.getEncoded();
        if (!"Ed25519".equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm())
                || der.length != X509_PREFIX.length + 32
                || !Arrays.equals(der, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
        }
        return Arrays.copyOfRange(der, X509_PREFIX.length, der.length);
    }

    public static PublicKey publicKey(byte[] raw) {
        return generate(raw, X509_PREFIX, true);
    }

    /** A private key from its 32-byte seed (what signed-note's private key strings carry). */
    public static PrivateKey privateKey(byte[] seed) {
        return (PrivateKey) generate(seed, PKCS8_PREFIX, false);
    }

    /** The verifier key string of the Go note package: {@code name+hex key id+base64(0x01 || public key)}. */
    public static String verifierKey(String name, PublicKey key) {
        byte[] raw = raw(key);
        byte[] typed = new byte[33];
        typed[0] = ALGORITHM;
        System.arraycopy(raw, 0, typed, 1, 32);
        return requireName(name) + "+" + String.format("%08x", keyId(name, raw)) + "+"
                + Base64.getEncoder().encodeToString(typed);
    }

    private static <K> K generate(byte[] raw, byte[] prefix, boolean isPublic) {
        if (raw == null || raw.length != 32) {
            throw new IllegalArgumentException("an Ed25519 key is 32 bytes");
        }
        byte[] der = Arrays.copyOf(prefix, prefix.length + 32);
        System.arraycopy(raw, 0, der, prefix.length, 32);
        try {
            KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
            @SuppressWarnings("unchecked")
            K key = (K) (isPublic ? ed25519.generatePublic(new X509EncodedKeySpec(der))
                    : ed25519.generatePrivate(new PKCS8EncodedKeySpec(der)));
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 key: " + e.getMessage(), e);
        }
    }
}
