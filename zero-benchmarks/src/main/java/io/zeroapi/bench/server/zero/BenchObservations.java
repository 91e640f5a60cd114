package io.zeroapi.bench.server.zero;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code --bench.observations=true}, an {@link ObservationRegistry} that records every observation as a timer
 * in a {@link SimpleMeterRegistry}, as Boot's actuator would: measures what Zero's observations cost the server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("bench.observations")
class BenchObservations {

    @Bean
    ObservationRegistry benchObservationRegistry() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
        return registry;
    }
}
