package org.accord.query.proposal;

import java.util.ArrayList;
import java.util.List;

import org.accord.api.proposal.ProposalImpactView;
import org.accord.api.proposal.ProposalKind;
import org.accord.api.proposal.SchoolImpactEffect;
import org.accord.api.proposal.VariationImpactEffect;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Applicability;
import org.accord.api.trust.SchoolPhase;
import org.accord.api.variation.VariationKind;
import org.accord.api.variation.VariationStatus;

/**
 * What a proposal would do to each school if adopted: pure, from the schools as they would stand on the day it takes
 * effect, the standard's current version (for an amendment or a retirement) and the standard's open variations.
 * <ul>
 *   <li>A new standard: each school it would apply to must comply (REQUIRED), must record an implementation
 *       (ADAPTABLE) or may follow it (GUIDANCE); all of them are gained.</li>
 *   <li>An amendment: each school it would apply to as above, except that a school with an open variation must
 *       re-justify it (every open variation is pinned to the version amended), unless the new version is GUIDANCE,
 *       which needs none; a school the current version covers and the amendment would not is lost (the standard no
 *       longer applies to it, and its variation is no longer needed); one it would newly cover is gained.</li>
 *   <li>A retirement: the standard ends for each school it applies to (all lost), and every open variation ends.</li>
 * </ul>
 * An amendment that names no applicability keeps the current version's; one that names no alignment keeps its
 * alignment. An amendment or retirement of a cluster standard concerns only the schools of its cluster.
 */
public final class ProposalImpact {

    /** A school as it would stand on the day the proposal takes effect. */
    public record School(String id, SchoolPhase phase, String clusterId) {
    }

    /** An open variation (requested, recorded or approved) of the standard amended or retired. */
    public record Variation(String id, String schoolId, VariationKind kind, VariationStatus status, int version) {
    }

    /**
     * The standard's current version: what an amendment changes, or a retirement ends. {@code clusterId}: a cluster
     * standard's cluster, which every version of it applies to only (null: a standard of the whole trust).
     */
    public record CurrentVersion(int number, AlignmentLevel alignment, Applicability applicability,
                                 String clusterId) {

        public CurrentVersion(int number, AlignmentLevel alignment, Applicability applicability) {
            this(number, alignment, applicability, null);
        }
    }

    private ProposalImpact() {
    }

    public static ProposalImpactView reckon(String proposalId, ProposalKind kind, AlignmentLevel alignment,
                                            Applicability proposed, CurrentVersion current, List<School> schools,
                                            List<Variation> openVariations, java.time.LocalDate asOf) {
        Applicability now = current == null ? null : Applicability.of(current.applicability());
        Applicability then = switch (kind) {
            case RETIRE_STANDARD -> null;
            case AMEND_STANDARD -> proposed != null ? proposed : now;
            case NEW_STANDARD -> Applicability.of(proposed);
        };
        AlignmentLevel level = alignment != null ? alignment : current != null ? current.alignment() : null;

        List<ProposalImpactView.SchoolImpact> affected = new ArrayList<>();
        List<String> gained = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        String cluster = current == null ? null : current.clusterId();
        for (School school : schools) {
            boolean coveredNow = covers(now, school, cluster);
            boolean coveredThen = covers(then, school, cluster);
            boolean varies = openVariations.stream().anyMatch(v -> v.schoolId().equals(school.id()));
            if (coveredThen && !coveredNow) {
                gained.add(school.id());
            }
            if (coveredNow && !coveredThen) {
                lost.add(school.id());
            }
            SchoolImpactEffect effect;
            if (kind == ProposalKind.RETIRE_STANDARD) {
                effect = coveredNow ? SchoolImpactEffect.STANDARD_ENDS : null;
            } else if (!coveredThen) {
                effect = coveredNow ? SchoolImpactEffect.NO_LONGER_APPLIES : null;
            } else if (level == AlignmentLevel.GUIDANCE) {
                effect = SchoolImpactEffect.MAY_FOLLOW;
            } else if (kind == ProposalKind.AMEND_STANDARD && varies) {
                effect = SchoolImpactEffect.MUST_REJUSTIFY;
            } else {
                effect = level == AlignmentLevel.REQUIRED ? SchoolImpactEffect.MUST_COMPLY
                        : SchoolImpactEffect.MUST_RECORD_IMPLEMENTATION;
            }
            if (effect != null) {
                affected.add(new ProposalImpactView.SchoolImpact(school.id(), effect));
            }
        }

        List<ProposalImpactView.VariationImpact> variations = new ArrayList<>();
        if (kind != ProposalKind.NEW_STANDARD) {
            for (Variation v : openVariations) {
                School school = schools.stream().filter(s -> s.id().equals(v.schoolId())).findFirst().orElse(null);
                VariationImpactEffect effect = kind == ProposalKind.RETIRE_STANDARD ? VariationImpactEffect.ENDS
                        : school == null || !covers(then, school, cluster) || level == AlignmentLevel.GUIDANCE
                        ? VariationImpactEffect.NO_LONGER_NEEDED
                        : VariationImpactEffect.NEEDS_REJUSTIFICATION;
                variations.add(new ProposalImpactView.VariationImpact(v.id(), v.schoolId(), v.kind(), v.status(),
                        v.version(), effect));
            }
        }
        return new ProposalImpactView(proposalId, kind, asOf, affected, variations, gained, lost);
    }

    private static boolean covers(Applicability applicability, School school, String standardCluster) {
        return applicability != null && applicability.covers(school.id(), school.phase(), school.clusterId())
                && (standardCluster == null || standardCluster.equals(school.clusterId()));
    }
}
