package org.accord.app.standard;

import org.accord.api.trust.SchoolView;

public record ChangeSchoolPhasePayload(String clientMutationId, SchoolView school) {
}
