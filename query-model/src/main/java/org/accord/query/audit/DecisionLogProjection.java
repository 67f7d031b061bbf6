package org.accord.query.audit;

import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.accord.api.shared.Actor;
import org.accord.api.shared.RecordPosition;
import org.accord.query.shared.ReadModelStore;
import org.accord.query.shared.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The decision log: one record per event of a trust, in the order the events were stored, numbered from 1 per
 * trust. Every event of the domain names its trust, so every one is recorded. The number is the position the store
 * gave the event in its trust's record ({@link RecordPosition}) where it gave one, so an event that never reaches
 * the log (kept out of the read models as a forgery) leaves a gap rather than shifting every record after it; where
 * none was given, the next number.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSOR)
public class DecisionLogProjection {

    private static final Map<Class<?>, RecordComponent> TRUST_ID = new ConcurrentHashMap<>();

    private final ReadModelStore store;
    private final DecisionFeed feed;

    public DecisionLogProjection(ReadModelStore store, DecisionFeed feed) {
        this.store = store;
        this.feed = feed;
    }

    /**
     * Before a replay: forgets the log's records, and its heads, whose last global index is the redelivery guard. Some
     * documents (a trust's) are shared with other projections, so Accord always resets every projection together
     * (ReadModelRebuild), never one alone.
     */
    @ResetHandler
    void forgetEverything() {
        store.clear(DecisionRecordDocument.class, DecisionLogHeadDocument.class,
                DecisionLogSubjectDocument.class);
    }

    /**
     * @param token  the event's position (Axon hands the handler the token unwrapped from a replay's, so it cannot
     *               tell a replay)
     * @param status whether the event is replayed by a rebuild: the one parameter that says so
     */
    @EventHandler
    void on(Object payload, EventMessage<?> event, TrackingToken token, ReplayStatus status) {
        String trustId = trustIdOf(payload);
        long global = token == null ? -1 : token.position().orElse(-1);
        if (trustId == null) {
            return;
        }
        DecisionLogHeadDocument head = store.findById(DecisionLogHeadDocument.class, trustId);
        if (head != null && global >= 0 && global <= head.lastGlobalIndex()) {
            return; // redelivered after a crash: already in the log
        }
        Narration n = DecisionNarrator.narrate(payload, event.getTimestamp(), this::subject);
        if (n.title() != null && n.subjectId() != null) {
            store.upsert(DecisionLogSubjectDocument.class, n.subjectId(), new Update()
                    .set("title", n.title()).set("area", n.area()));
        }
        long position = positionOf(event, head);
        Object actor = event.getMetaData().get(Actor.METADATA_KEY);
        DecisionRecordDocument entry = new DecisionRecordDocument(DecisionRecordDocument.idOf(trustId, position),
                trustId, position, event.getIdentifier(), typeOf(payload),
                n.occurredAt() != null ? n.occurredAt() : event.getTimestamp(), event.getTimestamp(),
                actor == null ? Actor.SYSTEM : actor.toString(), n.subjectType(), n.subjectId(), n.area(),
                n.summary(), n.rationale());
        // the record first, then the count: a crash between them makes the redelivered event land at the same
        // position, on the same row
        store.upsert(DecisionRecordDocument.class, entry.id(), new Update()
                .set("trustId", trustId)
                .set("position", position)
                .set("eventId", entry.eventId())
                .set("type", entry.type())
                .set("occurredAt", entry.occurredAt())
                .set("recordedAt", entry.recordedAt())
                .set("actorId", entry.actorId())
                .set("subjectType", entry.subjectType())
                .set("subjectId", entry.subjectId())
                .set("area", entry.area())
                .set("summary", entry.summary())
                .set("rationale", entry.rationale()));
        store.upsert(DecisionLogHeadDocument.class, trustId, new Update()
                .set("count", position).set("lastGlobalIndex", global));
        if (!status.isReplay()) {
            // live subscribers get what is new, not a second copy of the history while a rebuild replays it; and
            // only once the batch's documents are written, so what they are told is also what they can query
            var view = DecisionLogQueries.view(entry);
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(u -> feed.publish(view));
            } else {
                feed.publish(view);
            }
        }
    }

    private static long positionOf(EventMessage<?> event, DecisionLogHeadDocument head) {
        long next = (head == null ? 0 : head.count()) + 1;
        Object recorded = event.getMetaData().get(RecordPosition.METADATA_KEY);
        if (recorded != null) {
            try {
                return Math.max(next, Long.parseLong(recorded.toString()));
            } catch (NumberFormatException e) {
                return next;
            }
        }
        return next;
    }

    private DecisionNarrator.Subject subject(String id) {
        DecisionLogSubjectDocument subject = id == null ? null : store.findById(DecisionLogSubjectDocument.class, id);
        return subject == null ? new DecisionNarrator.Subject(id, null)
                : new DecisionNarrator.Subject(subject.title(), subject.area());
    }

    /** "VoteCast" for VoteCastEvent: the event's name, as the log's filters use it. */
    static String typeOf(Object payload) {
        String name = payload.getClass().getSimpleName();
        return name.endsWith("Event") ? name.substring(0, name.length() - "Event".length()) : name;
    }

    private static String trustIdOf(Object payload) {
        Class<?> type = payload.getClass();
        if (!type.isRecord()) {
            return null;
        }
        RecordComponent component = TRUST_ID.computeIfAbsent(type, t -> {
            for (RecordComponent c : t.getRecordComponents()) {
                if (c.getName().equals("trustId") && c.getType() == String.class) {
                    return c;
                }
            }
            return null;
        });
        if (component == null) {
            return null;
        }
        try {
            return (String) component.getAccessor().invoke(payload);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the trust of " + type.getName(), e);
        }
    }
}
