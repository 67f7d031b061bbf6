package org.accord.api.attestation;

import java.time.Instant;
import java.util.List;

import org.accord.api.standard.AttestationCadence;

/** An attestation with its QA findings, oldest first (as known at the moment asked about). */
public record AttestationView(String id, String trustId, String schoolId, String standardId, int version,
                              AttestationCadence cadence, String statement, List<String> evidence,
                              String attestedBy, Instant attestedAt, List<QaFindingView> findings) {

    /** The finding that stands: the latest, or null when no visit has looked at it. */
    public QaFindingView latestFinding() {
        return findings == null || findings.isEmpty() ? null : findings.get(findings.size() - 1);
    }
}
