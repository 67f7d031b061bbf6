package org.accord.api.trust;

public record TrustRegisteredEvent(String trustId, String name) {
}
