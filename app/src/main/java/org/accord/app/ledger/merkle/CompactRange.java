package org.accord.app.ledger.merkle;

import java.util.Arrays;

/**
 * The right edge of a tree that grows one leaf at a time: for every 1-bit of the size, the hash of the perfect subtree
 * that bit stands for (the "compact range" [0, size) of the transparency-dev projects). At most 64 hashes, whatever the
 * size, so a root over any number of leaves is computed in constant memory and one pass, with no recursion.
 */
public final class CompactRange {

    /** Told of every perfect subtree that an append completes, so that a tree can keep the ones it wants. */
    @FunctionalInterface
    interface CompletedSubtree {
        void completed(int height, long index, byte[] hash);
    }

    private static final CompletedSubtree IGNORE = (height, index, hash) -> {
    };

    private final byte[][] edge = new byte[Long.SIZE][];
    private long size;

    public long size() {
        return size;
    }

    public void append(byte[] leafHash) {
        append(leafHash, IGNORE);
    }

    void append(byte[] leafHash, CompletedSubtree completed) {
        TreeHashes.checked(leafHash, "a leaf hash");
        if (size == Long.MAX_VALUE) {
            throw new IllegalStateException("the tree is full");
        }
        byte[] carry = TreeHashes.copy(leafHash);
        int height = 0;
        long newSize = size + 1;
        // each trailing 1-bit of the old size is a subtree the new leaf completes into one twice its size
        while (edge[height] != null) {
            carry = TreeHashes.nodeHash(edge[height], carry);
            edge[height] = null;
            height++;
            completed.completed(height, (newSize >>> height) - 1, carry);
        }
        edge[height] = carry;
        size = newSize;
    }

    /** MTH of the leaves appended so far: the edge's subtrees folded from the smallest (rightmost) to the largest. */
    public byte[] root() {
        byte[] root = null;
        for (byte[] subtree : edge) {
            if (subtree != null) {
                root = root == null ? subtree : TreeHashes.nodeHash(subtree, root);
            }
        }
        return root == null ? TreeHashes.emptyRoot() : TreeHashes.copy(root);
    }

    @Override
    public String toString() {
        return "CompactRange[size=" + size + ", subtrees=" + Arrays.stream(edge).filter(h -> h != null).count() + "]";
    }
}
