package org.accord.app.ledger;

/** The last link of a trust's chain: its position and hash. */
public record ChainHead(String trustId, long position, String hash) {

    static ChainHead genesis(String trustId) {
        return new ChainHead(trustId, 0, ChainHasher.GENESIS);
    }
}
