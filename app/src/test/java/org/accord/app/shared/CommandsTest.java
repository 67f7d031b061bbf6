package org.accord.app.shared;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.accord.app.platform.failures.Unavailable;
import org.accord.app.platform.readyourwrites.ProjectionCatchUp;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;

/** What a client is told once its change is recorded but the wait for the read models fails. */
class CommandsTest {

    @Test
    void anEventStoreThatCannotTellItsHeadAfterTheChangeIsRecordedIsUnavailableNeverAnInternalError() {
        CommandGateway gateway = mock(CommandGateway.class);
        when(gateway.sendAndWait(any(CommandMessage.class))).thenReturn("recorded");
        ProjectionCatchUp catchUp = mock(ProjectionCatchUp.class);
        // as Axon Server's connector throws it during an outage: no message, no cause Accord knows
        when(catchUp.awaitLatest()).thenThrow(new EventStoreException(null));
        Commands commands = new Commands(gateway, catchUp);

        assertThatThrownBy(() -> commands.send("a command", "person-1", "key-1", "input"))
                .isInstanceOf(Unavailable.class)
                .hasMessageContaining("The change was recorded")
                .hasMessageContaining("Send the mutation again, with the same clientMutationId");
        assertThatThrownBy(() -> commands.send("a command", "person-1", null, "input"))
                .isInstanceOf(Unavailable.class)
                .hasMessageContaining("Do not send it again (it had no clientMutationId)");
    }
}
