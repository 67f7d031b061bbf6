package org.accord.app.proposal;

import java.time.LocalDate;

import org.accord.api.proposal.ProposalChanges;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Area;
import org.accord.api.standard.AttestationCadence;
import org.accord.app.standard.AppliesToInput;

public record ReviseProposalInput(String clientMutationId, String proposalId, String title, Area area,
                                  AlignmentLevel alignment, String statement, String rationale,
                                  LocalDate effectiveFrom, LocalDate reviewBy, String note, Integer expectedRevision,
                                  AppliesToInput appliesTo, AttestationCadence attestationCadence) {

    ProposalChanges changes() {
        return new ProposalChanges(title, area, alignment, statement, rationale, effectiveFrom, reviewBy,
                AppliesToInput.toApplicability(appliesTo), attestationCadence);
    }
}
