package org.accord.query.request;

import java.time.Instant;
import java.util.List;

import org.accord.api.request.RequestStatus;
import org.accord.api.standard.Area;
import org.accord.query.shared.Lookup;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A school's request for standardisation as it stands, with its supports; listed a page at a time in the order the
 * trust's requests were raised ({@code position}, from 0 per trust). Every write sets absolute values or adds a
 * support (whose fields come from its event), so a redelivered event changes nothing.
 */
@Lookup(by = "trustId", sortedBy = "position")
@Lookup(by = {"trustId", "status"}, sortedBy = "position")
@Document("requests")
public record RequestDocument(@Id String id, String trustId, Long position, String schoolId, Area area, String title,
                              String reason, RequestStatus status, List<String> routedTeamIds,
                              Boolean routedToExecutive, String raisedBy, Instant raisedAt, List<Support> supports,
                              String teamId, String proposalId, String decidedBy, Instant decidedAt,
                              String declineReason, String standardId) {

    public record Support(String supporterId, String schoolId, String reason, Instant supportedAt) {
    }
}
