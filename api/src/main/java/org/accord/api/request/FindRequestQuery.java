package org.accord.api.request;

public record FindRequestQuery(String requestId) {
}
