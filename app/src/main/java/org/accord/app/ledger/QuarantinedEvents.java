package org.accord.app.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.accord.app.ledger.Verification.Kind;
import org.accord.app.ledger.Verification.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one record of the events kept out of the read models because their link does not verify
 * ({@link QuarantineInterceptor}): which event, of which trust, at which position, and why. Each is logged once as an
 * ERROR, however many projections meet it and however often they replay it; the decision-log check counts each as a
 * problem of its trust (so signing stops until an operator acknowledges it), and health and {@code decisionLogAlert}
 * show them. Kept in memory: a restart finds them again as the projections, or the start-up check, read the store.
 */
public class QuarantinedEvents {

    private static final Logger log = LoggerFactory.getLogger(QuarantinedEvents.class);

    /**
     * An event not projected.
     *
     * @param position the chain position it claims (0 when it claims none)
     * @param kind     what verification calls the same fault (docs/verifiable-log.md)
     * @param reason   a sentence a board member can read
     */
    public record QuarantinedEvent(String eventId, String trustId, long position, Kind kind, String reason,
                                   Instant at) {

        /** The same as a problem of the trust's log. */
        public Problem problem() {
            return new Problem(position, eventId, kind, "event " + eventId + " at position " + position
                    + " is quarantined (not projected into the read models): " + reason);
        }
    }

    private final Map<String, QuarantinedEvent> byEvent = new LinkedHashMap<>();

    /** Records the event, and logs it if it is new; returns whether it was. */
    public boolean record(QuarantinedEvent event) {
        synchronized (byEvent) {
            if (byEvent.putIfAbsent(event.eventId(), event) != null) {
                return false;
            }
        }
        log.error("Decision log of trust '{}': event {} at position {} quarantined, not projected into the read"
                + " models: {}: {}", event.trustId(), event.eventId(), event.position(), event.kind(), event.reason());
        return true;
    }

    /** The trust's quarantined events, in the order they were met. */
    public List<QuarantinedEvent> of(String trustId) {
        synchronized (byEvent) {
            return byEvent.values().stream().filter(e -> trustId.equals(e.trustId())).toList();
        }
    }

    public List<QuarantinedEvent> all() {
        synchronized (byEvent) {
            return new ArrayList<>(byEvent.values());
        }
    }

    public Set<String> trusts() {
        Set<String> trusts = new TreeSet<>();
        all().forEach(e -> trusts.add(e.trustId()));
        return trusts;
    }
}
