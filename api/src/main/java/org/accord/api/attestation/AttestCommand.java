package org.accord.api.attestation;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A headteacher confirms that their school meets a standard, against the version in force today. {@code evidence}:
 * links or document names (nothing is uploaded); may be empty.
 */
public record AttestCommand(@TargetAggregateIdentifier String attestationId, String trustId, String schoolId,
                            String standardId, Integer version, String statement, List<String> evidence) {
}
