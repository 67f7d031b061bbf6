package org.accord.app.request;

import org.accord.api.request.RequestView;

public record SupportRequestPayload(String clientMutationId, RequestView request) {
}
