package org.accord.app.standard;

import java.time.LocalDate;

import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Applicability;
import org.accord.api.standard.Area;
import org.accord.api.standard.AttestationCadence;
import org.accord.api.standard.StandardVersionAdoptedEvent;
import org.accord.app.shared.DomainClock;

/**
 * What a ratified proposal puts into the backbone, with the dates the trust adopts it for. A null
 * {@code applicability} means every school on a new standard and, on an amendment, the amended version's.
 */
public record AdoptedText(String title, Area area, AlignmentLevel alignment, String statement,
                          LocalDate effectiveFrom, LocalDate reviewBy, String proposalId, String adoptedBy,
                          Applicability applicability, AttestationCadence attestationCadence) {

    public AdoptedText(String title, Area area, AlignmentLevel alignment, String statement, LocalDate effectiveFrom,
                       LocalDate reviewBy, String proposalId, String adoptedBy) {
        this(title, area, alignment, statement, effectiveFrom, reviewBy, proposalId, adoptedBy, null, null);
    }

    public AdoptedText(String title, Area area, AlignmentLevel alignment, String statement, LocalDate effectiveFrom,
                       LocalDate reviewBy, String proposalId, String adoptedBy, Applicability applicability) {
        this(title, area, alignment, statement, effectiveFrom, reviewBy, proposalId, adoptedBy, applicability, null);
    }

    public StandardVersionAdoptedEvent asVersion(String standardId, String trustId, int version) {
        return asVersion(standardId, trustId, version, null, null);
    }

    public StandardVersionAdoptedEvent asVersion(String standardId, String trustId, int version,
                                                 Applicability inherited) {
        return asVersion(standardId, trustId, version, inherited, null);
    }

    /**
     * @param inherited the applicability kept when this text names none (the amended version's)
     * @param inheritedCadence likewise the attestation cadence (null: NONE, as on a new standard)
     */
    public StandardVersionAdoptedEvent asVersion(String standardId, String trustId, int version,
                                                 Applicability inherited, AttestationCadence inheritedCadence) {
        // null stays null (every school), as on the events recorded before applicability existed
        Applicability applies = applicability != null ? applicability : inherited;
        return new StandardVersionAdoptedEvent(standardId, trustId, version, title, area, alignment, statement,
                effectiveFrom, reviewBy, proposalId, adoptedBy, DomainClock.now(), applies,
                // null stays null (NONE), as on the events recorded before cadences existed
                attestationCadence != null ? attestationCadence : inheritedCadence);
    }
}
