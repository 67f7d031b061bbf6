package org.accord.api.request;

import org.accord.api.standard.Area;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A head or a member of staff asks for standardisation in an area. {@code routeToExecutive}: where no team's remit
 * covers the area, the raiser must say the request may go to the trust executive instead.
 */
public record RaiseRequestCommand(@TargetAggregateIdentifier String requestId, String trustId, Area area,
                                  String title, String reason, boolean routeToExecutive) {
}
