package org.accord.app.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.axonframework.eventhandling.GenericEventMessage;

/**
 * "Now" for aggregates: Axon's event clock (which the test fixtures set), to the millisecond, because the read models
 * keep no finer time and a deadline must mean the same on both sides. Dates are UTC calendar dates.
 */
public final class DomainClock {

    private DomainClock() {
    }

    public static Instant now() {
        return GenericEventMessage.clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }
}
