package org.accord.app.proposal;

import java.time.LocalDate;

import org.accord.api.proposal.ProposalContent;
import org.accord.api.proposal.ProposalKind;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Area;
import org.accord.api.standard.AttestationCadence;
import org.accord.app.standard.AppliesToInput;

public record DraftProposalInput(String clientMutationId, String teamId, ProposalKind kind, String standardId,
                                 Integer amendsVersion, String title, Area area, AlignmentLevel alignment,
                                 String statement, String rationale, LocalDate effectiveFrom, LocalDate reviewBy,
                                 AppliesToInput appliesTo, AttestationCadence attestationCadence) {

    ProposalContent content() {
        return new ProposalContent(title, area, alignment, statement, rationale, effectiveFrom, reviewBy,
                AppliesToInput.toApplicability(appliesTo), attestationCadence);
    }
}
