package org.accord.app.request;

import org.accord.api.standard.Area;

public record RaiseRequestInput(String clientMutationId, String trustId, Area area, String title, String reason,
                                Boolean routeToExecutive) {
}
