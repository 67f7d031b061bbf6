package org.accord.app.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

import com.mongodb.MongoTimeoutException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;

/** Failures of the storage under Accord reach the client as UNAVAILABLE, with words that say what to do. */
class StorageFailuresAsUnavailableTest {

    @Test
    void aFullDiskUnderTheEventStoreIsToldAsAFullDiskWithNothingRecorded() {
        Throwable thrown = new TransactionSystemException("could not commit",
                new SQLException("[SQLITE_FULL] Insertion failed because database is full (database or disk is"
                        + " full)", null, 13));

        DomainErrorResolver.Refusal refusal = DomainErrorResolver.refusal(thrown);

        assertThat(refusal.type()).isEqualTo(UnavailableErrorType.UNAVAILABLE);
        assertThat(refusal.message()).contains("the disk is full").contains("nothing was recorded")
                .contains("same clientMutationId");
    }

    @Test
    void theOperatingSystemsNoSpaceLeftIsToldTheSameWayHoweverDeeplyItIsWrapped() {
        Throwable thrown = new CommandExecutionException("failed", new EventStoreException("append failed",
                new UncheckedIOException(new IOException("No space left on device"))));

        assertThat(DomainErrorResolver.refusal(thrown).message()).contains("the disk is full");
    }

    @Test
    void aReadOnlyDataFolderIsToldAsReadOnly() {
        Throwable thrown = new RuntimeException(new SQLException("[SQLITE_READONLY] Attempt to write a readonly"
                + " database (attempt to write a readonly database)", null, 8));

        DomainErrorResolver.Refusal refusal = DomainErrorResolver.refusal(thrown);

        assertThat(refusal.type()).isEqualTo(UnavailableErrorType.UNAVAILABLE);
        assertThat(refusal.message()).contains("read-only");
    }

    @Test
    void aDiskErrorNamesSqlitesCode() {
        Throwable thrown = new SQLException("[SQLITE_IOERR_WRITE] Some kind of disk I/O error occurred (disk I/O"
                + " error)", null, 778);

        assertThat(DomainErrorResolver.refusal(thrown).message()).contains("(SQLITE_IOERR_WRITE)");
    }

    @Test
    void readModelsThatDoNotAnswerAreToldAsUnavailableForAMoment() {
        Throwable thrown = new MongoTimeoutException("Timed out while waiting for a server");

        DomainErrorResolver.Refusal refusal = DomainErrorResolver.refusal(thrown);

        assertThat(refusal.type()).isEqualTo(UnavailableErrorType.UNAVAILABLE);
        assertThat(refusal.message()).contains("read models are not available").contains("try again shortly");
    }

    @Test
    void anythingElseStaysAccordsOwnFailure() {
        assertThat(DomainErrorResolver.refusal(new IllegalStateException("a bug"))).isNull();
        assertThat(DomainErrorResolver.refusal(new SQLException("[SQLITE_CONSTRAINT] a bug", null, 19))).isNull();
    }
}
