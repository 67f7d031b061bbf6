package org.accord.app.standard;

import java.time.LocalDate;

import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Area;
import org.accord.api.standard.StandardVersionAdoptedEvent;
import org.accord.app.shared.DomainClock;

/** What a ratified proposal puts into the backbone, with the dates the trust adopts it for. */
public record AdoptedText(String title, Area area, AlignmentLevel alignment, String statement,
                          LocalDate effectiveFrom, LocalDate reviewBy, String proposalId, String adoptedBy) {

    public StandardVersionAdoptedEvent asVersion(String standardId, String trustId, int version) {
        return new StandardVersionAdoptedEvent(standardId, trustId, version, title, area, alignment, statement,
                effectiveFrom, reviewBy, proposalId, adoptedBy, DomainClock.now());
    }
}
