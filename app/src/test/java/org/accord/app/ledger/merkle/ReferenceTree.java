package org.accord.app.ledger.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 §2.1 written out as the RFC writes it: recursive, over lists, sharing no code with the tree under test
 * (its own SHA-256 too), so that the two agreeing means something. Fine for trees of a few hundred leaves.
 */
final class ReferenceTree {

    private ReferenceTree() {
    }

    static byte[] leafHash(byte[] data) {
        return sha256(new byte[] {0x00}, data);
    }

    /** MTH(D[n]) over leaf data, given as leaf hashes. */
    static byte[] mth(List<byte[]> leafHashes) {
        int n = leafHashes.size();
        if (n == 0) {
            return sha256();
        }
        if (n == 1) {
            return leafHashes.get(0);
        }
        int k = largestPowerOfTwoBelow(n);
        return sha256(new byte[] {0x01}, mth(leafHashes.subList(0, k)), mth(leafHashes.subList(k, n)));
    }

    /** PATH(m, D[n]). */
    static List<byte[]> path(int m, List<byte[]> d) {
        int n = d.size();
        List<byte[]> path = new ArrayList<>();
        if (n <= 1) {
            return path;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path.addAll(path(m, d.subList(0, k)));
            path.add(mth(d.subList(k, n)));
        } else {
            path.addAll(path(m - k, d.subList(k, n)));
            path.add(mth(d.subList(0, k)));
        }
        return path;
    }

    /** PROOF(m, D[n]) = SUBPROOF(m, D[n], true), for 0 &lt; m &lt; n. */
    static List<byte[]> proof(int m, List<byte[]> d) {
        return subproof(m, d, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        List<byte[]> proof = new ArrayList<>();
        if (m == n) {
            if (!b) {
                proof.add(mth(d));
            }
            return proof;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            proof.addAll(subproof(m, d.subList(0, k), b));
            proof.add(mth(d.subList(k, n)));
        } else {
            proof.addAll(subproof(m - k, d.subList(k, n), false));
            proof.add(mth(d.subList(0, k)));
        }
        return proof;
    }

    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k << 1 < n) {
            k <<= 1;
        }
        return k;
    }

    static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha.update(part);
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
