package org.accord.query.standard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Applicability;
import org.accord.api.standard.Area;
import org.accord.api.standard.AttestationCadence;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * {@code clusterId}: a cluster standard's cluster (adopted by its lead under the decision-rights map), which it
 * applies to on top of each version's applicability; null for a trust standard.
 * <p>
 * A standard and all its versions, each with its valid time (effectiveFrom) and record time (adoptedAt). The versions
 * are bounded by the standard: one per adopted amendment, a few a year, and the rules in force read them whole.
 */
@Document("standards")
public record StandardDocument(@Id String id, String trustId, List<VersionEntry> versions, LocalDate retiredOn,
                               Instant retiredAt, String retiredBy, String retireProposalId, String clusterId) {

    /** A trust standard (not a cluster's). */
    public StandardDocument(String id, String trustId, List<VersionEntry> versions, LocalDate retiredOn,
                            Instant retiredAt, String retiredBy, String retireProposalId) {
        this(id, trustId, versions, retiredOn, retiredAt, retiredBy, retireProposalId, null);
    }

    public record VersionEntry(int number, String title, Area area, AlignmentLevel alignment, String statement,
                               LocalDate effectiveFrom, LocalDate reviewBy, String proposalId, String adoptedBy,
                               Instant adoptedAt, Applicability applicability, AttestationCadence attestationCadence) {

        public VersionEntry(int number, String title, Area area, AlignmentLevel alignment, String statement,
                            LocalDate effectiveFrom, LocalDate reviewBy, String proposalId, String adoptedBy,
                            Instant adoptedAt, Applicability applicability) {
            this(number, title, area, alignment, statement, effectiveFrom, reviewBy, proposalId, adoptedBy, adoptedAt,
                    applicability, null);
        }

        /** Never null: absent on versions adopted before applicability existed, which apply to every school. */
        public Applicability applicability() {
            return Applicability.of(applicability);
        }

        /** Never null: absent on versions adopted before cadences existed, which ask for no attestation. */
        public AttestationCadence attestationCadence() {
            return AttestationCadence.of(attestationCadence);
        }
    }

    public List<VersionEntry> versions() {
        return versions == null ? List.of() : versions;
    }
}
