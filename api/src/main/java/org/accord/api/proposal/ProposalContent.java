package org.accord.api.proposal;

import java.time.LocalDate;

import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Applicability;
import org.accord.api.standard.Area;
import org.accord.api.standard.AttestationCadence;

/**
 * What a proposal says, as of one revision. {@code applicability} is which schools the standard will apply to: null
 * on a new standard means every school (and on events recorded before applicability existed); null on an amendment
 * keeps the applicability of the version it amends. {@code attestationCadence} likewise: null on a new standard is
 * NONE (and on events recorded before cadences existed), null on an amendment keeps the amended version's.
 */
public record ProposalContent(String title, Area area, AlignmentLevel alignment, String statement, String rationale,
                              LocalDate effectiveFrom, LocalDate reviewBy, Applicability applicability,
                              AttestationCadence attestationCadence) {

    public ProposalContent(String title, Area area, AlignmentLevel alignment, String statement, String rationale,
                           LocalDate effectiveFrom, LocalDate reviewBy, Applicability applicability) {
        this(title, area, alignment, statement, rationale, effectiveFrom, reviewBy, applicability, null);
    }

    public ProposalContent(String title, Area area, AlignmentLevel alignment, String statement, String rationale,
                           LocalDate effectiveFrom, LocalDate reviewBy) {
        this(title, area, alignment, statement, rationale, effectiveFrom, reviewBy, null);
    }
}
