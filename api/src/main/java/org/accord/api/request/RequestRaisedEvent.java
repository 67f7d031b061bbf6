package org.accord.api.request;

import java.time.Instant;
import java.util.List;

import org.accord.api.standard.Area;

/** A request for standardisation, routed to every team whose remit covers its area, or else to the trust executive. */
public record RequestRaisedEvent(String requestId, String trustId, String schoolId, Area area, String title,
                                 String reason, List<String> routedTeamIds, boolean routedToExecutive,
                                 String raisedBy, Instant raisedAt) {
}
