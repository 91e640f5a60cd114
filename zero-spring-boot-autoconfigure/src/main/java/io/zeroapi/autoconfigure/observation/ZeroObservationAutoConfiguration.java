package io.zeroapi.autoconfigure.observation;

import io.micrometer.observation.ObservationRegistry;
import io.zeroapi.autoconfigure.client.ZeroClientCustomizer;
import io.zeroapi.autoconfigure.server.ZeroServerCustomizer;
import io.zeroapi.observation.ZeroClientObservationConvention;
import io.zeroapi.observation.ZeroClientObservations;
import io.zeroapi.observation.ZeroServerObservationConvention;
import io.zeroapi.observation.ZeroServerObservations;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Observes Zero calls with Micrometer when the application has an {@link ObservationRegistry} bean (Spring Boot
 * defines one with {@code spring-boot-starter-actuator}): a {@code zero.server} observation per call the server
 * answers and a {@code zero.client} observation per call a client makes, each with a replaceable convention
 * ({@link ZeroServerObservationConvention}, {@link ZeroClientObservationConvention} beans). Without a registry
 * nothing is added to the call path. {@code zero.observations.enabled=false} turns them off.
 */
@AutoConfiguration
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "zero.observations.enabled", matchIfMissing = true)
public final class ZeroObservationAutoConfiguration {

    @Bean
    ZeroServerCustomizer zeroServerObservationCustomizer(ObjectProvider<ObservationRegistry> registry,
            ObjectProvider<ZeroServerObservationConvention> convention) {
        return builder -> registry.ifAvailable(available -> {
            if (!available.isNoop()) {
                builder.listener(new ZeroServerObservations(available, convention.getIfAvailable()));
            }
        });
    }

    @Bean
    ZeroClientCustomizer zeroClientObservationCustomizer(ObjectProvider<ObservationRegistry> registry,
            ObjectProvider<ZeroClientObservationConvention> convention) {
        return (name, builder) -> registry.ifAvailable(available -> {
            if (!available.isNoop()) {
                builder.listener(new ZeroClientObservations(available, name, convention.getIfAvailable()));
            }
        });
    }
}
