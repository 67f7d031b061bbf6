package org.accord.app.ledger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.accord.app.ledger.QuarantinedEvents.QuarantinedEvent;
import org.axonframework.eventhandling.EventMessage;

/**
 * Link checks made ahead of the projections: while a projection catches up (a rebuild, a start after a long stop),
 * the store's reader checks each event's link as it reads it, on a thread of its own, and the projection's
 * {@link QuarantineInterceptor} takes the verdict instead of checking again. The check is the same
 * ({@link ChainLinkCheck}), and its verdict depends on the store alone, so a verdict reached ahead is the one the
 * projection would reach.
 * <p>
 * Why: a catch-up runs on one thread, and the check was about a tenth of its time while the second core sat idle
 * (docs/benchmarks.md, session 31).
 * <p>
 * A verdict is taken only for the very message it was reached on (the same payload object, not merely the same
 * event id): a message read again, by another stream or after a change to the store, is checked afresh. Verdicts no
 * projection takes (events no handler of the processor wants) are forgotten oldest first.
 */
public class LinkVerdictsAhead {

    private final ChainLinkCheck check;
    private final Map<String, Verdict> verdicts;

    private record Verdict(Object payload, Optional<QuarantinedEvent> refused) {
    }

    /**
     * @param check a check of its own: it remembers where the reader is, not where any projection is
     * @param kept  how many verdicts to keep at most: more than a batch of the processor plus what the reader holds
     *              ahead of it
     */
    public LinkVerdictsAhead(ChainLinkCheck check, int kept) {
        this.check = check;
        this.verdicts = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Verdict> eldest) {
                return size() > kept;
            }
        };
    }

    /**
     * Checks the event as the reader reads it. A check that fails here (the payload cannot be read, the store is
     * away) leaves no verdict: the projection checks the event itself, and meets the failure where it belongs.
     */
    public void reachAhead(EventMessage<?> event) {
        Verdict verdict;
        try {
            verdict = new Verdict(event.getPayload(), check.check(event));
        } catch (RuntimeException e) {
            return;
        }
        synchronized (verdicts) {
            verdicts.put(event.getIdentifier(), verdict);
        }
    }

    /** The verdict reached ahead on this very message, if there is one; otherwise the projection's own check's. */
    Optional<QuarantinedEvent> verdictOn(EventMessage<?> event, ChainLinkCheck own) {
        Verdict ahead;
        synchronized (verdicts) {
            ahead = verdicts.remove(event.getIdentifier());
        }
        if (ahead != null && ahead.payload() == event.getPayload()) {
            return ahead.refused();
        }
        return own.check(event);
    }
}
