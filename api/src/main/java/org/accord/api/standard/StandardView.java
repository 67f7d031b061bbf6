package org.accord.api.standard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A standard as recorded now: every version, the current one last, and its retirement if adopted. */
public record StandardView(String id, String trustId, List<StandardVersionView> versions, LocalDate retiredOn,
                           Instant retiredAt, String retiredBy, String retireProposalId) {

    public StandardVersionView current() {
        return versions.get(versions.size() - 1);
    }

    public int currentVersion() {
        return current().number();
    }

    public String title() {
        return current().title();
    }

    public Area area() {
        return current().area();
    }

    public AlignmentLevel alignment() {
        return current().alignment();
    }
}
