package org.accord.app.trust;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Loads the trust aggregate in the running unit of work, so the roster is exactly what the events say. */
@Component
class EventSourcedTrustRosters implements TrustRosters {

    private final Repository<Trust> trusts;

    EventSourcedTrustRosters(@Lazy Repository<Trust> trusts) {
        this.trusts = trusts;
    }

    @Override
    public Roster of(String trustId) {
        if (trustId == null || trustId.isBlank()) {
            throw Roster.unknownTrust(String.valueOf(trustId));
        }
        try {
            return trusts.load(trustId).invoke(Trust::roster);
        } catch (AggregateNotFoundException e) {
            throw Roster.unknownTrust(trustId);
        }
    }

    @Override
    public DecisionRights decisionRights(String trustId) {
        if (trustId == null || trustId.isBlank()) {
            throw Roster.unknownTrust(String.valueOf(trustId));
        }
        try {
            return trusts.load(trustId).invoke(Trust::decisionRights);
        } catch (AggregateNotFoundException e) {
            throw Roster.unknownTrust(trustId);
        }
    }
}
