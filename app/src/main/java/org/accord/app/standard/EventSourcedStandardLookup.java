package org.accord.app.standard;

import java.util.Optional;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Answers from the standard aggregate itself, loaded in the running unit of work. */
@Component
class EventSourcedStandardLookup implements StandardLookup {

    private final Repository<Standard> standards;

    EventSourcedStandardLookup(@Lazy Repository<Standard> standards) {
        this.standards = standards;
    }

    @Override
    public Optional<StandardFacts> find(String trustId, String standardId) {
        if (standardId == null || standardId.isBlank()) {
            return Optional.empty();
        }
        try {
            StandardFacts facts = standards.load(standardId).invoke(Standard::facts);
            return facts.trustId().equals(trustId) ? Optional.of(facts) : Optional.empty();
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }
}
