package org.accord.query.peerreview;

import org.accord.query.shared.Lookup;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A school's part in a peer review, as the reviewed or the reviewing school: one per school and review, so that a
 * school's reviews are a page of one lookup, in the trust's order ({@code position} is the review's).
 */
@Lookup(by = "schoolId", sortedBy = "position")
@Document("peer_review_schools")
public record PeerReviewOfSchoolDocument(@Id String id, String schoolId, String peerReviewId, Long position) {
}
