package org.accord.api.attestation;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by Accord itself when a school's attestation of a standard falls due in a period (the period starting on
 * {@code periodStart}): records it once and tells the school's headteachers. Refused from anyone else, for a period
 * other than today's, for a standard that asks nothing of the school, and a second time (the id is the school,
 * standard and period: {@link #idOf}).
 */
public record RecordAttestationDueCommand(@TargetAggregateIdentifier String dueId, String trustId, String schoolId,
                                          String standardId, LocalDate periodStart) {

    public RecordAttestationDueCommand(String trustId, String schoolId, String standardId, LocalDate periodStart) {
        this(idOf(trustId, schoolId, standardId, periodStart), trustId, schoolId, standardId, periodStart);
    }

    /** One per trust × school × standard × period: the same due always has the same id. */
    public static String idOf(String trustId, String schoolId, String standardId, LocalDate periodStart) {
        return "attestation-due:" + trustId + ":" + schoolId + ":" + standardId + ":" + periodStart;
    }
}
