package org.accord.query.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.accord.api.proposal.ProposalKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A standard's reviews: each reaffirmation and each proposal raised from a review, bounded by the standard (a review
 * or two a year). Kept apart from the standard's own document so that no existing document changes shape; every
 * entry comes whole from its event, so a redelivered event adds nothing.
 */
@Document("standard_reviews")
public record StandardReviewDocument(@Id String id, String trustId, List<Entry> reviews) {

    /** {@code kind} null for a reaffirmation, else the kind of proposal raised. */
    public record Entry(int version, ProposalKind kind, String rationale, LocalDate dueOn, LocalDate nextReviewBy,
                        String proposalId, String teamId, String by, Instant at) {
    }

    public List<Entry> reviews() {
        return reviews == null ? List.of() : reviews;
    }
}
