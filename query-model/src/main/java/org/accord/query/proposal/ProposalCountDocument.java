package org.accord.query.proposal;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How many proposals a trust has drafted: the next draft's position, one small row per trust. */
@Document("proposal_counts")
public record ProposalCountDocument(@Id String trustId, long drafted) {
}
