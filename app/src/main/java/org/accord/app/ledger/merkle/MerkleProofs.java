package org.accord.app.ledger.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The verification algorithms of RFC 9162, step for step (§2.1.3.2 for inclusion, §2.1.4.2 for consistency), needing
 * nothing but the proof, the sizes and the roots: this is what a verifier outside Accord has to write.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    /** The root an inclusion proof leads to from this leaf hash; throws if the proof's shape does not fit the sizes. */
    public static byte[] rootFromInclusionProof(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path) {
        TreeHashes.checked(leafHash, "the leaf hash");
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new InvalidProofException("leaf index " + leafIndex + " is not in a tree of " + treeSize);
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            TreeHashes.checked(p, "a proof hash");
            if (sn == 0) {
                throw new InvalidProofException("the proof has more hashes than a tree of " + treeSize
                        + " has levels above leaf " + leafIndex);
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = TreeHashes.nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = TreeHashes.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new InvalidProofException("the proof has too few hashes for leaf " + leafIndex + " of a tree of "
                    + treeSize);
        }
        return r;
    }

    public static void verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path,
                                       byte[] root) {
        TreeHashes.checked(root, "the root");
        byte[] computed = rootFromInclusionProof(leafIndex, treeSize, leafHash, path);
        if (!TreeHashes.same(computed, root)) {
            throw new InvalidProofException("leaf " + leafIndex + " and its proof lead to root "
                    + TreeHashes.hex(computed) + ", not to " + TreeHashes.hex(root));
        }
    }

    /**
     * RFC 9162 §2.1.4.2, and for the two sizes the RFC leaves out: a tree is consistent with itself (empty proof, same
     * root) and the empty tree is a prefix of every tree (empty proof, the empty root).
     */
    public static void verifyConsistency(long firstSize, long secondSize, byte[] firstRoot, byte[] secondRoot,
                                         List<byte[]> path) {
        TreeHashes.checked(firstRoot, "the first root");
        TreeHashes.checked(secondRoot, "the second root");
        path.forEach(hash -> TreeHashes.checked(hash, "a proof hash"));
        if (firstSize < 0 || secondSize < firstSize) {
            throw new InvalidProofException("a tree of " + secondSize + " cannot extend a tree of " + firstSize);
        }
        if (firstSize == secondSize || firstSize == 0) {
            if (!path.isEmpty()) {
                throw new InvalidProofException("the proof between sizes " + firstSize + " and " + secondSize
                        + " must be empty, and has " + path.size() + " hashes");
            }
            if (firstSize == 0 && !TreeHashes.same(firstRoot, TreeHashes.emptyRoot())) {
                throw new InvalidProofException("the root of the empty tree is " + TreeHashes.hex(TreeHashes.emptyRoot())
                        + ", not " + TreeHashes.hex(firstRoot));
            }
            if (firstSize == secondSize && !TreeHashes.same(firstRoot, secondRoot)) {
                throw new InvalidProofException("two trees of " + firstSize + " leaves with different roots: "
                        + TreeHashes.hex(firstRoot) + " and " + TreeHashes.hex(secondRoot));
            }
            return;
        }
        // 1.
        if (path.isEmpty()) {
            throw new InvalidProofException("an empty proof cannot show " + secondSize + " extends " + firstSize);
        }
        // 2.
        List<byte[]> consistency = new ArrayList<>(path.size() + 1);
        if (Long.bitCount(firstSize) == 1) {
            consistency.add(firstRoot);
        }
        consistency.addAll(path);
        // 3., 4.
        long fn = firstSize - 1;
        long sn = secondSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        // 5.
        byte[] fr = consistency.get(0);
        byte[] sr = consistency.get(0);
        // 6.
        for (byte[] c : consistency.subList(1, consistency.size())) {
            if (sn == 0) {
                throw new InvalidProofException("the proof has more hashes than trees of " + firstSize + " and "
                        + secondSize + " need");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = TreeHashes.nodeHash(c, fr);
                sr = TreeHashes.nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = TreeHashes.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        // 7.
        if (sn != 0) {
            throw new InvalidProofException("the proof has too few hashes for trees of " + firstSize + " and "
                    + secondSize);
        }
        if (!TreeHashes.same(fr, firstRoot)) {
            throw new InvalidProofException("the proof leads to a first root of " + TreeHashes.hex(fr) + ", not "
                    + TreeHashes.hex(firstRoot));
        }
        if (!TreeHashes.same(sr, secondRoot)) {
            throw new InvalidProofException("the proof leads to a second root of " + TreeHashes.hex(sr) + ", not "
                    + TreeHashes.hex(secondRoot));
        }
    }
}
