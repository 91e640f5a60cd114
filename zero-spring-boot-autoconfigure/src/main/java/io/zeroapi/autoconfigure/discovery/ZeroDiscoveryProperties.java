package io.zeroapi.autoconfigure.discovery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Service discovery and registration of Zero clients and servers through Spring Cloud ({@code zero.discovery.*}).
 *
 * @param refreshInterval Interval at which clients with a service-id look up the instances of their service again
 * (they also do on each Spring Cloud HeartbeatEvent); 0 looks them up only on heartbeats.
 * @param register Whether to register the Zero server with Spring Cloud's ServiceRegistry, with its port in the
 * metadata key zero.port (an application without a web server is registered once the Zero server has started).
 * @param deregistrationDelay Time the Zero server keeps serving after it is deregistered on shutdown, before it drains,
 * so that clients notice it left before it refuses calls.
 */
@ConfigurationProperties(prefix = "zero.discovery", ignoreUnknownFields = false)
public record ZeroDiscoveryProperties(@DefaultValue("10s") Duration refreshInterval,
        @DefaultValue("true") boolean register, @DefaultValue("2s") Duration deregistrationDelay) {
}
