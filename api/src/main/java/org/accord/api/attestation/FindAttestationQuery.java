package org.accord.api.attestation;

public record FindAttestationQuery(String attestationId) {
}
