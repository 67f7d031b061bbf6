package org.accord.app.rights;

import org.accord.api.rights.DecisionLevel;
import org.accord.api.rights.DecisionRight;
import org.accord.api.standard.Area;

public record DecisionRightInput(Area area, String topic, DecisionLevel level, String teamId, String note) {

    DecisionRight toRight() {
        return new DecisionRight(area, topic, level, teamId, note);
    }
}
