package org.accord.query.proposal;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A proposal open for voting and its deadline; removed when voting ends. Small by nature, so scanning it is fine. */
@Document("open_votings")
public record OpenVotingDocument(@Id String proposalId, Instant closesAt) {
}
