package org.accord.app.proposal;

public record RecuseInput(String clientMutationId, String proposalId, String interest) {
}
