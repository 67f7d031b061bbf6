package org.accord.api.request;

/** A page of a trust's requests, oldest first, by status if asked. */
public record FindRequestsQuery(String trustId, RequestStatus status, int first, String after) {
}
