package org.accord.query.proposal;

import java.util.List;
import java.util.Map;

import org.accord.api.proposal.ProposalStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A trust's proposals in the order they were drafted, with each one's team and status: paging and filtering a
 * trust's proposals is one key lookup and a walk through this list, not a scan of every trust's proposals (which is
 * all mongo-java-server could do with a filter on trustId). Entries only ever append, so a position is a stable
 * cursor.
 */
@Document("proposal_index")
public record ProposalIndexDocument(@Id String trustId, List<Entry> entries, Map<String, ProposalStatus> statuses) {

    public record Entry(String proposalId, String teamId) {
    }

    public List<Entry> entries() {
        return entries == null ? List.of() : entries;
    }

    public Map<String, ProposalStatus> statuses() {
        return statuses == null ? Map.of() : statuses;
    }
}
