package io.zeroapi.autoconfigure.actuate;

import io.zeroapi.server.ZeroServer;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of the Zero server: {@code UP} while it serves (also while it rebuilds a failed transport),
 * {@code OUT_OF_SERVICE} while it drains, {@code DOWN} once it failed for good, {@code UNKNOWN} before it starts and
 * after it stopped. Details: state, port, bound address, calls in flight, functions served.
 */
final class ZeroServerHealthIndicator implements HealthIndicator {

    private final ZeroServer server;

    ZeroServerHealthIndicator(ZeroServer server) {
        this.server = server;
    }

    @Override
    public Health health() {
        ZeroServer.State state = server.state();
        Health.Builder health = Health.status(status(state)).withDetail("state", state.name());
        String boundAddress = server.boundAddress();
        if (boundAddress != null) {
            health.withDetail("port", server.port()).withDetail("boundAddress", boundAddress);
            if (server.tcpPort() >= 0) {
                health.withDetail("tcpPort", server.tcpPort());
            }
        }
        return health.withDetail("inFlight", server.inFlight())
            .withDetail("functions", server.endpoints().size())
            .build();
    }

    private static Status status(ZeroServer.State state) {
        return switch (state) {
            case RUNNING, RECOVERING -> Status.UP;
            case DRAINING -> Status.OUT_OF_SERVICE;
            case DOWN -> Status.DOWN;
            case NEW, STOPPED -> Status.UNKNOWN;
        };
    }
}
