package org.accord.app.ledger;

/** The last link of a trust's chain: its position and hash. */
public record ChainHead(String trustId, long position, String hash) {

    /** Where a trust's chain starts: position 0, the genesis hash. */
    public static ChainHead genesis(String trustId) {
        return new ChainHead(trustId, 0, ChainHasher.GENESIS);
    }
}
