package org.accord.app.standard;

import java.time.LocalDate;
import java.util.Optional;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Answers from the standard aggregate itself, loaded in the running unit of work (as EventSourcedStandardLookup). */
@Component
class EventSourcedStandardsInForce implements StandardsInForce {

    private final Repository<Standard> standards;

    EventSourcedStandardsInForce(@Lazy Repository<Standard> standards) {
        this.standards = standards;
    }

    @Override
    public Optional<VersionInForce> find(String trustId, String standardId, LocalDate day) {
        Standard standard = load(trustId, standardId);
        return standard == null ? Optional.empty() : standard.versionInForce(day);
    }

    @Override
    public boolean exists(String trustId, String standardId) {
        return load(trustId, standardId) != null;
    }

    private Standard load(String trustId, String standardId) {
        if (standardId == null || standardId.isBlank()) {
            return null;
        }
        try {
            Standard standard = standards.load(standardId).invoke(s -> s);
            return standard.facts().trustId().equals(trustId) ? standard : null;
        } catch (AggregateNotFoundException e) {
            return null;
        }
    }
}
