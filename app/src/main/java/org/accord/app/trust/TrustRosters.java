package org.accord.app.trust;

/** Looks up a trust's roster from the event-sourced trust, for command handlers of other aggregates. */
public interface TrustRosters {

    /** @throws org.accord.api.shared.DomainException NOT_FOUND when there is no such trust */
    Roster of(String trustId);

    /**
     * The trust's decision-rights map and clusters, for adoption. A lookup that knows no map (a test's) answers
     * none: every area is then decided by the trust, as before the map existed.
     */
    default DecisionRights decisionRights(String trustId) {
        return DecisionRights.none();
    }
}
