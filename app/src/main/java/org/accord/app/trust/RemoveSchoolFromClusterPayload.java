package org.accord.app.trust;

import org.accord.api.trust.ClusterView;
import org.accord.api.trust.SchoolView;

/** {@code cluster} is the one the school left. */
public record RemoveSchoolFromClusterPayload(String clientMutationId, ClusterView cluster, SchoolView school) {
}
