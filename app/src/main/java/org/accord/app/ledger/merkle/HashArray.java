package org.accord.app.ledger.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An append-only run of 32-byte hashes packed into pages of plain bytes: a million hashes take 32 MB and a few dozen
 * objects, where a list of arrays would add about 24 bytes of header and a reference to every one. Pages rather than
 * one array so that growing never copies, and the length is not bounded by the largest Java array.
 */
final class HashArray {

    private static final int PAGE_BITS = 15;
    private static final int PAGE_HASHES = 1 << PAGE_BITS;
    private static final int PAGE_MASK = PAGE_HASHES - 1;
    private static final int FIRST_PAGE_HASHES = 16;

    private final List<byte[]> pages = new ArrayList<>();
    private long size;

    long size() {
        return size;
    }

    void add(byte[] hash) {
        int offset = (int) (size & PAGE_MASK);
        if (offset == 0) {
            pages.add(new byte[(pages.isEmpty() ? FIRST_PAGE_HASHES : PAGE_HASHES) * TreeHashes.SIZE]);
        }
        byte[] page = pages.get(pages.size() - 1);
        if (offset * TreeHashes.SIZE == page.length) {
            // only the first page starts small (the upper levels of a tree hold few hashes); it doubles up to full
            page = Arrays.copyOf(page, Math.min(2 * page.length, PAGE_HASHES * TreeHashes.SIZE));
            pages.set(pages.size() - 1, page);
        }
        System.arraycopy(hash, 0, page, offset * TreeHashes.SIZE, TreeHashes.SIZE);
        size++;
    }

    byte[] get(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("hash " + index + " of " + size);
        }
        byte[] hash = new byte[TreeHashes.SIZE];
        System.arraycopy(pages.get((int) (index >>> PAGE_BITS)), (int) (index & PAGE_MASK) * TreeHashes.SIZE, hash, 0,
                TreeHashes.SIZE);
        return hash;
    }

    long bytes() {
        return pages.stream().mapToLong(page -> page.length).sum();
    }
}
