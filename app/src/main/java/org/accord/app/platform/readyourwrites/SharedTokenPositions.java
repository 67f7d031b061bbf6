package org.accord.app.platform.readyourwrites;

/**
 * Where a projection stands according to the token store every node shares, read without claiming anything. With
 * several app replicas the segments of a projection may all be processed on other nodes; a mutation on this one then
 * waits on their tokens instead of on segments it does not have. Each runtime reads its own token store.
 */
public interface SharedTokenPositions {

    /** Whether every segment of the processor has stored a token at or past this global position. */
    boolean reached(String processor, long position);
}
