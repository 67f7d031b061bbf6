package org.accord.app.ledger;

/**
 * What the chain adds to the metadata of every event of a trust when it is stored. Strings only, so that every
 * serializer reads them back exactly as written.
 */
public final class ChainMetadata {

    /** The trust whose chain the event is on. */
    public static final String TRUST = "chainTrust";
    /** 1 for the trust's first event, and so on: the event's place in the trust's chain. */
    public static final String POSITION = org.accord.api.shared.RecordPosition.METADATA_KEY;
    /** The event's link hash (lower-case hex SHA-256), which the next event of the trust builds on. */
    public static final String HASH = "chainHash";

    private ChainMetadata() {
    }
}
