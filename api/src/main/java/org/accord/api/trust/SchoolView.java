package org.accord.api.trust;

public record SchoolView(String id, String trustId, String name, SchoolPhase phase) {
}
