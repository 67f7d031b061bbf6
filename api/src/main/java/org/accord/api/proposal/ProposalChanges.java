package org.accord.api.proposal;

import java.time.LocalDate;

import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Applicability;
import org.accord.api.standard.Area;
import org.accord.api.standard.AttestationCadence;

/** The fields a revision changes; a null field stays as it was. */
public record ProposalChanges(String title, Area area, AlignmentLevel alignment, String statement, String rationale,
                              LocalDate effectiveFrom, LocalDate reviewBy, Applicability applicability,
                              AttestationCadence attestationCadence) {

    public ProposalChanges(String title, Area area, AlignmentLevel alignment, String statement, String rationale,
                           LocalDate effectiveFrom, LocalDate reviewBy, Applicability applicability) {
        this(title, area, alignment, statement, rationale, effectiveFrom, reviewBy, applicability, null);
    }

    public ProposalChanges(String title, Area area, AlignmentLevel alignment, String statement, String rationale,
                           LocalDate effectiveFrom, LocalDate reviewBy) {
        this(title, area, alignment, statement, rationale, effectiveFrom, reviewBy, null);
    }

    public ProposalContent applyTo(ProposalContent current) {
        return new ProposalContent(
                title != null ? title : current.title(),
                area != null ? area : current.area(),
                alignment != null ? alignment : current.alignment(),
                statement != null ? statement : current.statement(),
                rationale != null ? rationale : current.rationale(),
                effectiveFrom != null ? effectiveFrom : current.effectiveFrom(),
                reviewBy != null ? reviewBy : current.reviewBy(),
                applicability != null ? applicability : current.applicability(),
                attestationCadence != null ? attestationCadence : current.attestationCadence());
    }
}
