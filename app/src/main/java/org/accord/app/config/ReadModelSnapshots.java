package org.accord.app.config;

/**
 * Where the read models are saved in versions (the embedded mode's H2 file: on a crash, what survives is the last
 * version saved), a batch's documents and the token that covers them must be in the same one; a version holding the
 * token without the documents would lose them for good, as the projections resume after the token.
 */
public interface ReadModelSnapshots {

    /** Where documents and tokens are written one by one as they come (MongoDB): nothing to hold together. */
    ReadModelSnapshots WRITTEN_AS_THEY_COME = Runnable::run;

    /** Runs a batch's last writes (its documents, then its token) so that no saved version splits them. */
    void together(Runnable writes);
}
