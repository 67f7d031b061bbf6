package org.accord.query.standard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Applicability;
import org.accord.api.standard.Area;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A standard and all its versions, each with its valid time (effectiveFrom) and record time (adoptedAt). The versions
 * are bounded by the standard: one per adopted amendment, a few a year, and the rules in force read them whole.
 */
@Document("standards")
public record StandardDocument(@Id String id, String trustId, List<VersionEntry> versions, LocalDate retiredOn,
                               Instant retiredAt, String retiredBy, String retireProposalId) {

    public record VersionEntry(int number, String title, Area area, AlignmentLevel alignment, String statement,
                               LocalDate effectiveFrom, LocalDate reviewBy, String proposalId, String adoptedBy,
                               Instant adoptedAt, Applicability applicability) {

        /** Never null: absent on versions adopted before applicability existed, which apply to every school. */
        public Applicability applicability() {
            return Applicability.of(applicability);
        }
    }

    public List<VersionEntry> versions() {
        return versions == null ? List.of() : versions;
    }
}
