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

    /** Makes the build live, in one step, and drops the generation it replaces; nothing if it is no longer building. */
    void goLive(Build build);
}
