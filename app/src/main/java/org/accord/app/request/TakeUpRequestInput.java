package org.accord.app.request;

import java.time.LocalDate;

import org.accord.api.proposal.ProposalContent;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Area;
import org.accord.api.standard.AttestationCadence;
import org.accord.app.standard.AppliesToInput;

/** The draft proposal's fields as for draftProposal; title and area default to the request's. */
public record TakeUpRequestInput(String clientMutationId, String requestId, String teamId, String title, Area area,
                                 AlignmentLevel alignment, String statement, String rationale,
                                 LocalDate effectiveFrom, LocalDate reviewBy, AppliesToInput appliesTo, AttestationCadence attestationCadence) {

    ProposalContent content() {
        return new ProposalContent(title, area, alignment, statement, rationale, effectiveFrom, reviewBy,
                AppliesToInput.toApplicability(appliesTo), attestationCadence);
    }
}
