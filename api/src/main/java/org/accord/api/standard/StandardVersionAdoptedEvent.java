package org.accord.api.standard;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A version of a standard entered the backbone: version 1 creates the standard, later ones amend it. In force from
 * {@code effectiveFrom} (valid time); part of the record from {@code adoptedAt} (record time). {@code applicability}
 * is which schools the version applies to; null (every event recorded before applicability existed) means every
 * school of the trust. {@code attestationCadence}: how often schools confirm they meet it; null (every event recorded
 * before cadences existed) means NONE.
 */
public record StandardVersionAdoptedEvent(String standardId, String trustId, int version, String title, Area area,
                                          AlignmentLevel alignment, String statement, LocalDate effectiveFrom,
                                          LocalDate reviewBy, String proposalId, String adoptedBy,
                                          Instant adoptedAt, Applicability applicability,
                                          AttestationCadence attestationCadence) {

    public StandardVersionAdoptedEvent(String standardId, String trustId, int version, String title, Area area,
                                       AlignmentLevel alignment, String statement, LocalDate effectiveFrom,
                                       LocalDate reviewBy, String proposalId, String adoptedBy, Instant adoptedAt,
                                       Applicability applicability) {
        this(standardId, trustId, version, title, area, alignment, statement, effectiveFrom, reviewBy, proposalId,
                adoptedBy, adoptedAt, applicability, null);
    }

    public StandardVersionAdoptedEvent(String standardId, String trustId, int version, String title, Area area,
                                       AlignmentLevel alignment, String statement, LocalDate effectiveFrom,
                                       LocalDate reviewBy, String proposalId, String adoptedBy, Instant adoptedAt) {
        this(standardId, trustId, version, title, area, alignment, statement, effectiveFrom, reviewBy, proposalId,
                adoptedBy, adoptedAt, null);
    }
}
