package org.accord.app.trust;

import org.accord.api.trust.ClusterView;
import org.accord.api.trust.SchoolView;

public record AddSchoolToClusterPayload(String clientMutationId, ClusterView cluster, SchoolView school) {
}
