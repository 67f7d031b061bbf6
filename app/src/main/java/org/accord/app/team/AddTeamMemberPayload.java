package org.accord.app.team;

import org.accord.api.team.TeamView;

public record AddTeamMemberPayload(String clientMutationId, TeamView team) {
}
