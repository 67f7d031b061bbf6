package org.accord.app.ledger.merkle;

import java.util.HexFormat;

import org.accord.app.ledger.ChainHasher;
import org.accord.app.ledger.ChainLink;

/**
 * What one leaf of a trust's transparency log is, in one place: the 32 bytes of the event's link hash (the
 * {@code chainHash} metadata, lower-case hex SHA-256 of the canonical JSON of {@link ChainLink}), leaf {@code i}
 * being the event at chain position {@code i + 1}. docs/transparency-log.md says why the link hash rather than the
 * canonical JSON itself.
 */
public final class LedgerLeaf {

    private static final HexFormat HEX = HexFormat.of();

    private LedgerLeaf() {
    }

    /** The leaf bytes: the link hash, decoded. Only the 64 lower-case hex digits the chain writes are accepted. */
    public static byte[] bytes(String linkHash) {
        if (linkHash == null || linkHash.length() != 2 * TreeHashes.SIZE || !linkHash.chars()
                .allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException("a link hash is 64 lower-case hex digits, not " + linkHash);
        }
        return HEX.parseHex(linkHash);
    }

    /** SHA-256(0x00 || link hash bytes): what the tree is built of. */
    public static byte[] hash(String linkHash) {
        return TreeHashes.leafHash(bytes(linkHash));
    }

    /** The leaf hash of an event, from what its link covers. */
    public static byte[] hash(ChainLink link) {
        return hash(ChainHasher.hash(link));
    }

    /** The leaf index of a chain position (the first event is leaf 0). */
    public static long index(long chainPosition) {
        if (chainPosition < 1) {
            throw new IllegalArgumentException("chain positions start at 1, not " + chainPosition);
        }
        return chainPosition - 1;
    }

    /** A trust's tree from its link hashes in chain order. */
    public static MerkleTree tree(Iterable<String> linkHashes) {
        MerkleTree tree = new MerkleTree();
        linkHashes.forEach(linkHash -> tree.append(hash(linkHash)));
        return tree;
    }
}
