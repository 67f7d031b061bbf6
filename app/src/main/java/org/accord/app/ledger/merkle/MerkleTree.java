package org.accord.app.ledger.merkle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An append-only Merkle tree over leaf hashes (RFC 9162 §2.1), able to give the root, an inclusion proof and a
 * consistency proof for any size up to its own.
 *
 * <p>Scaling: the leaf hashes are packed (32 bytes each), and so are the hashes of every perfect subtree of
 * {@value #CACHED_FROM_HEIGHT} levels or more, which an append records as it completes them (about one more hash per
 * eight leaves). A smaller subtree is recomputed from its at most 2^{@value #CACHED_FROM_HEIGHT} - 1 leaves when a
 * proof needs it. Every hash a proof or a past root needs is then a sum of O(log n) perfect subtrees, each found or
 * cheaply recomputed, so nothing walks the whole tree and nothing recurses.
 *
 * <p>Not safe for concurrent appends; readers may share it once it stops growing.
 */
public final class MerkleTree {

    /** Subtrees from this height up (16 leaves and more) are kept; smaller ones cost at most 15 hashes to redo. */
    static final int CACHED_FROM_HEIGHT = 4;

    private final HashArray leaves = new HashArray();
    private final List<HashArray> cached = new ArrayList<>(); // index h - CACHED_FROM_HEIGHT
    private final CompactRange range = new CompactRange();

    /** The tree of these leaf hashes, in order. */
    public static MerkleTree of(Iterable<byte[]> leafHashes) {
        MerkleTree tree = new MerkleTree();
        leafHashes.forEach(tree::append);
        return tree;
    }

    public long size() {
        return leaves.size();
    }

    /** Adds the next leaf, given as its leaf hash ({@link TreeHashes#leafHash}); its index is the size before. */
    public void append(byte[] leafHash) {
        range.append(leafHash, this::keep);
        leaves.add(leafHash);
    }

    public byte[] leafHash(long index) {
        return leaves.get(index);
    }

    /** MTH of every leaf so far. */
    public byte[] root() {
        return range.root();
    }

    /** MTH of the first {@code size} leaves: the root this tree had at that size. */
    public byte[] root(long size) {
        requireSize(size);
        return size == 0 ? TreeHashes.emptyRoot() : rangeHash(0, size);
    }

    /** PATH(index, D[0:size]) of RFC 9162 §2.1.3.1, iteratively: the siblings from the leaf up to the root. */
    public InclusionProof inclusionProof(long index, long size) {
        requireSize(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> topDown = new ArrayList<>();
        long start = 0;
        long end = size;
        while (end - start > 1) {
            long k = splitPoint(end - start);
            if (index < start + k) {
                topDown.add(rangeHash(start + k, end));
                end = start + k;
            } else {
                topDown.add(rangeHash(start, start + k));
                start += k;
            }
        }
        Collections.reverse(topDown);
        return new InclusionProof(index, size, topDown);
    }

    /**
     * PROOF(first, D[0:second]) of RFC 9162 §2.1.4.1 (SUBPROOF unrolled into a loop). Empty when first is 0 (the
     * empty tree is a prefix of every tree) or equals second, as in the transparency-dev implementations; the RFC
     * itself defines the proof for 0 &lt; first &lt; second only.
     */
    public ConsistencyProof consistencyProof(long first, long second) {
        requireSize(second);
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("a tree of " + first + " cannot be a prefix of a tree of " + second);
        }
        if (first == 0 || first == second) {
            return new ConsistencyProof(first, second, List.of());
        }
        List<byte[]> topDown = new ArrayList<>();
        byte[] bottom = null;
        long start = 0;
        long end = second;
        long m = first;
        boolean firstIsWholeSubtree = true; // the "b" flag of SUBPROOF: the old root is known to the verifier
        while (m != end - start) {
            long k = splitPoint(end - start);
            if (m <= k) {
                topDown.add(rangeHash(start + k, end));
                end = start + k;
            } else {
                topDown.add(rangeHash(start, start + k));
                start += k;
                m -= k;
                firstIsWholeSubtree = false;
            }
        }
        if (!firstIsWholeSubtree) {
            bottom = rangeHash(start, end);
        }
        List<byte[]> path = new ArrayList<>(topDown.size() + 1);
        if (bottom != null) {
            path.add(bottom);
        }
        Collections.reverse(topDown);
        path.addAll(topDown);
        return new ConsistencyProof(first, second, path);
    }

    /** Bytes held for leaf hashes and kept subtrees. */
    public long bytesHeld() {
        return leaves.bytes() + cached.stream().mapToLong(HashArray::bytes).sum();
    }

    /** The largest power of two smaller than n (n &gt; 1): where MTH splits n leaves. */
    static long splitPoint(long n) {
        return Long.highestOneBit(n - 1);
    }

    /**
     * MTH(D[start:end]) for a range whose start is a multiple of the largest power of two not above its length, the
     * only ranges a root or a proof asks for: it is then the perfect subtrees of the length's binary digits, left to
     * right, and MTH folds them from the right.
     */
    private byte[] rangeHash(long start, long end) {
        long length = end - start;
        if (length <= 0 || start % Long.highestOneBit(length) != 0) {
            throw new IllegalStateException("[" + start + ", " + end + ") is not a range of this tree's shape");
        }
        byte[][] subtrees = new byte[Long.bitCount(length)][];
        int count = 0;
        long at = start;
        for (int height = 63 - Long.numberOfLeadingZeros(length); height >= 0; height--) {
            if ((length & (1L << height)) != 0) {
                subtrees[count++] = perfectSubtree(height, at >>> height);
                at += 1L << height;
            }
        }
        byte[] hash = subtrees[count - 1];
        for (int i = count - 2; i >= 0; i--) {
            hash = TreeHashes.nodeHash(subtrees[i], hash);
        }
        return hash;
    }

    /** The hash of the perfect subtree of 2^height leaves numbered index at its height. */
    private byte[] perfectSubtree(int height, long index) {
        if (height == 0) {
            return leaves.get(index);
        }
        if (height >= CACHED_FROM_HEIGHT) {
            return cached.get(height - CACHED_FROM_HEIGHT).get(index);
        }
        int width = 1 << height;
        byte[][] level = new byte[width][];
        long first = index << height;
        for (int i = 0; i < width; i++) {
            level[i] = leaves.get(first + i);
        }
        for (; width > 1; width >>= 1) {
            for (int i = 0; i < width / 2; i++) {
                level[i] = TreeHashes.nodeHash(level[2 * i], level[2 * i + 1]);
            }
        }
        return level[0];
    }

    private void keep(int height, long index, byte[] hash) {
        if (height < CACHED_FROM_HEIGHT) {
            return;
        }
        while (cached.size() <= height - CACHED_FROM_HEIGHT) {
            cached.add(new HashArray());
        }
        HashArray level = cached.get(height - CACHED_FROM_HEIGHT);
        if (level.size() != index) {
            throw new IllegalStateException("subtree " + index + " at height " + height + " completed out of order");
        }
        level.add(hash);
    }

    private void requireSize(long size) {
        if (size < 0 || size > size()) {
            throw new IllegalArgumentException("a tree of " + size() + " leaves has no state at size " + size);
        }
    }
}
