package org.accord.app.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.accord.api.proposal.Tally;
import org.accord.api.proposal.VotingClosedEvent;
import org.accord.api.proposal.VotingOutcome;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

/** Votes closed before delegations existed are stored without a tally's "delegated": they read as none delegated. */
class TallyStoredBeforeDelegationsTest {

    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();

    @Test
    void aVotingClosedEventStoredBeforeDelegationsReadsAsNoneDelegated() {
        String stored = "{\"proposalId\":\"p-1\",\"trustId\":\"t\",\"teamId\":\"team\",\"outcome\":\"RATIFIED\","
                + "\"tally\":{\"approve\":3,\"object\":1,\"abstain\":0,\"recused\":0,\"eligible\":4},"
                + "\"closedAt\":\"2025-03-05T10:00:00Z\",\"atDeadline\":false,\"closedBy\":\"c\"}";
        SerializedObject<byte[]> serialized = new SimpleSerializedObject<>(stored.getBytes(StandardCharsets.UTF_8),
                byte[].class, new SimpleSerializedType(VotingClosedEvent.class.getName(), null));
        VotingClosedEvent event = serializer.deserialize(serialized);
        assertThat(event.outcome()).isEqualTo(VotingOutcome.RATIFIED);
        assertThat(event.tally()).isEqualTo(new Tally(3, 1, 0, 0, 4, 0));
    }

    @Test
    void aTallyWithDelegatedVotesSurvivesTheRoundTrip() {
        VotingClosedEvent closed = new VotingClosedEvent("p-1", "t", "team", VotingOutcome.RATIFIED,
                new Tally(2, 0, 0, 0, 4, 1), java.time.Instant.parse("2025-03-05T10:00:00Z"), false, "c");
        VotingClosedEvent read = serializer.deserialize(serializer.serialize(closed, byte[].class));
        assertThat(read).isEqualTo(closed);
    }
}
