package org.accord.api.proposal;

import java.time.LocalDate;

import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Area;

/** What a proposal says, as of one revision. */
public record ProposalContent(String title, Area area, AlignmentLevel alignment, String statement, String rationale,
                              LocalDate effectiveFrom, LocalDate reviewBy) {
}
