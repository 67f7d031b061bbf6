package org.accord.app.platform.failures;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import io.axoniq.axonserver.grpc.ErrorMessage;
import org.axonframework.axonserver.connector.command.AxonServerRemoteCommandHandlingException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.UncategorizedSQLException;

/**
 * A command's events are appended as its unit of work commits, after the interceptor that turns storage failures into
 * UNAVAILABLE has returned: an append that Axon Server did not answer reaches the sending node as a remote handling
 * exception's text only (seen in RealAxonServerIT's outage test as an INTERNAL_ERROR).
 */
class StorageFailureTest {

    @Test
    void an_append_that_axon_server_did_not_answer_on_the_handling_node_is_unavailable_on_the_sending_node() {
        String words = StorageFailure.EVENT_STORE_NO_ANSWER + "PT10S";
        var remote = new AxonServerRemoteCommandHandlingException("AXONIQ-4002", ErrorMessage.newBuilder()
                .setMessage(words).addDetails(words).setLocation("node-a").build());
        var failed = new CommandExecutionException(
                "An exception was thrown by the remote message handling component: " + words, remote);

        assertThat(StorageFailure.describe(failed)).hasValueSatisfying(told -> assertThat(told)
                .contains("cannot be reached").contains("same clientMutationId"));
    }

    @Test
    void an_event_store_that_timed_out_under_a_remote_handler_is_unavailable_on_the_sending_node() {
        String words = "An exception was thrown by the remote message handling component: "
                + "org.axonframework.eventsourcing.eventstore.EventStoreException\nCaused by"
                + " java.util.concurrent.TimeoutException";
        var remote = new AxonServerRemoteCommandHandlingException("AXONIQ-4005", ErrorMessage.newBuilder()
                .setMessage(words).addDetails(words).setLocation("node-a").build());
        var failed = new CommandExecutionException(
                "org.axonframework.eventsourcing.eventstore.EventStoreException", remote);

        assertThat(StorageFailure.describe(failed)).hasValueSatisfying(told -> assertThat(told)
                .contains("cannot be reached").contains("same clientMutationId"));
    }

    @Test
    void any_other_failure_of_a_remote_handler_stays_what_it_is() {
        var remote = new AxonServerRemoteCommandHandlingException("AXONIQ-4002", ErrorMessage.newBuilder()
                .setMessage("NullPointerException in a handler").addDetails("NullPointerException in a handler")
                .setLocation("node-a").build());

        assertThat(StorageFailure.describe(new CommandExecutionException("failed", remote))).isEmpty();
    }

    @Test
    void a_data_folder_busy_with_another_write_is_unavailable_with_the_advice_to_send_again() {
        // as sqlite-jdbc words it, wrapped by Spring's JDBC template (seen refusing one command of a 1M load)
        var busy = new UncategorizedSQLException("PreparedStatementCallback",
                "INSERT INTO chain_head", new SQLException(
                        "[SQLITE_BUSY] The database file is locked (database is locked)", null, 5));

        assertThat(StorageFailure.describe(new CommandExecutionException("failed", busy)))
                .hasValueSatisfying(text -> assertThat(text).contains("busy with another write")
                        .contains("same clientMutationId"));
    }
}
