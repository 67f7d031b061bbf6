package org.accord.app.attestation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.accord.api.attestation.ComplianceEntryView;
import org.accord.api.attestation.ComplianceState;
import org.accord.api.standard.AttestationCadence;
import org.accord.api.standard.StandardView;
import org.accord.api.trust.SchoolView;

/**
 * The compliance view as one compact answer for the board's page: columns once (a period depends only on the
 * cadence and the date, so it is the column's), then per school a state and an attestation id per column, and the
 * counts from the same computation. The whole view as cells, each with its school, standard and attestation, was
 * about 25 fields × 25,000 cells for 50 schools × 500 standards: graphql-java's work on them was most of the request
 * (compliance benchmark, run 13).
 */
public record ComplianceGrid(List<Column> columns, List<Row> rows, ComplianceSummary summary) {

    public record Column(String standardId, String title, int version, AttestationCadence cadence,
                         LocalDate periodStart, LocalDate dueBy) {
    }

    public record Row(SchoolView school, List<ComplianceState> states, List<String> attestationIds) {
    }

    static ComplianceGrid empty() {
        return new ComplianceGrid(List.of(), List.of(), ComplianceSummary.of(List.of()));
    }

    /**
     * @param entries   the view's cells, schools in the trust's order, each with the standards in force in the
     *                  trust's order (the order {@code compliance} answers in)
     * @param schools   the schools of the entries, by id
     * @param standards the standards of the entries, by id (their current titles)
     */
    static ComplianceGrid of(List<ComplianceEntryView> entries, Map<String, SchoolView> schools,
                             Map<String, StandardView> standards) {
        Map<String, Column> byStandard = new LinkedHashMap<>();
        for (ComplianceEntryView e : entries) {
            // the period from a school the standard applies to (where it does not, an entry carries none)
            Column known = byStandard.get(e.standardId());
            if (known == null || known.dueBy() == null && e.dueBy() != null) {
                byStandard.put(e.standardId(), new Column(e.standardId(), title(standards.get(e.standardId())),
                        e.version(), e.cadence(), e.periodStart(), e.dueBy()));
            }
        }
        // by title, as a reader scans the page's headings
        List<Column> columns = byStandard.values().stream()
                .sorted(Comparator.comparing(Column::title, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(Column::standardId))
                .toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            index.put(columns.get(i).standardId(), i);
        }
        Map<String, ComplianceState[]> states = new LinkedHashMap<>();
        Map<String, String[]> attestations = new HashMap<>();
        for (ComplianceEntryView e : entries) {
            int i = index.get(e.standardId());
            states.computeIfAbsent(e.schoolId(), id -> new ComplianceState[columns.size()])[i] = e.state();
            attestations.computeIfAbsent(e.schoolId(), id -> new String[columns.size()])[i] =
                    e.attestation() == null ? null : e.attestation().id();
        }
        List<Row> rows = new ArrayList<>(states.size());
        states.forEach((schoolId, row) -> {
            // a school the view lists has an entry for every standard in force: NOT_APPLICABLE where none applies
            for (int i = 0; i < row.length; i++) {
                if (row[i] == null) {
                    row[i] = ComplianceState.NOT_APPLICABLE;
                }
            }
            SchoolView school = schools.get(schoolId);
            if (school != null) {
                rows.add(new Row(school, Arrays.asList(row), Arrays.asList(attestations.get(schoolId))));
            }
        });
        return new ComplianceGrid(columns, List.copyOf(rows), ComplianceSummary.of(entries));
    }

    private static String title(StandardView standard) {
        return standard == null ? "" : standard.title();
    }
}
