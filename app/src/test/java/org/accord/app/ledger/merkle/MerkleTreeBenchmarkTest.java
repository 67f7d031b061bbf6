package org.accord.app.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * What a trust's log costs at 1,000,000 events: the root, an inclusion proof and a consistency proof. Prints the
 * figures (docs/transparency-log.md quotes them) and asserts only that the answers are right, never on time.
 * {@code -Daccord.bench.merkle-leaves=N} for another size.
 */
class MerkleTreeBenchmarkTest {

    private static final int LEAVES = Integer.getInteger("accord.bench.merkle-leaves", 1_000_000);
    private static final int PROOFS = 1_000;

    @Test
    void aTreeOfAMillionLeavesGivesItsRootAndProofsQuicklyAndSmall() {
        byte[][] leafHashes = new byte[LEAVES][];
        ByteBuffer link = ByteBuffer.allocate(32);
        for (int i = 0; i < LEAVES; i++) {
            link.putInt(0, i).putInt(28, ~i);
            leafHashes[i] = TreeHashes.leafHash(link.array()); // a leaf is a 32-byte link hash
        }

        long streamStart = System.nanoTime();
        CompactRange range = new CompactRange();
        for (byte[] leafHash : leafHashes) {
            range.append(leafHash);
        }
        byte[] streamedRoot = range.root();
        double streamMs = millis(streamStart);

        long buildStart = System.nanoTime();
        MerkleTree tree = new MerkleTree();
        for (byte[] leafHash : leafHashes) {
            tree.append(leafHash);
        }
        byte[] root = tree.root();
        double buildMs = millis(buildStart);
        assertThat(root).isEqualTo(streamedRoot);

        long pastStart = System.nanoTime();
        byte[] pastRoot = tree.root(LEAVES - 12_345);
        double pastMicros = millis(pastStart) * 1000;

        Random random = new Random(9162);
        int longestInclusion = 0;
        long inclusionStart = System.nanoTime();
        for (int i = 0; i < PROOFS; i++) {
            long index = random.nextInt(LEAVES);
            InclusionProof proof = tree.inclusionProof(index, LEAVES);
            longestInclusion = Math.max(longestInclusion, proof.path().size());
            proof.verify(leafHashes[(int) index], root);
        }
        double inclusionMicros = millis(inclusionStart) * 1000 / PROOFS;

        int longestConsistency = 0;
        long consistencyStart = System.nanoTime();
        for (int i = 0; i < PROOFS; i++) {
            long first = 1 + random.nextInt(LEAVES);
            ConsistencyProof proof = tree.consistencyProof(first, LEAVES);
            longestConsistency = Math.max(longestConsistency, proof.path().size());
            if (i < 20) {
                proof.verify(tree.root(first), root);
            }
        }
        double consistencyMicros = millis(consistencyStart) * 1000 / PROOFS;
        ConsistencyProof fromPast = tree.consistencyProof(LEAVES - 12_345, LEAVES);
        fromPast.verify(pastRoot, root);

        int log2 = 64 - Long.numberOfLeadingZeros(LEAVES - 1L);
        System.out.printf("transparency log at %,d leaves: root streamed through a compact range in %.0f ms;"
                        + " tree built (root and kept subtrees) in %.0f ms, holding %.1f MB; a past root (size %,d) in"
                        + " %.0f µs; inclusion proof %d hashes at most (%d bytes; ceil(log2 n) = %d), %.1f µs each;"
                        + " consistency proof %d hashes at most over %,d random first sizes (%d bytes), %.1f µs each;"
                        + " from size %,d: %d hashes%n",
                LEAVES, streamMs, buildMs, tree.bytesHeld() / 1e6, LEAVES - 12_345, pastMicros, longestInclusion,
                longestInclusion * TreeHashes.SIZE, log2, inclusionMicros, longestConsistency, PROOFS,
                longestConsistency * TreeHashes.SIZE, consistencyMicros, LEAVES - 12_345, fromPast.path().size());

        assertThat(longestInclusion).isLessThanOrEqualTo(log2);
        assertThat(longestConsistency).isLessThanOrEqualTo(2 * log2);
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
