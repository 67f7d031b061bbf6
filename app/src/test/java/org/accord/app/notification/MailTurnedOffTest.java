package org.accord.app.notification;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import java.time.Duration;

import org.accord.query.notification.MailOutbox;
import org.accord.query.notification.MailOutboxDocument;
import org.accord.query.shared.ReadModelStore;
import org.junit.jupiter.api.Test;

/**
 * With mail off (the default) a round of the delivery empties the outbox in one statement and reads nothing: no
 * query, no claim, no address. Reading the outbox a hundred at a time, as the delivery does when mail is on, fell
 * behind a load that notified thousands, and each look read the whole outbox (15 s a look in the benchmark).
 */
class MailTurnedOffTest {

    @Test
    void aRoundWithMailOffEmptiesTheOutboxWithoutReadingIt() {
        ReadModelStore store = mock(ReadModelStore.class);
        NotificationMailProperties off = new NotificationMailProperties(false, null, 25, null, null, false,
                "accord@localhost", "http://localhost:8080", Duration.ofHours(48), Duration.ofSeconds(2));
        // no queries, marks or directory: touching any of them would fail the round
        new NotificationMailer(off, null, new MailOutbox(store), null, null).deliver();
        verify(store).clear(MailOutboxDocument.class);
        verifyNoMoreInteractions(store);
    }
}
