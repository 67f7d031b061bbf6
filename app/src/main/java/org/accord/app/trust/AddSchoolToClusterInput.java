package org.accord.app.trust;

import java.time.LocalDate;

public record AddSchoolToClusterInput(String clientMutationId, String clusterId, String schoolId,
                                      LocalDate effectiveFrom) {
}
