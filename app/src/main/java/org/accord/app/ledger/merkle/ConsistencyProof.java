package org.accord.app.ledger.merkle;

import java.util.List;

/**
 * That the tree of {@code secondSize} leaves extends the tree of {@code firstSize} leaves, changing none of them: RFC
 * 9162 §2.1.4. At most about 2·log2(secondSize) hashes.
 */
public record ConsistencyProof(long firstSize, long secondSize, List<byte[]> path) {

    public ConsistencyProof {
        path = List.copyOf(path);
        path.forEach(hash -> TreeHashes.checked(hash, "a proof hash"));
    }

    /** Throws, saying why, unless this proof shows the second root extends the first. */
    public void verify(byte[] firstRoot, byte[] secondRoot) {
        MerkleProofs.verifyConsistency(firstSize, secondSize, firstRoot, secondRoot, path);
    }

    public boolean verifies(byte[] firstRoot, byte[] secondRoot) {
        try {
            verify(firstRoot, secondRoot);
            return true;
        } catch (InvalidProofException | IllegalArgumentException e) {
            return false;
        }
    }
}
