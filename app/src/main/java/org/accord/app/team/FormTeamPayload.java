package org.accord.app.team;

import org.accord.api.team.TeamView;

public record FormTeamPayload(String clientMutationId, TeamView team) {
}
