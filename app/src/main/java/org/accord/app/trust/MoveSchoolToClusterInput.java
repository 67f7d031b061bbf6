package org.accord.app.trust;

import java.time.LocalDate;

public record MoveSchoolToClusterInput(String clientMutationId, String schoolId, String clusterId,
                                       LocalDate effectiveFrom) {
}
