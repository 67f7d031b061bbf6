package org.accord.app.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code decisionLog}: TAMPERED while some trust's log has a problem no operator has acknowledged, with each problem
 * (trust, kind, position, detail) in the details, and the events kept out of the read models ({@code quarantined}:
 * how many, and each with its trust, position and why). Deliberately not in the readiness group: a tampered log is
 * evidence, and Accord goes on serving so that it stays readable.
 */
@Component("decisionLog")
class DecisionLogHealth extends AbstractHealthIndicator {

    static final Status TAMPERED = new Status("TAMPERED", "a decision log does not verify; see the details");

    private final DecisionLogIntegrity integrity;

    DecisionLogHealth(DecisionLogIntegrity integrity) {
        this.integrity = integrity;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, DecisionLogIntegrity.TrustCheck> problems = integrity.problems();
        boolean unacknowledged = problems.values().stream().anyMatch(DecisionLogIntegrity.TrustCheck::blocksSigning);
        builder.status(unacknowledged ? TAMPERED : Status.UP);
        builder.withDetail("witnessFile", integrity.witness().path().toString());
        problems.forEach((trust, check) -> builder.withDetail(trust, details(check)));
        List<QuarantinedEvents.QuarantinedEvent> quarantined = integrity.quarantine().all();
        if (!quarantined.isEmpty()) {
            builder.withDetail("quarantined", Map.of("count", quarantined.size(), "events",
                    quarantined.stream().map(DecisionLogHealth::quarantined).toList()));
        }
    }

    private static Map<String, Object> quarantined(QuarantinedEvents.QuarantinedEvent event) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("trustId", event.trustId());
        details.put("eventId", event.eventId());
        details.put("position", event.position());
        details.put("kind", event.kind().name());
        details.put("reason", event.reason());
        return details;
    }

    private static Map<String, Object> details(DecisionLogIntegrity.TrustCheck check) {
        Map<String, Object> details = new LinkedHashMap<>();
        List<Map<String, Object>> problems = check.problems().stream().map(p -> {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("kind", p.kind().name());
            problem.put("position", p.position());
            if (p.eventId() != null) {
                problem.put("eventId", p.eventId());
            }
            problem.put("detail", p.detail());
            return problem;
        }).toList();
        details.put("problems", problems);
        details.put("signing", check.blocksSigning() ? "stopped until an operator acknowledges (POST /actuator/ledger)"
                : "resumed");
        if (check.acknowledgement() != null) {
            details.put("acknowledgedBy", check.acknowledgement().operator());
            details.put("acknowledgedAt", check.acknowledgement().at().toString());
            details.put("reason", check.acknowledgement().reason());
        }
        return details;
    }
}
