package io.zeroapi.autoconfigure.actuate;

import io.zeroapi.autoconfigure.server.ZeroServerAutoConfiguration;
import io.zeroapi.server.ZeroServer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * Readiness follows the Zero server: the application refuses traffic from the moment the server begins to drain.
 */
@AutoConfiguration(after = ZeroServerAutoConfiguration.class)
@ConditionalOnBean(ZeroServer.class)
public final class ZeroAvailabilityAutoConfiguration {

    @Bean
    static ZeroServerReadinessListener zeroServerReadinessListener(ApplicationEventPublisher publisher) {
        return new ZeroServerReadinessListener(publisher);
    }
}
