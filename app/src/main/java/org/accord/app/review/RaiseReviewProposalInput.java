package org.accord.app.review;

import java.time.LocalDate;

import org.accord.api.proposal.ProposalContent;
import org.accord.api.proposal.ProposalKind;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Area;
import org.accord.api.standard.StandardView;
import org.accord.app.standard.AppliesToInput;

/** The draft proposal's fields as for draftProposal; title, area and (to amend) alignment default to the standard's. */
public record RaiseReviewProposalInput(String clientMutationId, String standardId, String teamId, ProposalKind kind,
                                       String title, Area area, AlignmentLevel alignment, String statement,
                                       String rationale, LocalDate effectiveFrom, LocalDate reviewBy,
                                       AppliesToInput appliesTo) {

    /** {@code standard} null (unknown to the caller): nothing defaults, and the command refuses it as unknown. */
    ProposalContent content(StandardView standard) {
        boolean amend = kind == ProposalKind.AMEND_STANDARD;
        return new ProposalContent(title != null || standard == null ? title : standard.title(),
                area != null || standard == null ? area : standard.area(),
                alignment != null || standard == null || !amend ? alignment : standard.alignment(),
                statement, rationale, effectiveFrom, reviewBy, AppliesToInput.toApplicability(appliesTo));
    }
}
