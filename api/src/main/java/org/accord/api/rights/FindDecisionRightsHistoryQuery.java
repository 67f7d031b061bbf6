package org.accord.api.rights;

/** Every version of the trust's decision-rights map, oldest first. */
public record FindDecisionRightsHistoryQuery(String trustId) {
}
