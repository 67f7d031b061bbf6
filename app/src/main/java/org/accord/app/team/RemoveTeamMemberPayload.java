package org.accord.app.team;

import org.accord.api.team.TeamView;

public record RemoveTeamMemberPayload(String clientMutationId, TeamView team) {
}
