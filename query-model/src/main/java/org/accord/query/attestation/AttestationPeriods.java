package org.accord.query.attestation;

import java.time.LocalDate;
import java.time.MonthDay;

import org.accord.api.standard.AttestationCadence;

/**
 * The periods an attestation is owed in, pure. Terms are English school terms made simple and the same every year:
 * autumn 1 September to 31 December, spring 1 January to 14 April, summer 15 April to 31 August (Easter moves;
 * these dates do not, so a period never depends on a calendar the trust would have to maintain). A year is the
 * academic year, 1 September to 31 August.
 */
public final class AttestationPeriods {

    static final MonthDay AUTUMN = MonthDay.of(9, 1);
    static final MonthDay SPRING = MonthDay.of(1, 1);
    static final MonthDay SUMMER = MonthDay.of(4, 15);

    private AttestationPeriods() {
    }

    /** A period of attestation: from {@code start} to {@code end}, both included. */
    public record Period(LocalDate start, LocalDate end) {

        public boolean contains(LocalDate day) {
            return !day.isBefore(start) && !day.isAfter(end);
        }
    }

    /** The period {@code day} falls in; null for NONE, which owes nothing. */
    public static Period containing(AttestationCadence cadence, LocalDate day) {
        return switch (AttestationCadence.of(cadence)) {
            case NONE -> null;
            case YEARLY -> {
                LocalDate start = AUTUMN.atYear(day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1);
                yield new Period(start, start.plusYears(1).minusDays(1));
            }
            case TERMLY -> {
                MonthDay md = MonthDay.from(day);
                int year = day.getYear();
                if (!md.isBefore(AUTUMN)) {
                    yield new Period(AUTUMN.atYear(year), LocalDate.of(year, 12, 31));
                }
                if (!md.isBefore(SUMMER)) {
                    yield new Period(SUMMER.atYear(year), AUTUMN.atYear(year).minusDays(1));
                }
                yield new Period(SPRING.atYear(year), SUMMER.atYear(year).minusDays(1));
            }
        };
    }

    /** The period before {@code period}, under the same cadence. */
    public static Period before(AttestationCadence cadence, Period period) {
        return containing(cadence, period.start().minusDays(1));
    }
}
