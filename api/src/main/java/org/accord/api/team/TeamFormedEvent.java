package org.accord.api.team;

import java.util.List;

import org.accord.api.standard.Area;

/** A cross-cutting team was formed; the chair is always one of the members. */
public record TeamFormedEvent(String teamId, String trustId, String name, List<Area> remit, String chairId,
                              List<String> memberIds, DecisionRule decisionRule, String formedBy) {
}
