package org.accord.query.notification;

import org.accord.api.notification.NotificationView;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Each new notification as it is stored, for live subscribers in this process, each seeing only their own. A slow
 * subscriber misses some rather than holding up the projection (the inbox query has them all).
 */
@Component
public class NotificationFeed {

    private final Sinks.Many<NotificationView> sink = Sinks.many().multicast().directBestEffort();

    void publish(NotificationView notification) {
        sink.tryEmitNext(notification);
    }

    public Flux<NotificationView> of(String personId) {
        return sink.asFlux().filter(n -> n.personId().equals(personId));
    }
}
