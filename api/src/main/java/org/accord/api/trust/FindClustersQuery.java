package org.accord.api.trust;

import java.util.List;

/** The clusters with these ids, in the order asked; unknown ids are left out. */
public record FindClustersQuery(List<String> clusterIds) {
}
