package org.accord.query.shared;

/**
 * The one event processor of every projection onto the read-model store. Sharing it, each event is read from the
 * store and deserialised once per batch for all projections, instead of once for each, and a batch's documents (a
 * trust's, written by several projections) are loaded once and committed together with one token. Within a batch
 * the projections handle each event in turn, in the same order on every replay. A projection that cannot handle an
 * event holds the others at it too (the batch rolls back and is retried), so the read models never disagree about
 * how far the log has been read.
 */
public final class ReadModels {

    /** The processing group of every projection, and so the name of their processor and of its token. */
    public static final String PROCESSOR = "read-models";

    private ReadModels() {
    }
}
