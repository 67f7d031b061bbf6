package org.accord.api.proposal;

import java.time.LocalDate;

import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Applicability;
import org.accord.api.standard.Area;

/**
 * What a proposal says, as of one revision. {@code applicability} is which schools the standard will apply to: null
 * on a new standard means every school (and on events recorded before applicability existed); null on an amendment
 * keeps the applicability of the version it amends.
 */
public record ProposalContent(String title, Area area, AlignmentLevel alignment, String statement, String rationale,
                              LocalDate effectiveFrom, LocalDate reviewBy, Applicability applicability) {

    public ProposalContent(String title, Area area, AlignmentLevel alignment, String statement, String rationale,
                           LocalDate effectiveFrom, LocalDate reviewBy) {
        this(title, area, alignment, statement, rationale, effectiveFrom, reviewBy, null);
    }
}
