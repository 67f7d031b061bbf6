package org.accord.app.ledger;

import org.accord.app.security.AccordUser;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * {@code verifyDecisionLog}: anyone in the trust may verify its log, as anyone in it may read it; for any other trust
 * the answer is null, as for any unknown id, so nobody outside it learns whether the trust exists.
 */
@Controller
public class DecisionLogVerificationController {

    private final DecisionLogVerifier verifier;

    public DecisionLogVerificationController(DecisionLogVerifier verifier) {
        this.verifier = verifier;
    }

    @QueryMapping
    public Verification verifyDecisionLog(@Argument String trustId, @AuthenticationPrincipal AccordUser caller) {
        if ((caller == null || !caller.mayRead(trustId))) {
            return null;
        }
        return verifier.verify(trustId);
    }
}
