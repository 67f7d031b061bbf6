package org.accord.app.standard;

import java.util.Optional;

/** What the command side may ask of the backbone about a standard before proposing to amend or retire it. */
public interface StandardLookup {

    /** @param retired whether a retirement has been adopted (effective now or later) */
    record StandardFacts(String trustId, int currentVersion, boolean retired) {
    }

    /** The standard's facts, or empty when the trust has no such standard. */
    Optional<StandardFacts> find(String trustId, String standardId);
}
