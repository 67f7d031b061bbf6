package org.accord.app.platform.failures;

import java.util.Optional;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.slf4j.Logger;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Failures of the storage under Accord rather than of a request: the data folder's disk full, read-only or failing,
 * Axon Server or the read models' store not answering. Each is told in words a client can act on. The advice is
 * always to send the mutation again with the same {@code clientMutationId}: if it was recorded after all, that
 * returns its outcome instead of recording it twice.
 */
public final class StorageFailure {

    private static final String RESEND = " Send the mutation again, with the same clientMutationId, ";

    /**
     * How the production event store's client words an append or read that Axon Server did not answer in time. A
     * command's events are appended as its unit of work commits, after every handler interceptor has returned, so a
     * timeout there reaches the sending node only as the text of a remote handling exception: this is how it is known.
     */
    public static final String EVENT_STORE_NO_ANSWER = "Axon Server did not answer within ";

    /**
     * The event store failing under a command handler (reading the aggregate's events, appending new ones), as the
     * sending node learns it through Axon Server, in the text of a remote handling exception: "... EventStoreException / Caused by
     * java.util.concurrent.TimeoutException" (RealAxonServerIT's outage test, AXONIQ-4005). Never a client's error.
     */
    static final String EVENT_STORE_EXCEPTION = "org.axonframework.eventsourcing.eventstore.EventStoreException";

    private StorageFailure() {
    }

    /** What the failure means for the client, when it is one of these; empty for anything else. */
    public static Optional<String> describe(Throwable thrown) {
        Throwable t = thrown;
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Unavailable unavailable) {
                return Optional.of(unavailable.getMessage());
            }
            String message = String.valueOf(t.getMessage());
            if (eventStoreUnreachable(t)) {
                return Optional.of("Accord's event store (Axon Server) cannot be reached at the moment, so the"
                        + " mutation may not have been recorded." + RESEND + "once it is back (Accord reconnects"
                        + " by itself): if it was recorded after all, that returns its outcome instead of recording"
                        + " it twice.");
            }
            if (message.contains("SQLITE_FULL") || message.contains("No space left on device")) {
                return Optional.of("Accord could not write to its data folder: the disk is full, and nothing was"
                        + " recorded." + RESEND + "once space has been freed.");
            }
            if (message.contains("SQLITE_READONLY") || message.contains("Read-only file system")) {
                return Optional.of("Accord could not write to its data folder: it is read-only, and nothing was"
                        + " recorded." + RESEND + "once it is writable again.");
            }
            if (message.contains("SQLITE_BUSY")) {
                // a command's transaction that read and then found the file's write lock taken, or newer writes
                return Optional.of("Accord's data folder was busy with another write at that moment, and the"
                        + " mutation was not recorded." + RESEND + "now: if it was recorded after all, you get its"
                        + " outcome.");
            }
            if (message.contains("SQLITE_IOERR") || message.contains("SQLITE_CANTOPEN")) {
                return Optional.of("Accord could not write to its data folder: the disk reported an error ("
                        + sqliteCode(message) + ")." + RESEND + "later: if it was recorded after all, you get its"
                        + " outcome.");
            }
            if (t instanceof MongoTimeoutException || t instanceof MongoSocketException
                    || t instanceof DataAccessResourceFailureException) {
                return Optional.of("The read models are not available for a moment (their store is not answering);"
                        + " try again shortly. A mutation sent just now may have been recorded:" + RESEND
                        + "to learn its outcome.");
            }
        }
        return Optional.empty();
    }

    /**
     * Logs a write the store refused as an operator needs it: what the store itself said (its innermost cause, with
     * the SQLite or Axon code) at WARN, the failure in full at DEBUG. The client is told only what it means.
     */
    public static void logRefused(Logger log, String what, Throwable failed) {
        log.warn("{} was not recorded: {}", what, rootOf(failed).toString());
        log.debug("{}: the failure in full", what, failed);
    }

    /** The innermost cause: what the store itself said. */
    static Throwable rootOf(Throwable failed) {
        Throwable root = failed;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 32; depth++) {
            root = root.getCause();
        }
        return root;
    }

    /**
     * Axon Server not answering, as the connector and Axon's command bus report it: the connection refused or lost,
     * no node connected to take the command, a dispatch that could not be sent. Told by class name, so that this
     * plumbing shared by both modes does not need the connector on its class path.
     */
    private static boolean eventStoreUnreachable(Throwable t) {
        String type = t.getClass().getName();
        return type.startsWith("org.axonframework.axonserver.connector.")
                && (type.endsWith("DispatchException") || type.endsWith(".AxonServerException")
                || type.endsWith("EventStoreClientException"))
                || type.equals("org.axonframework.commandhandling.NoHandlerForCommandException")
                || type.equals("org.axonframework.commandhandling.distributed.CommandDispatchException")
                || type.equals("io.grpc.StatusRuntimeException") || type.equals("io.grpc.StatusException")
                || type.startsWith("io.axoniq.axonserver.connector.") && type.endsWith("Exception")
                || type.startsWith("org.axonframework.axonserver.connector.")
                && type.endsWith("RemoteCommandHandlingException")
                && (String.valueOf(t.getMessage()).contains(EVENT_STORE_NO_ANSWER)
                || String.valueOf(t.getMessage()).contains(EVENT_STORE_EXCEPTION));
    }

    /** "SQLITE_IOERR_WRITE" out of sqlite-jdbc's "[SQLITE_IOERR_WRITE] Some kind of disk I/O error…". */
    private static String sqliteCode(String message) {
        int start = message.indexOf("SQLITE_");
        int end = start;
        while (end < message.length() && (Character.isUpperCase(message.charAt(end)) || message.charAt(end) == '_')) {
            end++;
        }
        return message.substring(start, end);
    }
}
