package org.accord.app.trust;

/** Looks up a trust's roster from the event-sourced trust, for command handlers of other aggregates. */
public interface TrustRosters {

    /** @throws org.accord.api.shared.DomainException NOT_FOUND when there is no such trust */
    Roster of(String trustId);
}
