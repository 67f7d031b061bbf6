package org.accord.app.ledger;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * Everything an event's link hash covers: its place in the trust's chain, the hash it builds on, its identity, its
 * type and payload, who did it and when it was recorded. Personal data is never in an event, so erasing a person's
 * details changes no link.
 */
public record ChainLink(String trustId, long position, String previousHash, String eventId, String aggregateType,
                        String aggregateId, long sequence, String payloadType, JsonNode payload, String actor,
                        Instant timestamp) {
}
