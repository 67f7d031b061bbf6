package org.accord.app.attestation;

import org.accord.api.attestation.AttestationView;

public record AttestPayload(String clientMutationId, AttestationView attestation) {
}
