package org.accord.app.team;

/** Looks up a team's roster from the event-sourced team, for command handlers of other aggregates. */
public interface TeamRosters {

    /** @throws org.accord.api.shared.DomainException NOT_FOUND when there is no such team */
    TeamRoster of(String teamId);
}
