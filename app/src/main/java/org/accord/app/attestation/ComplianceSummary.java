package org.accord.app.attestation;

import java.util.List;

import org.accord.api.attestation.ComplianceEntryView;
import org.accord.api.attestation.ComplianceState;

/** How many school × standard pairs stand in each state: what a board looks at first. */
public record ComplianceSummary(int attested, int due, int overdue, int challenged, int exceptionInForce,
                                int notRequired, int notApplicable) {

    public static ComplianceSummary of(List<ComplianceEntryView> entries) {
        int[] counts = new int[ComplianceState.values().length];
        entries.forEach(e -> counts[e.state().ordinal()]++);
        return new ComplianceSummary(counts[ComplianceState.ATTESTED.ordinal()],
                counts[ComplianceState.DUE.ordinal()], counts[ComplianceState.OVERDUE.ordinal()],
                counts[ComplianceState.CHALLENGED.ordinal()], counts[ComplianceState.EXCEPTION_IN_FORCE.ordinal()],
                counts[ComplianceState.NOT_REQUIRED.ordinal()], counts[ComplianceState.NOT_APPLICABLE.ordinal()]);
    }
}
