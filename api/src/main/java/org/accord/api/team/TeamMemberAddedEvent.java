package org.accord.api.team;

public record TeamMemberAddedEvent(String teamId, String trustId, String personId, String addedBy) {
}
