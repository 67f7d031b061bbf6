package org.accord.app.trust;

import org.accord.api.trust.SchoolPhase;

public record RegisterSchoolInput(String clientMutationId, String trustId, String name, SchoolPhase phase) {
}
