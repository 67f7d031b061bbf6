package org.accord.app.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** RFC 9162 §2.1 hashing, the tree and its proofs, against known answers and against the RFC's own recursion. */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The leaf inputs of the Certificate Transparency reference tests (RFC 6962 §2.1.3's tree of 7, plus one). */
    private static final List<String> CT_LEAVES = List.of("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    /** Their MTH at sizes 0 to 8. */
    private static final List<String> CT_ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void theEmptyTreeHasTheHashOfNothing() {
        assertThat(HEX.formatHex(TreeHashes.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(new MerkleTree().root()).isEqualTo(TreeHashes.emptyRoot());
        assertThat(new CompactRange().root()).isEqualTo(TreeHashes.emptyRoot());
    }

    @Test
    void leavesAndNodesAreHashedWithTheirOwnPrefixes() {
        byte[] a = ReferenceTree.leafHash(new byte[] {1});
        byte[] b = ReferenceTree.leafHash(new byte[] {2});
        assertThat(TreeHashes.leafHash(new byte[] {1})).isEqualTo(a);
        assertThat(TreeHashes.nodeHash(a, b)).isEqualTo(ReferenceTree.sha256(new byte[] {1}, a, b));
        assertThat(HEX.formatHex(TreeHashes.leafHash(new byte[0]))).isEqualTo(CT_ROOTS.get(1));
    }

    @Test
    void theCertificateTransparencyReferenceRootsAreReproducedAtEverySize() {
        MerkleTree tree = new MerkleTree();
        assertThat(HEX.formatHex(tree.root())).isEqualTo(CT_ROOTS.get(0));
        for (String leaf : CT_LEAVES) {
            tree.append(TreeHashes.leafHash(HEX.parseHex(leaf)));
            assertThat(HEX.formatHex(tree.root())).as("size %d", tree.size())
                    .isEqualTo(CT_ROOTS.get((int) tree.size()));
        }
        for (int size = 0; size <= 8; size++) {
            assertThat(HEX.formatHex(tree.root(size))).as("size %d, asked later", size).isEqualTo(CT_ROOTS.get(size));
        }
    }

    @Test
    void theCertificateTransparencyReferenceProofsAreReproduced() {
        MerkleTree tree = ctTree();
        assertThat(hex(tree.inclusionProof(0, 8).path())).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(tree.inclusionProof(5, 8).path())).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(tree.inclusionProof(2, 3).path())).containsExactly(
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertThat(hex(tree.inclusionProof(1, 5).path())).containsExactly(
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");

        assertThat(hex(tree.consistencyProof(1, 1).path())).isEmpty();
        assertThat(hex(tree.consistencyProof(1, 8).path())).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(tree.consistencyProof(6, 8).path())).containsExactly(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(tree.consistencyProof(2, 5).path())).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        tree.consistencyProof(6, 8).verify(HEX.parseHex(CT_ROOTS.get(6)), HEX.parseHex(CT_ROOTS.get(8)));
    }

    @Test
    void everyRootUpToTwoHundredLeavesIsTheRfcsRecursiveMth() {
        List<byte[]> leaves = leaves(200);
        MerkleTree tree = new MerkleTree();
        CompactRange range = new CompactRange();
        for (int n = 0; n <= leaves.size(); n++) {
            byte[] expected = ReferenceTree.mth(leaves.subList(0, n));
            assertThat(tree.root()).as("size %d", n).isEqualTo(expected);
            assertThat(range.root()).as("compact range at size %d", n).isEqualTo(expected);
            if (n < leaves.size()) {
                tree.append(leaves.get(n));
                range.append(leaves.get(n));
            }
        }
        for (int n = 0; n <= leaves.size(); n++) {
            assertThat(tree.root(n)).as("size %d of 200", n).isEqualTo(ReferenceTree.mth(leaves.subList(0, n)));
        }
    }

    @Test
    void everyInclusionProofUpToSixtyFourLeavesIsTheRfcsPathAndVerifies() {
        List<byte[]> leaves = leaves(64);
        MerkleTree tree = MerkleTree.of(leaves);
        for (int n = 1; n <= 64; n++) {
            byte[] root = ReferenceTree.mth(leaves.subList(0, n));
            for (int i = 0; i < n; i++) {
                InclusionProof proof = tree.inclusionProof(i, n);
                assertThat(proof.path()).as("PATH(%d, D[%d])", i, n)
                        .containsExactlyElementsOf(ReferenceTree.path(i, leaves.subList(0, n)));
                assertThat(proof.path().size()).isLessThanOrEqualTo(64 - Long.numberOfLeadingZeros(n - 1L));
                proof.verify(leaves.get(i), root);
            }
        }
    }

    @Test
    void aTamperedInclusionProofLeafIndexSizeOrRootIsRefused() {
        List<byte[]> leaves = leaves(65);
        MerkleTree tree = MerkleTree.of(leaves);
        int checked = 0;
        for (int n = 1; n <= 64; n++) {
            byte[] root = tree.root(n);
            for (int i = 0; i < n; i++) {
                InclusionProof proof = tree.inclusionProof(i, n);
                List<byte[]> path = proof.path();
                byte[] leaf = leaves.get(i);
                for (int p = 0; p < path.size(); p++) {
                    assertRefused(new InclusionProof(i, n, replaced(path, p, flipped(path.get(p)))), leaf, root);
                }
                assertRefused(proof, flipped(leaf), root);
                assertRefused(proof, leaf, flipped(root));
                // a changed size is checked against the root of that size, as a checkpoint would give it
                assertRefused(new InclusionProof(i, n + 1, path), leaf, tree.root(n + 1));
                if (n > 1) {
                    assertRefused(new InclusionProof(i, n - 1, path), leaf, tree.root(n - 1));
                    assertRefused(new InclusionProof((i + 1) % n, n, path), leaf, root);
                    assertRefused(new InclusionProof(i, n, path.subList(0, path.size() - 1)), leaf, root);
                }
                assertRefused(new InclusionProof(n, n, path), leaf, root);
                List<byte[]> longer = new ArrayList<>(path);
                longer.add(root);
                assertRefused(new InclusionProof(i, n, longer), leaf, root);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(64 * 65 / 2);
    }

    @Test
    void aProofThatIsTooLongOrTooShortIsRefusedSayingSo() {
        MerkleTree tree = MerkleTree.of(leaves(5));
        InclusionProof proof = tree.inclusionProof(1, 5);
        List<byte[]> longer = new ArrayList<>(proof.path());
        longer.add(tree.root());
        assertThatThrownBy(() -> new InclusionProof(1, 5, longer).verify(tree.leafHash(1), tree.root()))
                .isInstanceOf(InvalidProofException.class).hasMessageContaining("more hashes");
        assertThatThrownBy(() -> new InclusionProof(1, 5, proof.path().subList(0, 2)).verify(tree.leafHash(1),
                tree.root())).isInstanceOf(InvalidProofException.class).hasMessageContaining("too few");
        assertThatThrownBy(() -> proof.verify(tree.leafHash(2), tree.root()))
                .isInstanceOf(InvalidProofException.class).hasMessageContaining("lead to root");
        assertThatThrownBy(() -> tree.inclusionProof(5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(0, 6)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyConsistencyProofUpToSixtyFourLeavesIsTheRfcsProofAndVerifies() {
        List<byte[]> leaves = leaves(65);
        MerkleTree tree = MerkleTree.of(leaves);
        int checked = 0;
        for (int n = 0; n <= 64; n++) {
            byte[] second = ReferenceTree.mth(leaves.subList(0, n));
            for (int m = 0; m <= n; m++) {
                byte[] first = ReferenceTree.mth(leaves.subList(0, m));
                ConsistencyProof proof = tree.consistencyProof(m, n);
                if (m > 0 && m < n) {
                    assertThat(proof.path()).as("PROOF(%d, D[%d])", m, n)
                            .containsExactlyElementsOf(ReferenceTree.proof(m, leaves.subList(0, n)));
                } else {
                    assertThat(proof.path()).isEmpty();
                }
                proof.verify(first, second);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(65 * 66 / 2);
    }

    @Test
    void aTamperedConsistencyProofRootOrSizeIsRefused() {
        List<byte[]> leaves = leaves(65);
        MerkleTree tree = MerkleTree.of(leaves);
        for (int n = 1; n <= 64; n++) {
            byte[] second = tree.root(n);
            for (int m = 0; m <= n; m++) {
                byte[] first = tree.root(m);
                ConsistencyProof proof = tree.consistencyProof(m, n);
                List<byte[]> path = proof.path();
                for (int p = 0; p < path.size(); p++) {
                    assertRefused(new ConsistencyProof(m, n, replaced(path, p, flipped(path.get(p)))), first, second);
                }
                assertRefused(proof, flipped(first), second);
                if (m > 0) { // every tree extends the empty one, whatever its root
                    assertRefused(proof, first, flipped(second));
                }
                // a changed size is checked against the root of that size, as a checkpoint would give it (from
                // size 0 the empty proof is right for any second size, so those changes prove nothing)
                if (m < n) {
                    assertRefused(new ConsistencyProof(n, m, path), second, first);
                    if (m > 0 || n > 1) {
                        assertRefused(new ConsistencyProof(m + 1, n, path), tree.root(m + 1), second);
                    }
                    if (m > 0) {
                        assertRefused(new ConsistencyProof(m, n - 1, path), first, tree.root(n - 1));
                    }
                }
                if (m > 1 || (m == 1 && !path.isEmpty())) {
                    assertRefused(new ConsistencyProof(m - 1, n, path), tree.root(m - 1), second);
                }
                if (m > 0) {
                    assertRefused(new ConsistencyProof(m, n + 1, path), first, tree.root(n + 1));
                }
                if (!path.isEmpty()) {
                    assertRefused(new ConsistencyProof(m, n, path.subList(0, path.size() - 1)), first, second);
                }
                List<byte[]> longer = new ArrayList<>(path);
                longer.add(second);
                assertRefused(new ConsistencyProof(m, n, longer), first, second);
            }
        }
    }

    @Test
    void aRewrittenLeafBreaksConsistencyWithTheCheckpointTakenBeforeIt() {
        List<byte[]> leaves = leaves(40);
        MerkleTree honest = MerkleTree.of(leaves);
        byte[] pinned = honest.root(17);
        List<byte[]> rewritten = new ArrayList<>(leaves);
        rewritten.set(9, ReferenceTree.leafHash("forged".getBytes()));
        MerkleTree forged = MerkleTree.of(rewritten);
        ConsistencyProof proof = forged.consistencyProof(17, 40);
        assertThat(proof.verifies(forged.root(17), forged.root())).isTrue();
        assertThat(proof.verifies(pinned, forged.root())).isFalse();
        assertThat(honest.inclusionProof(9, 40).verifies(leaves.get(9), forged.root())).isFalse();
    }

    @Test
    void treesWithTheCachedLevelsGiveTheSameAnswersAsTheRecursionAtRandomLargerSizes() {
        List<byte[]> leaves = leaves(1500);
        MerkleTree tree = MerkleTree.of(leaves);
        Random random = new Random(9162);
        for (int round = 0; round < 40; round++) {
            int n = 1 + random.nextInt(leaves.size());
            int m = random.nextInt(n + 1);
            int i = random.nextInt(n);
            byte[] root = ReferenceTree.mth(leaves.subList(0, n));
            assertThat(tree.root(n)).isEqualTo(root);
            assertThat(tree.inclusionProof(i, n).path())
                    .containsExactlyElementsOf(ReferenceTree.path(i, leaves.subList(0, n)));
            if (m > 0 && m < n) {
                assertThat(tree.consistencyProof(m, n).path())
                        .containsExactlyElementsOf(ReferenceTree.proof(m, leaves.subList(0, n)));
            }
            tree.consistencyProof(m, n).verify(ReferenceTree.mth(leaves.subList(0, m)), root);
        }
    }

    @Test
    void aTreeRefusesSizesItHasNotReachedAndHashesOfTheWrongLength() {
        MerkleTree tree = MerkleTree.of(leaves(3));
        assertThatThrownBy(() -> tree.root(4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(2, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.append(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InclusionProof(0, 3, List.of(new byte[33])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static List<byte[]> leaves(int count) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(ReferenceTree.leafHash(ByteBuffer.allocate(4).putInt(i * 7919).array()));
        }
        return leaves;
    }

    private static MerkleTree ctTree() {
        MerkleTree tree = new MerkleTree();
        CT_LEAVES.forEach(leaf -> tree.append(TreeHashes.leafHash(HEX.parseHex(leaf))));
        return tree;
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    private static byte[] flipped(byte[] hash) {
        byte[] copy = hash.clone();
        copy[copy.length / 2] ^= 0x01;
        return copy;
    }

    private static List<byte[]> replaced(List<byte[]> path, int index, byte[] hash) {
        List<byte[]> copy = new ArrayList<>(path);
        copy.set(index, hash);
        return copy;
    }

    private static void assertRefused(InclusionProof proof, byte[] leaf, byte[] root) {
        assertThat(proof.verifies(leaf, root)).as("leaf %d of %d with %d hashes", proof.leafIndex(),
                proof.treeSize(), proof.path().size()).isFalse();
    }

    private static void assertRefused(ConsistencyProof proof, byte[] first, byte[] second) {
        assertThat(proof.verifies(first, second)).as("from %d to %d with %d hashes", proof.firstSize(),
                proof.secondSize(), proof.path().size()).isFalse();
    }
}
