package org.accord.api.trust;

/** The trust's clusters, in the order they were formed. */
public record FindTrustClustersQuery(String trustId) {
}
