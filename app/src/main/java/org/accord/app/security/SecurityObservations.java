package org.accord.app.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security observes nothing: with an observation registry present (Actuator's) it would wrap each filter of
 * its chain in an observation of its own, with an event before and after each, and time every sign-in and every
 * authorisation. That was about 6% of a castVote request's CPU (docs/benchmarks.md, run 26), for figures nobody
 * reads: the metrics operators are given (README, "Operations": Axon's monitors, the projections' lag and errors)
 * are all kept, and so are the HTTP requests' timings.
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservations {

    @Bean
    SecurityObservationSettings noSpringSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }
}
