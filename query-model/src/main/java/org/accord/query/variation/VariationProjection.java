package org.accord.query.variation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.accord.api.variation.ExceptionApprovedEvent;
import org.accord.api.variation.ExceptionDeclinedEvent;
import org.accord.api.variation.ExceptionRequestedEvent;
import org.accord.api.variation.ImplementationRecordedEvent;
import org.accord.api.variation.VariationExpiredEvent;
import org.accord.api.variation.VariationKind;
import org.accord.api.variation.VariationReaffirmedEvent;
import org.accord.api.variation.VariationRevokedEvent;
import org.accord.api.variation.VariationStatus;
import org.accord.api.variation.VariationWithdrawnEvent;
import org.accord.query.shared.ReadModelStore;
import org.accord.query.shared.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Schools' variations: each one with its history and its place in its trust's list (from the trust's count of them),
 * and the due dates. Each event writes a few small rows, however many variations came before.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSOR)
public class VariationProjection {

    private final ReadModelStore store;

    public VariationProjection(ReadModelStore store) {
        this.store = store;
    }

    /**
     * Before a replay: forgets variations with their histories (the redelivery guard), the trusts' counts of them and
     * the due dates. Some
     * documents (a trust's) are shared with other projections, so Accord always resets every projection together
     * (ReadModelRebuild), never one alone.
     */
    @ResetHandler
    void forgetEverything() {
        store.clear(VariationDocument.class, VariationCountDocument.class, VariationDueDocument.class);
    }

    @EventHandler
    void on(ImplementationRecordedEvent e, @MessageIdentifier String eventId) {
        begin(e.variationId(), e.trustId(), e.schoolId(), e.standardId(), VariationKind.IMPLEMENTATION,
                e.description());
        before(e.variationId(), eventId).ifPresent(v -> change(e.variationId(), e.trustId(), e.standardId(),
                new VariationDocument.Change(eventId, "RECORDED", VariationStatus.RECORDED, e.version(),
                        e.justification(), e.reviewBy(), e.recordedAt(), day(e.recordedAt()), e.recordedBy(), null),
                null));
    }

    @EventHandler
    void on(ExceptionRequestedEvent e, @MessageIdentifier String eventId) {
        begin(e.variationId(), e.trustId(), e.schoolId(), e.standardId(), VariationKind.EXCEPTION, e.description());
        before(e.variationId(), eventId).ifPresent(v -> change(e.variationId(), e.trustId(), e.standardId(),
                new VariationDocument.Change(eventId, "REQUESTED", VariationStatus.REQUESTED, e.version(),
                        e.justification(), e.expiresOn(), e.requestedAt(), day(e.requestedAt()), e.requestedBy(),
                        null), null));
    }

    @EventHandler
    void on(ExceptionApprovedEvent e, @MessageIdentifier String eventId) {
        before(e.variationId(), eventId).ifPresent(v -> change(e.variationId(), e.trustId(), e.standardId(),
                new VariationDocument.Change(eventId, "APPROVED", VariationStatus.APPROVED, v.version(),
                        v.justification(), v.until(), e.approvedAt(), day(e.approvedAt()), e.approvedBy(), e.note()),
                e.approvedBy()));
    }

    @EventHandler
    void on(ExceptionDeclinedEvent e, @MessageIdentifier String eventId) {
        before(e.variationId(), eventId).ifPresent(v -> change(e.variationId(), e.trustId(), e.standardId(),
                new VariationDocument.Change(eventId, "DECLINED", VariationStatus.DECLINED, v.version(),
                        v.justification(), v.until(), e.declinedAt(), day(e.declinedAt()), e.declinedBy(),
                        e.reason()), e.declinedBy()));
    }

    @EventHandler
    void on(VariationReaffirmedEvent e, @MessageIdentifier String eventId) {
        before(e.variationId(), eventId).ifPresent(v -> change(e.variationId(), e.trustId(), e.standardId(),
                new VariationDocument.Change(eventId, "REAFFIRMED", v.kind() == VariationKind.EXCEPTION
                        ? VariationStatus.REQUESTED : VariationStatus.RECORDED, e.version(), e.justification(),
                        e.until(), e.reaffirmedAt(), day(e.reaffirmedAt()), e.reaffirmedBy(), null), null));
    }

