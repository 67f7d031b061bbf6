package org.accord.app.ledger;

import java.time.Clock;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Puts {@link QuarantineInterceptor} in front of every event processor: every processor Accord has is a projection,
 * and each must refuse a forged event by itself, since each keeps its own place in the store. Only where Accord
 * links events as it stores them (the embedded store); where events carry no links (Axon Server today) every event
 * of a trust would be refused as unlinked.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!production")
public class QuarantineConfiguration {

    @Bean
    QuarantinedEvents quarantinedEvents() {
        return new QuarantinedEvents();
    }

    /**
     * A check of its own for each processor: it remembers where that processor reads ({@link ChainLinkCheck}). The
     * verdicts reached ahead come from the store that reads ahead (the embedded runtime's).
     */
    @Bean
    ConfigurerModule quarantineForgedEvents(LedgerSource source,
                                            @Qualifier("eventSerializer") Serializer eventSerializer,
                                            LinkVerdictsAhead ahead, QuarantinedEvents quarantine) {
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((configuration, processor) -> new QuarantineInterceptor(
                        new ChainLinkCheck(source, eventSerializer, Clock.systemUTC()), ahead, quarantine));
    }
}
