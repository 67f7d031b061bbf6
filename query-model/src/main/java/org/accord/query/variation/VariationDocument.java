package org.accord.query.variation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.accord.api.variation.VariationKind;
import org.accord.api.variation.VariationStatus;
import org.accord.query.shared.Lookup;
import org.accord.query.shared.RedeliveryGuard;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A school's variation: its state now, and every change with its record time ({@code at}) and the date from which
 * it applies ({@code effectiveOn}), so that its state on any date, as known at any moment, can be read back. The
 * history is bounded by the variation's own life (recorded or requested, decided, reaffirmed at each review, ended):
 * a handful of changes, which the rules in force read whole anyway.
 * <p>
 * A trust's variations are listed a page at a time in the order they were made ({@code position}, from 0 per trust),
 * by school, standard or status too; a school's, whole, for its rules in force.
 * <p>
 * A redelivery guard: its history says which events it has seen, and its position which it was given, so it is
 * written after the trust's count of variations ({@link VariationCountDocument}).
 */
@RedeliveryGuard
@Lookup(by = "trustId", sortedBy = "position")
@Lookup(by = {"trustId", "schoolId"}, sortedBy = "position")
@Lookup(by = {"trustId", "standardId"}, sortedBy = "position")
@Lookup(by = {"trustId", "status"}, sortedBy = "position")
@Lookup(by = "schoolId", sortedBy = "position")
@Document("variations")
public record VariationDocument(@Id String id, String trustId, Long position, String schoolId, String standardId,
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
