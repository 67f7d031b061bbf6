package org.accord.app.team;

public record RemoveTeamMemberInput(String clientMutationId, String teamId, String personId) {
}
