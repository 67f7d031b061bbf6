package org.accord.api.trust;

/** Every recorded change of the trust's schools' clusters, in the order recorded. */
public record FindClusterMembershipsQuery(String trustId) {
}
