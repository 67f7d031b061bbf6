package org.accord.api.team;

public record TeamMemberRemovedEvent(String teamId, String trustId, String personId, String removedBy) {
}
