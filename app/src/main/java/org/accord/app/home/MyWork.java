package org.accord.app.home;

import java.time.LocalDate;
import java.util.List;

import org.accord.api.proposal.ProposalView;
import org.accord.api.standard.StandardView;
import org.accord.api.variation.VariationView;
import org.accord.app.attestation.ComplianceCell;

/**
 * What needs one person now, as the home page shows it: each list is empty where the person's roles give them none
 * of that work. {@code asOf} is the day the due dates were reckoned against.
 */
public record MyWork(List<ProposalView> votesToCast, List<ProposalView> proposalsToAdopt,
                     List<VariationView> exceptionsToDecide,
                     List<VariationView> variationsToReaffirm, List<VariationView> variationsDue,
                     List<StandardView> standardsDueForReview, List<ComplianceCell> attestationsDue,
                     LocalDate asOf) {
}
