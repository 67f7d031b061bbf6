package org.accord.api.team;

import java.util.List;

/** The teams with these ids, in the order asked; unknown ids are left out. */
public record FindTeamsQuery(List<String> teamIds) {
}
