package org.accord.api.trust;

/**
 * Every person id the events registered, in every trust, with whether it was erased since: what the person directory
 * must hold a name for (a check compares them, so that a directory restored from an older backup is noticed).
 */
public record FindPersonRegistrationsQuery() {
}
