package org.accord.app.team;

import java.time.LocalDate;

/** A member's vote delegated for the proposals of the team whose voting opens on a day from {@code from} to {@code to}. */
public record PeriodDelegation(String delegationId, String delegatorId, String delegateId, LocalDate from,
                               LocalDate to) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    public boolean overlaps(LocalDate otherFrom, LocalDate otherTo) {
        return !otherTo.isBefore(from) && !otherFrom.isAfter(to);
    }
}
