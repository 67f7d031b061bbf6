package org.accord.api.standard;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A version of a standard; {@code applicability} is never null here (absent on the event: every school), nor is
 * {@code attestationCadence} (absent: NONE).
 */
public record StandardVersionView(String standardId, int number, String title, Area area, AlignmentLevel alignment,
                                  String statement, LocalDate effectiveFrom, LocalDate reviewBy, String proposalId,
                                  String adoptedBy, Instant adoptedAt, Applicability applicability,
                                  AttestationCadence attestationCadence) {

    public StandardVersionView {
        applicability = Applicability.of(applicability);
        attestationCadence = AttestationCadence.of(attestationCadence);
    }

    public StandardVersionView(String standardId, int number, String title, Area area, AlignmentLevel alignment,
                               String statement, LocalDate effectiveFrom, LocalDate reviewBy, String proposalId,
                               String adoptedBy, Instant adoptedAt, Applicability applicability) {
        this(standardId, number, title, area, alignment, statement, effectiveFrom, reviewBy, proposalId, adoptedBy,
                adoptedAt, applicability, null);
    }

    public StandardVersionView(String standardId, int number, String title, Area area, AlignmentLevel alignment,
                               String statement, LocalDate effectiveFrom, LocalDate reviewBy, String proposalId,
                               String adoptedBy, Instant adoptedAt) {
        this(standardId, number, title, area, alignment, statement, effectiveFrom, reviewBy, proposalId, adoptedBy,
                adoptedAt, null);
    }
}
