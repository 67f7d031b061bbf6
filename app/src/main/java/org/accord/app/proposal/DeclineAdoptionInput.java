package org.accord.app.proposal;

public record DeclineAdoptionInput(String clientMutationId, String proposalId, String reason, String clusterId) {
}
