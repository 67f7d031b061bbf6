package org.accord.app.ledger;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/ledger} lists the decision-log problems found and the witness file; {@code POST
 * /actuator/ledger} with {@code trustId} and {@code reason} acknowledges a trust's problems, which lets signing resume
 * (DecisionLogIntegrity#acknowledge says what it does and does not do). Operators only (SecurityConfiguration); the
 * acknowledgement is logged and written to the witness file with the operator's name.
 */
@Component
@Endpoint(id = "ledger")
public class LedgerEndpoint {

    private static final Logger log = LoggerFactory.getLogger(LedgerEndpoint.class);

    private final DecisionLogIntegrity integrity;

    public LedgerEndpoint(DecisionLogIntegrity integrity) {
        this.integrity = integrity;
    }

    @ReadOperation
    public Map<String, Object> problems() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("witnessFile", integrity.witness().path().toString());
        answer.put("problems", integrity.problems());
        return answer;
    }

    /** 200 with the acknowledgement as written to the witness file; 400 without a reason; 409 with nothing to acknowledge. */
    @WriteOperation
    public WebEndpointResponse<Object> acknowledge(String trustId, String reason, SecurityContext caller) {
        if (trustId == null || trustId.isBlank() || reason == null || reason.isBlank()) {
            return new WebEndpointResponse<>(Map.of("error", "trustId and reason are required"), 400);
        }
        String operator = caller.getPrincipal() == null ? "unknown" : caller.getPrincipal().getName();
        try {
            WitnessEntry acknowledgement = integrity.acknowledge(trustId, operator, reason.strip());
            return new WebEndpointResponse<>(acknowledgement, 200);
        } catch (IllegalStateException e) {
            log.info("Acknowledgement of trust '{}' by '{}' refused: {}", trustId, operator, e.getMessage());
            return new WebEndpointResponse<>(Map.of("error", e.getMessage()), 409);
        }
    }
}
