package org.accord.app.proposal;

import org.accord.api.proposal.ProposalKind;
import org.accord.app.standard.AdoptedText;

/**
 * What adopting a ratified proposal does to the backbone: checked by the proposal, carried out on the standard.
 * {@code clusterId}: the cluster a new standard is a cluster standard of (null: the whole trust's).
 */
public record AdoptionPlan(String trustId, ProposalKind kind, String standardId, Integer amendsVersion,
                           AdoptedText text, String clusterId) {
}
