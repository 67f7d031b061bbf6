package org.accord.query.notification;

import org.accord.query.shared.ReadModelStore;
import org.springframework.stereotype.Component;

/**
 * The e-mail delivery's side of the outbox: it says when it has dealt with a notification, so the next look starts
 * after it. Written outside any batch of events; a replay that puts an item back only makes the delivery look at it
 * again, and its durable record of what was sent says no.
 */
@Component
public class MailOutbox {

    private final ReadModelStore store;

    public MailOutbox(ReadModelStore store) {
        this.store = store;
    }

    public void dealtWith(String notificationId) {
        store.delete(MailOutboxDocument.class, notificationId);
    }

    /**
     * Everything waiting is dealt with: for mail turned off, where nothing will ever be sent. One statement, so an
     * outbox that a busy trust fills faster than a hundred a look (the delivery's batch) never grows without bound.
     */
    public void dealtWithAll() {
        store.clear(MailOutboxDocument.class);
    }
}
