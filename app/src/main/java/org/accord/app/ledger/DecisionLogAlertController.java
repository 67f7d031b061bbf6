package org.accord.app.ledger;

import java.util.List;

import org.accord.app.ledger.QuarantinedEvents.QuarantinedEvent;
import org.accord.app.ledger.Verification.Problem;
import org.accord.app.security.AccordUser;
import org.springframework.context.annotation.Profile;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * {@code decisionLogAlert}: what is known to be wrong with a trust's decision log, for the red banner on every board
 * page: what the check at start found (made now, once, if a page asks before the start-up check reached the trust,
 * so that no page loaded early says nothing), what the checks before signing found since, and the events the
 * projections refused. Anyone who may read the trust may read it (the board must be told, not only the operator);
 * for any other trust the answer is null, as for a trust with nothing wrong.
 */
@Controller
@Profile("!production")
public class DecisionLogAlertController {

    /**
     * @param signingStopped  no checkpoint is signed until an operator acknowledges
     * @param acknowledgement the operator's acknowledgement; null before one
     */
    public record DecisionLogAlert(boolean signingStopped, List<Problem> problems, List<QuarantinedEvent> quarantined,
                                   WitnessEntry acknowledgement) {
    }

    private final DecisionLogIntegrity integrity;

    public DecisionLogAlertController(DecisionLogIntegrity integrity) {
        this.integrity = integrity;
    }

    @QueryMapping
    public DecisionLogAlert decisionLogAlert(@Argument String trustId, @AuthenticationPrincipal AccordUser caller) {
        if (caller == null || !caller.mayRead(trustId)) {
            return null;
        }
        DecisionLogIntegrity.TrustCheck check = integrity.check(trustId);
        return check.problems().isEmpty() ? null : new DecisionLogAlert(check.blocksSigning(), check.problems(),
                integrity.quarantine().of(trustId), check.acknowledgement());
    }
}
