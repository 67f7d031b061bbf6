package org.accord.app.attestation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.accord.api.attestation.AttestationView;
import org.accord.api.attestation.ComplianceEntryView;
import org.accord.api.attestation.ComplianceState;
import org.accord.api.standard.AttestationCadence;
import org.accord.api.standard.FindStandardsQuery;
import org.accord.api.standard.StandardView;
import org.accord.api.trust.FindSchoolsQuery;
import org.accord.api.trust.SchoolView;
import org.accord.app.shared.Queries;

/**
 * A cell of the compliance view as GraphQL answers it: with its school and standard in hand, so that each of the
 * hundreds of cells of an answer is plain properties. Resolved per cell, each school and standard was a query of its
 * own through the query bus (a unit of work and a timed task each): two per cell, 1,000 for one school's view of a
 * 500-standard trust, for the same 500 standards and one school (issue 20's benchmark). Looked up once per answer.
 */
public record ComplianceCell(SchoolView school, StandardView standard, int version, AttestationCadence cadence,
                             ComplianceState state, LocalDate periodStart, LocalDate dueBy,
                             AttestationView attestation) {

    /** The entries as cells, in their order; their schools and standards are two queries for all of them. */
    public static List<ComplianceCell> of(List<ComplianceEntryView> entries, Queries queries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        Map<String, SchoolView> schools = new HashMap<>();
        queries.list(new FindSchoolsQuery(entries.stream().map(ComplianceEntryView::schoolId).distinct().toList()),
                SchoolView.class).forEach(s -> schools.put(s.id(), s));
        Map<String, StandardView> standards = new HashMap<>();
        queries.list(new FindStandardsQuery(entries.stream().map(ComplianceEntryView::standardId).distinct()
                .toList()), StandardView.class).forEach(s -> standards.put(s.id(), s));
        List<ComplianceCell> cells = new ArrayList<>(entries.size());
        for (ComplianceEntryView e : entries) {
            cells.add(new ComplianceCell(schools.get(e.schoolId()), standards.get(e.standardId()), e.version(),
                    e.cadence(), e.state(), e.periodStart(), e.dueBy(), e.attestation()));
        }
        return cells;
    }
}
