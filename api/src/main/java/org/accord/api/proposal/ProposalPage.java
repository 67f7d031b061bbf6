package org.accord.api.proposal;

import java.util.List;

/** One page of proposals; {@code cursors.get(i)} is the cursor of {@code proposals.get(i)}. */
public record ProposalPage(List<ProposalView> proposals, List<String> cursors, boolean hasNextPage) {
}
