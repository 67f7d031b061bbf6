package org.accord.app.trust;

import org.accord.api.trust.ClusterView;

public record FormClusterPayload(String clientMutationId, ClusterView cluster) {
}
