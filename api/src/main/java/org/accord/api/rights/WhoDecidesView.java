package org.accord.api.rights;

import java.util.List;

import org.accord.api.standard.Area;

/**
 * The answer to "who decides this area for this school on that date": the map line that applies ({@code right},
 * null when the map has none and the trust decides), the map's version (0: no map), the cluster the school was in
 * then (for CLUSTER level) and the people who decide: the cluster's lead, the school's headteachers, or (at trust
 * level) the trust executives, who adopt what the team proposes.
 */
public record WhoDecidesView(String schoolId, Area area, String topic, DecisionLevel level, int mapVersion,
                             DecisionRight right, String clusterId, List<String> deciderIds) {
}
