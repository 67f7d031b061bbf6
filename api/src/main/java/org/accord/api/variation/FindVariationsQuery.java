package org.accord.api.variation;

/** A page of a trust's variations, oldest first, narrowed by school, standard and status when given. */
public record FindVariationsQuery(String trustId, String schoolId, String standardId, VariationStatus status,
                                  int first, String after) {
}
