package org.accord.query.attestation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.accord.api.attestation.QaOutcome;
import org.accord.api.standard.AttestationCadence;
import org.accord.query.shared.Lookup;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A school's attestation with every QA finding recorded on it, each with its valid time ({@code visitedOn}) and
 * record time ({@code recordedAt}), so the compliance view can answer as of any date and as known at any moment.
 * {@code position}: its place among the trust's attestations (from 0), the lookup's order. Every write sets absolute
 * values or adds a finding whose fields come from its event, so a redelivered event changes nothing.
 */
@Lookup(by = "trustId", sortedBy = "position")
@Lookup(by = {"trustId", "schoolId"}, sortedBy = "position")
@Document("attestations")
public record AttestationDocument(@Id String id, String trustId, Long position, String schoolId, String standardId,
                                  Integer version, AttestationCadence cadence, String statement,
                                  List<String> evidence, String attestedBy, Instant attestedAt,
                                  List<Finding> findings) {

    public record Finding(QaOutcome outcome, String notes, List<String> actions, LocalDate followUpBy,
                          LocalDate visitedOn, String recordedBy, Instant recordedAt) {
    }

    public List<Finding> findings() {
        return findings == null ? List.of() : findings;
    }

    public List<String> evidence() {
        return evidence == null ? List.of() : evidence;
    }
}
