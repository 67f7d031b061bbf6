package org.accord.app.peerreview;

import java.time.LocalDate;
import java.util.List;

import org.accord.api.peerreview.FindingKind;
import org.accord.api.peerreview.PeerReviewView;

/**
 * Peer reviews counted for the board: how many, what they found, how the agreed actions stand on {@code asOf}. Counts
 * only, so that everyone of the trust may read it while the reviews themselves stay with the two schools and the
 * trust's leadership.
 */
public record PeerReviewSummary(LocalDate asOf, int reviews, int strengths, int areasForDevelopment,
                                int actionsAgreed, int actionsCompleted, int actionsOverdue, int requestsRaised,
                                int notedAgainstStandards) {

    static PeerReviewSummary of(List<PeerReviewView> reviews, LocalDate asOf) {
        int strengths = 0;
        int development = 0;
        int agreed = 0;
        int completed = 0;
        int overdue = 0;
        int requests = 0;
        int noted = 0;
        for (PeerReviewView r : reviews) {
            for (PeerReviewView.Finding f : r.findings()) {
                if (f.kind() == FindingKind.STRENGTH) {
                    strengths++;
                } else {
                    development++;
                }
                requests += f.requestId() == null ? 0 : 1;
                noted += f.standards().size();
            }
            for (PeerReviewView.Action a : r.actions()) {
                agreed++;
                if (a.progress().isDone()) {
                    completed++;
                } else if (overdue(a, asOf)) {
                    overdue++;
                }
            }
        }
        return new PeerReviewSummary(asOf, reviews.size(), strengths, development, agreed, completed, overdue,
                requests, noted);
    }

    /** An agreed action past its date and not completed. */
    static boolean overdue(PeerReviewView.Action action, LocalDate asOf) {
        return !action.progress().isDone() && action.dueBy().isBefore(asOf);
    }
}
