package org.accord.api.request;

import java.time.Instant;
import java.util.List;

import org.accord.api.standard.Area;

/** A request as it stands; {@code standardId} once the proposal drafted from it was adopted. */
public record RequestView(String id, String trustId, String schoolId, Area area, String title, String reason,
                          RequestStatus status, List<String> routedTeamIds, boolean routedToExecutive,
                          String raisedBy, Instant raisedAt, List<RequestSupportView> supports, String teamId,
                          String proposalId, String decidedBy, Instant decidedAt, String declineReason,
                          String standardId) {
}
