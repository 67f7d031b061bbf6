package org.accord.app.config;

import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Projections see each trust's events in the order they were stored, whichever segment handles them: the events of
 * one trust share a segment. Some read models are per trust across aggregates (the decision log numbers a trust's
 * records and skips what it has seen by global position; a trust's proposal index keeps draft order), so ordering
 * per aggregate, Axon's default, would let two segments interleave them differently on each replay. With one segment
 * (the embedded mode) this changes nothing; with several, trusts are what the work is spread by.
 */
@Configuration(proxyBeanMethods = false)
public class PerTrustSequencing {

    @Bean
    ConfigurerModule perTrustSequencingPolicy() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultSequencingPolicy(c -> new ByTrust());
    }

    /** The event's {@code trustId} (every event of the domain names its trust), else its aggregate. */
    static final class ByTrust implements SequencingPolicy<EventMessage<?>> {

        private static final Map<Class<?>, Optional<RecordComponent>> TRUST_ID = new ConcurrentHashMap<>();

        @Override
        public Object getSequenceIdentifierFor(EventMessage<?> event) {
            Object payload = event.getPayload();
            Optional<RecordComponent> component = TRUST_ID.computeIfAbsent(payload.getClass(), ByTrust::trustIdOf);
            if (component.isPresent()) {
                try {
                    Object trustId = component.get().getAccessor().invoke(payload);
                    if (trustId != null) {
                        return trustId;
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read the trust of " + payload.getClass().getName(), e);
                }
            }
            return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier()
                    : event.getIdentifier();
        }

        private static Optional<RecordComponent> trustIdOf(Class<?> type) {
            if (!type.isRecord()) {
                return Optional.empty();
            }
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getName().equals("trustId") && c.getType() == String.class) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
    }
}