    @EventHandler
    void on(VariationWithdrawnEvent e, @MessageIdentifier String eventId) {
        end(e.variationId(), e.trustId(), e.standardId(), eventId, "WITHDRAWN", VariationStatus.WITHDRAWN,
                e.withdrawnAt(), day(e.withdrawnAt()), e.withdrawnBy(), e.reason());
    }

    @EventHandler
    void on(VariationRevokedEvent e, @MessageIdentifier String eventId) {
        end(e.variationId(), e.trustId(), e.standardId(), eventId, "REVOKED", VariationStatus.REVOKED,
                e.revokedAt(), day(e.revokedAt()), e.revokedBy(), e.reason());
    }

    @EventHandler
    void on(VariationExpiredEvent e, @MessageIdentifier String eventId) {
        // in force until the day it expired, whenever the expiry was recorded
        end(e.variationId(), e.trustId(), e.standardId(), eventId, "EXPIRED", VariationStatus.EXPIRED,
                e.recordedAt(), e.expiredOn(), null, e.reason());
    }

    private void begin(String variationId, String trustId, String schoolId, String standardId, VariationKind kind,
                       String description) {
        store.upsert(VariationDocument.class, variationId, new Update()
                .set("trustId", trustId)
                .set("position", position(trustId, variationId))
                .set("schoolId", schoolId)
                .set("standardId", standardId)
                .set("kind", kind)
                .set("description", description));
    }

    /**
     * The variation's place in its trust's list: the one it was given when first made, so that a redelivered event
     * keeps it; else the trust's next, from its count (not from the clock, which a replay would not repeat).
     */
    private long position(String trustId, String variationId) {
        VariationDocument made = store.findById(VariationDocument.class, variationId);
        if (made != null && made.position() != null) {
            return made.position();
        }
        VariationCountDocument count = store.findById(VariationCountDocument.class, trustId);
        long position = count == null ? 0 : count.made();
        store.upsert(VariationCountDocument.class, trustId, new Update().set("made", position + 1));
        return position;
    }

    private void end(String variationId, String trustId, String standardId, String eventId, String type,
                     VariationStatus status, Instant at, LocalDate effectiveOn, String by, String note) {
        before(variationId, eventId).ifPresent(v -> change(variationId, trustId, standardId,
                new VariationDocument.Change(eventId, type, status, v.version() == null ? 0 : v.version(),
                        v.justification(), v.until(), at, effectiveOn, by, note),
                type.equals("REVOKED") ? by : null));
    }

    /** The variation's state becomes the change's, and the change joins its history. */
    private void change(String variationId, String trustId, String standardId, VariationDocument.Change change,
                        String decidedBy) {
        Update update = new Update()
                .set("status", change.status())
                .set("version", change.version())
                .set("justification", change.justification())
                .set("until", change.until())
                .addToSet("history", change);
        if (decidedBy != null) {
            update.set("decidedBy", decidedBy);
        }
        store.upsert(VariationDocument.class, variationId, update);
        if (change.status().isOpen() && change.until() != null) {
            store.upsert(VariationDueDocument.class, variationId, new Update()
                    .set("standardId", standardId).set("until", change.until()));
        } else {
            store.delete(VariationDueDocument.class, variationId);
        }
    }

    /**
     * The variation as it stands, read once per event; empty when this event is already in its history. That is
     * the redelivery guard: some changes take the pinned version, justification and date from the variation as it
     * stands, and replaying an old event against a newer state would record the wrong ones. Events arrive in order,
     * so an unseen one always meets the state just before it.
     */
    private Optional<VariationDocument> before(String variationId, String eventId) {
        VariationDocument v = store.findById(VariationDocument.class, variationId);
        if (v == null) {
            throw new IllegalStateException("variation " + variationId + " changed before it was made");
        }
        return v.history().stream().anyMatch(c -> eventId.equals(c.eventId())) ? Optional.empty() : Optional.of(v);
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
