package org.accord.api.proposal;

import java.time.LocalDate;
import java.util.List;

import org.accord.api.variation.VariationKind;
import org.accord.api.variation.VariationStatus;

/**
 * Which schools a proposal would affect if adopted, and how, reckoned for {@code asOf} (the day it would take
 * effect: its effectiveFrom, or today when it names none or a past one) from the read models as they stand now.
 * {@code schoolsGained} and {@code schoolsLost} are the change in applicability: for a new standard every school it
 * would apply to is gained, for a retirement every school it applied to is lost.
 */
public record ProposalImpactView(String proposalId, ProposalKind kind, LocalDate asOf, List<SchoolImpact> schools,
                                 List<VariationImpact> variations, List<String> schoolsGained,
                                 List<String> schoolsLost) {

    public record SchoolImpact(String schoolId, SchoolImpactEffect effect) {
    }

    public record VariationImpact(String variationId, String schoolId, VariationKind kind, VariationStatus status,
                                  int version, VariationImpactEffect effect) {
    }
}
