package org.accord.query.request;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The request a proposal was drafted from: so that the proposal, and its adoption, find it by the proposal's id. */
@Document("request_of_proposal")
public record RequestOfProposalDocument(@Id String proposalId, String requestId) {
}
