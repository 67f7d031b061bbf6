package org.accord.query.shared;

import java.util.Optional;

/**
 * The read models by generation, so that a rebuild never leaves them empty or half built: queries read the live
 * generation, complete as of its last event, while a rebuild replays every event into a new generation beside it; the
 * new one goes live in one step, once every projection has passed the head the rebuild started from, and the old one
 * is dropped. A crash at any point leaves the live generation as it was, and the build resumes from its tokens.
 * <p>
 * Inside a batch of events (a projection at work) the store reads and writes the generation being built, if there is
 * one; everywhere else (queries) the live one. A projection's reset clears the generation being built.
 */
public interface ReadModelGenerations {

    /** A generation being built, complete once every projection has stored a token at or past {@code target}. */
    record Build(long generation, long target) {
    }

    /** The generation queries read. */
    long live();

    /** The generation being built, if a rebuild is under way (or was, before a crash). */
    Optional<Build> building();

    /**
     * Starts a new generation, empty, to be complete at {@code target}; one a crash or a failure left unfinished is
     * dropped. Joins the transaction in progress, if any, so that the projections' token resets can commit with it.
     */
    Build beginBuild(long target);

    /**
     * Makes the build live, in one step, and drops the generation it replaces; nothing if it is no longer building, or
     * if its token resets were never recorded complete ({@link #tokensReset}).
     */
    void goLive(Build build);

    /**
     * Records that every projection's token has been reset for this build, so that it may go live once replayed. A
     * store whose build begins in the same transaction as the resets (the embedded one) needs nothing here; one
     * without that transaction (MongoDB) keeps a marker, because a crash between the resets would leave some
     * projections to continue from their old positions into the new generation.
     */
    default void tokensReset(Build build) {
    }

    /** Whether the build's token resets were all recorded; a build without that marker must be started over. */
    default boolean tokensWereReset(Build build) {
        return true;
    }

    /**
     * Gives up a build whose token resets failed part-way (another node held a projection's segment): queries and
     * projections go back to the live generation and the build's documents are dropped. A store whose resets roll back
     * with the build (the embedded one) never has such a build.
     */
    default void abandon(Build build) {
    }
}
