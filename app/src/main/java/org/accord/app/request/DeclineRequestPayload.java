package org.accord.app.request;

import org.accord.api.request.RequestView;

public record DeclineRequestPayload(String clientMutationId, RequestView request) {
}
