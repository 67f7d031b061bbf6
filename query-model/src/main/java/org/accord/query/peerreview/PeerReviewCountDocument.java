package org.accord.query.peerreview;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How many peer reviews a trust has recorded: the next one's position. */
@Document("peer_review_counts")
public record PeerReviewCountDocument(@Id String trustId, long recorded) {
}
