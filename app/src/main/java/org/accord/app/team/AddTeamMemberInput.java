package org.accord.app.team;

public record AddTeamMemberInput(String clientMutationId, String teamId, String personId) {
}
