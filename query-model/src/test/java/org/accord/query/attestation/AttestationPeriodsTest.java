package org.accord.query.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.accord.api.standard.AttestationCadence;
import org.junit.jupiter.api.Test;

class AttestationPeriodsTest {

    private static AttestationPeriods.Period termOf(String day) {
        return AttestationPeriods.containing(AttestationCadence.TERMLY, LocalDate.parse(day));
    }

    private static AttestationPeriods.Period period(String start, String end) {
        return new AttestationPeriods.Period(LocalDate.parse(start), LocalDate.parse(end));
    }

    @Test
    void termsRunFromTheFirstOfSeptemberTheFirstOfJanuaryAndTheFifteenthOfApril() {
        assertThat(termOf("2026-08-31")).isEqualTo(period("2026-04-15", "2026-08-31"));
        assertThat(termOf("2026-09-01")).isEqualTo(period("2026-09-01", "2026-12-31"));
        assertThat(termOf("2026-12-31")).isEqualTo(period("2026-09-01", "2026-12-31"));
        assertThat(termOf("2027-01-01")).isEqualTo(period("2027-01-01", "2027-04-14"));
        assertThat(termOf("2027-04-14")).isEqualTo(period("2027-01-01", "2027-04-14"));
        assertThat(termOf("2027-04-15")).isEqualTo(period("2027-04-15", "2027-08-31"));
    }

    @Test
    void aYearIsTheAcademicYearFromTheFirstOfSeptember() {
        assertThat(AttestationPeriods.containing(AttestationCadence.YEARLY, LocalDate.parse("2027-08-31")))
                .isEqualTo(period("2026-09-01", "2027-08-31"));
        assertThat(AttestationPeriods.containing(AttestationCadence.YEARLY, LocalDate.parse("2027-09-01")))
                .isEqualTo(period("2027-09-01", "2028-08-31"));
    }

    @Test
    void thePeriodBeforeATermIsThePreviousTermAcrossTheYearEnd() {
        assertThat(AttestationPeriods.before(AttestationCadence.TERMLY, termOf("2027-02-01")))
                .isEqualTo(period("2026-09-01", "2026-12-31"));
        assertThat(AttestationPeriods.before(AttestationCadence.TERMLY, termOf("2026-10-01")))
                .isEqualTo(period("2026-04-15", "2026-08-31"));
    }

    @Test
    void noCadenceOwesNoPeriod() {
        assertThat(AttestationPeriods.containing(AttestationCadence.NONE, LocalDate.parse("2027-02-01"))).isNull();
        assertThat(AttestationPeriods.containing(null, LocalDate.parse("2027-02-01"))).isNull();
    }
}
