package org.accord.api.rights;

import org.accord.api.standard.Area;

/**
 * One line of a trust's decision-rights map: at which level {@code area} is decided, and (at trust or cluster level)
 * which team leads the work on it. {@code topic} narrows the line to a strand of the area ("sequencing" of
 * CURRICULUM); the line without a topic is the area's own and is the one adoption is checked against. At cluster
 * level the cluster's lead decides for its schools; at school level, the school's headteacher.
 */
public record DecisionRight(Area area, String topic, DecisionLevel level, String teamId, String note) {
}
