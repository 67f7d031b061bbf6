package org.accord.app.trust;

import org.accord.api.trust.ClusterView;

public record NameClusterLeadPayload(String clientMutationId, ClusterView cluster) {
}
