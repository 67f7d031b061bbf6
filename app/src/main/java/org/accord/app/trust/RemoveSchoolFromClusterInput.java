package org.accord.app.trust;

import java.time.LocalDate;

public record RemoveSchoolFromClusterInput(String clientMutationId, String schoolId, LocalDate effectiveFrom) {
}
