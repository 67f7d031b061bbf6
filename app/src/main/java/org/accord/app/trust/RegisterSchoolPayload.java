package org.accord.app.trust;

import org.accord.api.trust.SchoolView;

public record RegisterSchoolPayload(String clientMutationId, SchoolView school) {
}
