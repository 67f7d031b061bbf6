package org.accord.api.rights;

/** Where an area is decided: by the trust for every school, by each cluster for its schools, or by each school. */
public enum DecisionLevel {
    TRUST, CLUSTER, SCHOOL
}
