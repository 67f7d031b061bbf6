package org.accord.app.config;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the read models' one processor starts when it has no token yet. Until it existed, each projection had a
 * processor of its own, and an upgraded token store still holds their tokens: starting from the first event would
 * replay the whole store into read models that are already there, and hold every mutation (read-your-writes) until it
 * is done. So it starts where the slowest of them stood (the lower bound of all their segments), which every one of
 * them has passed: the faster ones see some events again, which the read models absorb (upserts of absolute values,
 * guards against redelivery). Their tokens are deleted in the same transaction as the new one is stored, where the
 * runtime has one, so that they are never used again: a token store emptied later to force a replay must replay
 * from the start. Without a complete set of their tokens (a new store, an old processor that never stored one, a
 * claim another node still holds) it starts from the first event, as Axon would.
 */
final class UpgradeFromOneProcessorPerProjection
        implements Function<StreamableMessageSource<TrackedEventMessage<?>>, TrackingToken> {

    private static final Logger log = LoggerFactory.getLogger(UpgradeFromOneProcessorPerProjection.class);

    /** The processors of the projections, one each, before they shared one. */
    static final List<String> FORMER_PROCESSORS = List.of("decision-log", "proposal-projection",
            "standard-projection", "team-projection", "trust-projection", "variation-projection");

    private final Supplier<TokenStore> tokenStore;

    UpgradeFromOneProcessorPerProjection(Supplier<TokenStore> tokenStore) {
        this.tokenStore = tokenStore;
    }

    @Override
    public TrackingToken apply(StreamableMessageSource<TrackedEventMessage<?>> source) {
        TokenStore tokens = tokenStore.get();
        TrackingToken lowest = null;
        int found = 0;
        try {
            for (String former : FORMER_PROCESSORS) {
                int[] segments = tokens.fetchSegments(former);
                if (segments.length == 0) {
                    continue;
                }
                found++;
                for (int segment : segments) {
                    TrackingToken token = WrappedToken.unwrapLowerBound(tokens.fetchToken(former, segment));
                    if (token == null) {
                        return fromTheStart(source, former + " has processed no event yet");
                    }
                    lowest = lowest == null ? token : lowest.lowerBound(token);
                }
            }
        } catch (UnableToClaimTokenException e) {
            return fromTheStart(source, "another node still holds a former projection's segment: " + e.getMessage());
        }
        if (found == 0) {
            return source.createTailToken();
        }
        if (found < FORMER_PROCESSORS.size()) {
            return fromTheStart(source, "only " + found + " of the " + FORMER_PROCESSORS.size()
                    + " former projections had a token");
        }
        for (String former : FORMER_PROCESSORS) {
            for (int segment : tokens.fetchSegments(former)) {
                tokens.deleteToken(former, segment);
            }
        }
        log.info("The read models' projections now share one processor; it goes on from event {}, where the slowest"
                + " of their former processors stood", lowest.position().orElse(-1));
        return lowest;
    }

    private static TrackingToken fromTheStart(StreamableMessageSource<TrackedEventMessage<?>> source, String why) {
        log.warn("The read models' processor replays every event into the read models there are ({})", why);
        return source.createTailToken();
    }
}
