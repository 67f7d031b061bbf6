package org.accord.app.rights;

import java.time.LocalDate;
import java.util.List;

public record ChangeDecisionRightsInput(String clientMutationId, String trustId, List<DecisionRightInput> rights,
                                        LocalDate effectiveFrom, String rationale) {
}
