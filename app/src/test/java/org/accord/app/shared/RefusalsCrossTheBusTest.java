package org.accord.app.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.accord.api.shared.DomainException;
import org.accord.app.platform.failures.Unavailable;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

/**
 * A refusal's details survive what Axon Server does to them (serialised on the handling node, read back on the
 * sending one) and become the refusal again, so a client meets the same classification and words in both modes.
 * The whole path against a real Axon Server is RealAxonServerIT's.
 */
class RefusalsCrossTheBusTest {

    private final Serializer serializer = Jackson3Serializer.builder().build();

    private RuntimeException acrossTheBus(CommandRefusal refusal) {
        SerializedObject<byte[]> sent = serializer.serialize(refusal, byte[].class);
        Object received = serializer.deserialize(sent);
        // what the sending node holds: the message and the details, no cause
        return RefusalsCrossTheBus.carriedBy(new CommandExecutionException(refusal.message(), null, received))
                .orElseThrow();
    }

    @Test
    void aForbiddenRefusalArrivesAsTheSameDomainRefusal() {
        RuntimeException arrived = acrossTheBus(new CommandRefusal("FORBIDDEN",
                "only a trust executive may register a school"));
        assertThat(arrived).isInstanceOf(DomainException.class)
                .hasMessage("only a trust executive may register a school");
        assertThat(((DomainException) arrived).kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
    }

    @Test
    void everyKindOfRefusalKeepsItsKind() {
        for (DomainException.Kind kind : DomainException.Kind.values()) {
            RuntimeException arrived = acrossTheBus(new CommandRefusal(kind.name(), "words"));
            assertThat(((DomainException) arrived).kind()).isEqualTo(kind);
        }
    }

    @Test
    void anUnavailableStoreArrivesAsUnavailableWithItsAdvice() {
        RuntimeException arrived = acrossTheBus(new CommandRefusal(CommandRefusal.UNAVAILABLE,
                "the disk is full. Send the mutation again, with the same clientMutationId"));
        assertThat(arrived).isInstanceOf(Unavailable.class).hasMessageContaining("same clientMutationId");
    }

    @Test
    void aFailureWithoutRefusalDetailsIsNotTakenForARefusal() {
        assertThat(RefusalsCrossTheBus.carriedBy(new CommandExecutionException("boom", null, null))).isEmpty();
        assertThat(RefusalsCrossTheBus.carriedBy(new CommandExecutionException("boom", null, "other details")))
                .isEmpty();
    }
}
