package org.accord.api.rights;

/**
 * The standard version just adopted is a cluster standard: adopted by the cluster's lead, in an area the trust's
 * decision-rights map leaves to clusters, for the schools of {@code clusterId}. Follows its
 * {@code StandardVersionAdoptedEvent} in the same unit of work.
 */
public record StandardVersionScopedToClusterEvent(String standardId, String trustId, int version, String clusterId,
                                                  String adoptedBy) {
}
