package org.accord.app.rights;

import org.accord.api.rights.DecisionRightsView;

public record ChangeDecisionRightsPayload(String clientMutationId, DecisionRightsView decisionRightsMap) {
}
