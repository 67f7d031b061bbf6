package org.accord.api.shared;

/**
 * Where an event stands in its trust's record: 1 for the trust's first event, and so on. The store puts it in each
 * event's metadata under {@link #METADATA_KEY} as it stores it (the embedded store's hash chain), so that the decision
 * log numbers its records the same way, and an event kept out of the read models leaves a gap instead of shifting
 * every record after it.
 */
public final class RecordPosition {

    /** The metadata key; its value is the position as text. */
    public static final String METADATA_KEY = "chainPosition";

    private RecordPosition() {
    }
}
