package org.accord.app.request;

import org.accord.api.request.RequestView;

public record RaiseRequestPayload(String clientMutationId, RequestView request) {
}
