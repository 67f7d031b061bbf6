package org.accord.app.attestation;

import org.accord.api.attestation.AttestationView;

public record RecordQaFindingPayload(String clientMutationId, AttestationView attestation) {
}
