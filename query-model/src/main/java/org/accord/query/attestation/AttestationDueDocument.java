package org.accord.query.attestation;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An attestation recorded as fallen due (by its id: trust × school × standard × period), so that the check for what
 * falls due does not ask again for it. Projected from the event alone: a rebuild finds every one again.
 */
@Document("attestation_dues")
public record AttestationDueDocument(@Id String dueId, String trustId) {
}
