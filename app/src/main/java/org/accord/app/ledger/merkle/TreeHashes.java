package org.accord.app.ledger.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The hashing of RFC 9162 §2.1 with SHA-256: a leaf and an interior node are hashed with different one-byte prefixes
 * (0x00, 0x01), so that no leaf can pass for a node and no proof can be bent into another tree's.
 */
public final class TreeHashes {

    /** Every hash of the tree is a SHA-256 digest. */
    public static final int SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    /** A digest per thread: a tree of a million leaves takes two million hashes, and getInstance is not free. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(TreeHashes::newDigest);

    private static final byte[] EMPTY_ROOT = newDigest().digest();

    private TreeHashes() {
    }

    /** MTH({}) = SHA-256 of nothing (e3b0c442…). */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    /** SHA-256(0x00 || leaf bytes). */
    public static byte[] leafHash(byte[] leaf) {
        MessageDigest sha = SHA256.get();
        sha.update(LEAF_PREFIX);
        sha.update(leaf);
        return sha.digest();
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = SHA256.get();
        sha.update(NODE_PREFIX);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    static boolean same(byte[] a, byte[] b) {
        return a != null && b != null && MessageDigest.isEqual(a, b);
    }

    static byte[] checked(byte[] hash, String what) {
        if (hash == null || hash.length != SIZE) {
            throw new IllegalArgumentException(what + " is not a " + SIZE + "-byte hash: "
                    + (hash == null ? "null" : hash.length + " bytes"));
        }
        return hash;
    }

    static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    static byte[] copy(byte[] hash) {
        return Arrays.copyOf(hash, hash.length);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
