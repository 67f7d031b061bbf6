package org.accord.app.ledger.merkle;

import java.util.List;

/**
 * That leaf {@code leafIndex} (0-based) is in the tree of {@code treeSize} leaves: the hashes of its siblings from the
 * bottom up, RFC 9162 §2.1.3. At most about log2(treeSize) hashes.
 */
public record InclusionProof(long leafIndex, long treeSize, List<byte[]> path) {

    public InclusionProof {
        path = List.copyOf(path);
        path.forEach(hash -> TreeHashes.checked(hash, "a proof hash"));
    }

    /** Throws, saying why, unless this proof takes the leaf hash to exactly this root. */
    public void verify(byte[] leafHash, byte[] root) {
        MerkleProofs.verifyInclusion(leafIndex, treeSize, leafHash, path, root);
    }

    public boolean verifies(byte[] leafHash, byte[] root) {
        try {
            verify(leafHash, root);
            return true;
        } catch (InvalidProofException | IllegalArgumentException e) {
            return false;
        }
    }
}
