package org.accord.app.standard;

import org.accord.api.standard.Applicability;
import org.accord.api.standard.AttestationCadence;
import org.accord.app.trust.Roster;

/**
 * A standard's version in force on a day, with what the command side needs to judge a school's attestation of it.
 * {@code clusterId}: a cluster standard's cluster, which it applies to on top of the version's applicability.
 */
public record VersionInForce(String trustId, int number, AttestationCadence cadence, Applicability applicability,
                             String clusterId) {

    /**
     * Whether the version applies to the school as the roster stands (its phases and clusters today or recorded to
     * come, as for variations); where the roster knows nothing of the school's standing, it is not refused.
     */
    public boolean appliesTo(String schoolId, Roster.SchoolStanding standing) {
        if (standing == null) {
            return true;
        }
        return standing.mayBeCoveredBy(applicability, schoolId)
                && (clusterId == null || standing.clusterIds().contains(clusterId));
    }
}
