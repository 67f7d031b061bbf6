package org.accord.app.team;

import org.accord.api.team.DecisionMode;
import org.accord.api.team.DecisionRule;

public record DecisionRuleInput(DecisionMode mode, double quorum, double threshold, int votingWindowHours) {

    DecisionRule toRule() {
        return new DecisionRule(mode, quorum, threshold, votingWindowHours);
    }
}
