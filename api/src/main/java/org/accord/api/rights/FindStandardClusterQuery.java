package org.accord.api.rights;

/** The id of the cluster a standard is a cluster standard of; null for a standard of the whole trust. */
public record FindStandardClusterQuery(String standardId) {
}
