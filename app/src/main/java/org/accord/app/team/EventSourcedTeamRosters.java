package org.accord.app.team;

import java.util.Optional;

import org.accord.api.shared.DomainException;
import org.accord.app.trust.TrustTeams;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Loads the team aggregate in the running unit of work, so membership is exactly what the events say. */
@Component
class EventSourcedTeamRosters implements TeamRosters, TrustTeams {

    private final Repository<Team> teams;

    EventSourcedTeamRosters(@Lazy Repository<Team> teams) {
        this.teams = teams;
    }

    @Override
    public TeamRoster of(String teamId) {
        if (teamId == null || teamId.isBlank()) {
            throw unknownTeam(String.valueOf(teamId));
        }
        try {
            return teams.load(teamId).invoke(Team::roster);
        } catch (AggregateNotFoundException e) {
            throw unknownTeam(teamId);
        }
    }

    static DomainException unknownTeam(String teamId) {
        return DomainException.notFound("unknown team '" + teamId + "'");
    }

    @Override
    public Optional<String> trustOfTeam(String teamId) {
        if (teamId == null || teamId.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(teams.load(teamId).invoke(Team::roster).trustId());
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }
}
