package org.accord.query.variation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.accord.api.variation.VariationKind;
import org.accord.api.variation.VariationStatus;
import org.accord.query.shared.RedeliveryGuard;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A school's variation: its state now, and every change with its record time ({@code at}) and the date from which
 * it applies ({@code effectiveOn}), so that its state on any date, as known at any moment, can be read back.
 */
@RedeliveryGuard
@Document("variations")
public record VariationDocument(@Id String id, String trustId, String schoolId, String standardId,
                                VariationKind kind, VariationStatus status, Integer version, String description,
                                String justification, LocalDate until, String decidedBy, List<Change> history) {

    /** The variation as it stood after one event; {@code eventId} keeps a redelivered event from adding twice. */
    public record Change(String eventId, String type, VariationStatus status, int version, String justification,
                         LocalDate until, Instant at, LocalDate effectiveOn, String by, String note) {
    }

    public List<Change> history() {
        return history == null ? List.of() : history;
    }
}
