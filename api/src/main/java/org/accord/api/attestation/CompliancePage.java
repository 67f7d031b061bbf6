package org.accord.api.attestation;

import java.util.List;

/** A page of the compliance view: {@code cursors.get(i)} is the cursor of {@code entries.get(i)}. */
public record CompliancePage(List<ComplianceEntryView> entries, List<String> cursors, boolean hasNextPage) {
}
