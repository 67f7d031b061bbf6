package org.accord.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

class UpgradeFromOneProcessorPerProjectionTest {

    private static final TrackingToken TAIL = new GlobalSequenceTrackingToken(-1);

    private final InMemoryTokenStore tokens = new InMemoryTokenStore();
    private final UpgradeFromOneProcessorPerProjection upgrade = new UpgradeFromOneProcessorPerProjection(() -> tokens);

    @Test
    void aNewTokenStoreStartsFromTheFirstEvent() {
        assertThat(upgrade.apply(new Source())).isSameAs(TAIL);
    }

    @Test
    void anUpgradedTokenStoreGoesOnFromTheSlowestFormerProcessorAndForgetsThem() {
        for (String former : UpgradeFromOneProcessorPerProjection.FORMER_PROCESSORS) {
            tokens.initializeTokenSegments(former, 2, new GlobalSequenceTrackingToken(500));
        }
        tokens.storeToken(new GlobalSequenceTrackingToken(420), "decision-log", 1);
        tokens.storeToken(new GlobalSequenceTrackingToken(730), "trust-projection", 0);

        assertThat(upgrade.apply(new Source())).isEqualTo(new GlobalSequenceTrackingToken(420));
        assertThat(UpgradeFromOneProcessorPerProjection.FORMER_PROCESSORS)
                .allSatisfy(former -> assertThat(tokens.fetchSegments(former)).as(former).isEmpty());
    }

    @Test
    void aFormerProcessorInTheMiddleOfAReplayCountsWhereItHadGot() {
        for (String former : UpgradeFromOneProcessorPerProjection.FORMER_PROCESSORS) {
            tokens.initializeTokenSegments(former, 1, new GlobalSequenceTrackingToken(900));
        }
        tokens.storeToken(ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(900),
                new GlobalSequenceTrackingToken(300)), "proposal-projection", 0);

        assertThat(upgrade.apply(new Source())).isEqualTo(new GlobalSequenceTrackingToken(300));
    }

    @Test
    void aFormerProcessorThatHadProcessedNothingMeansAReplayFromTheFirstEvent() {
        for (String former : UpgradeFromOneProcessorPerProjection.FORMER_PROCESSORS) {
            tokens.initializeTokenSegments(former, 1, new GlobalSequenceTrackingToken(900));
        }
        tokens.storeToken(null, "team-projection", 0);

        assertThat(upgrade.apply(new Source())).isSameAs(TAIL);
    }

    @Test
    void aMissingFormerProcessorMeansAReplayFromTheFirstEvent() {
        tokens.initializeTokenSegments("trust-projection", 1, new GlobalSequenceTrackingToken(900));

        assertThat(upgrade.apply(new Source())).isSameAs(TAIL);
        assertThat(tokens.fetchSegments("trust-projection")).hasSize(1);
    }

    @Test
    void aFormerSegmentClaimedByAnotherNodeMeansAReplayFromTheFirstEvent() {
        InMemoryTokenStore claimed = new InMemoryTokenStore() {
            @Override
            public TrackingToken fetchToken(String processorName, int segment) {
                throw new UnableToClaimTokenException("held by node-2");
            }
        };
        for (String former : UpgradeFromOneProcessorPerProjection.FORMER_PROCESSORS) {
            claimed.initializeTokenSegments(former, 1, new GlobalSequenceTrackingToken(900));
        }

        assertThat(new UpgradeFromOneProcessorPerProjection(() -> claimed).apply(new Source())).isSameAs(TAIL);
    }

    /** An event store whose first event is after {@link #TAIL}. */
    private static final class Source implements StreamableMessageSource<TrackedEventMessage<?>> {

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TrackingToken createTailToken() {
            return TAIL;
        }

        @Override
        public TrackingToken createHeadToken() {
            throw new UnsupportedOperationException();
        }

        @Override
        public TrackingToken createTokenAt(Instant dateTime) {
            throw new UnsupportedOperationException();
        }
    }
}
