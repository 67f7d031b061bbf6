package org.accord.app.variation;

import java.time.LocalDate;

public record RequestExceptionInput(String clientMutationId, String schoolId, String standardId, Integer version,
                                    String description, String justification, LocalDate expiresOn) {
}
