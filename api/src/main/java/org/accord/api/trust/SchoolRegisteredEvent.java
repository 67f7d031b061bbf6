package org.accord.api.trust;

/** A school joined the trust. A school's name is public, not personal data. */
public record SchoolRegisteredEvent(String trustId, String schoolId, String name, SchoolPhase phase,
                                    String registeredBy) {
}
