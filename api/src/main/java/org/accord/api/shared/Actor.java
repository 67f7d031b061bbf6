package org.accord.api.shared;

/**
 * Who did something. Every command carries the authenticated caller's person id in its metadata under
 * {@link #METADATA_KEY}; Axon copies it onto every event the command produces.
 */
public final class Actor {

    /** The metadata key of the acting person's id on commands and events. */
    public static final String METADATA_KEY = "actorId";

    /** The actor of changes made by Accord itself (loading the demo trust, deadlines that pass). */
    public static final String SYSTEM = "system";

    private Actor() {
    }
}
