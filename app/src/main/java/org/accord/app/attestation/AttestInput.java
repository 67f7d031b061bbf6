package org.accord.app.attestation;

import java.util.List;

public record AttestInput(String clientMutationId, String schoolId, String standardId, Integer version,
                          String statement, List<String> evidence) {
}
