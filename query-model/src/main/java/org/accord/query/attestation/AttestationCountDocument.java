package org.accord.query.attestation;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How many attestations a trust's schools have made: the next one's position, one small row per trust. */
@Document("attestation_counts")
public record AttestationCountDocument(@Id String trustId, long made) {
}
