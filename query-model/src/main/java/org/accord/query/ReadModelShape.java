package org.accord.query;

/**
 * The version of the read models' shape: raised whenever a document changes so that read models stored in the
 * earlier shape cannot be read or kept up to date as they are. A runtime that finds read models of an earlier shape
 * rebuilds them from the events, the source of truth.
 * <ol>
 * <li>the first shape in SQLite: a trust's proposals and variations in one index document each, vote histories inside
 * the proposal, the decision log in buckets of a hundred records;</li>
 * <li>read models shaped for the log: proposals and variations listed by lookups of their own documents, one row per
 * vote and per decision record.</li>
 * <li>governance (issue 19, one release): a proposal's delegations inside the proposal, a tally's count of
 * delegated votes, a team's period delegations a row each; clusters and the decision-rights map as new documents, two
 * of them ({@code decision_rights}' executives, {@code school_heads}) projected from people registered before they
 * existed, so earlier read models must be rebuilt to hold them.</li>
 * <li>applicability (merged with the shape above, which read models of either branch lack part of): each standard
 * version holds what it applies to, a school its phase changes (valid and record time).</li>
 * <li>the monitoring loop (issue 20, one release): each standard version and each proposal's content hold an
 * attestation cadence (absent reads as NONE), attestations with their QA findings as new documents; each person's
 * inbox, projected from votes, exceptions and requests recorded before inboxes existed, and the trust executives it
 * needs, from people registered before, so earlier read models must be rebuilt to hold them (a rebuild is a replay:
 * nobody is told or mailed of the history again).</li>
 * <li>rows kept compact (issue 18's storage goal): in SQLite each document's JSON deflated against its table's
 * vocabulary, the fields its lookups name as columns of its own; MongoDB's documents are unchanged.</li>
 * <li>a proposal's standing votes as rows of their own (issue 18's castVote goal), no longer inside the proposal's
 * document: earlier read models hold them only there.</li>
 * <li>rows compressed with Zstandard, no longer deflated (issue 18's replay goal; {@code CompressedRows}): a row's
 * format byte says which, and this version reads only its own.</li>
 * </ol>
 */
public final class ReadModelShape {

    public static final int VERSION = 8;

    private ReadModelShape() {
    }
}
