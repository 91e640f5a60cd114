package io.zeroapi.autoconfigure.actuate;

import io.zeroapi.client.ZeroConnectionState;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of one Zero client, from its connection's state. A client that is not required
 * ({@code zero.clients.<name>.health.required=false}, the default) never makes the application {@code DOWN}: it is
 * {@code UP} whether connected, not yet connected or lost (then with {@code lost: true}), and {@code UNKNOWN} once
 * closed. A required client is {@code UP} only while connected, {@code DOWN} otherwise (also before its first call:
 * connections connect on their first call, so make one at startup). Details: status, address, since, pending calls,
 * required.
 */
final class ZeroClientHealthIndicator implements HealthIndicator {

    private final ZeroClientConnections.Client client;

    ZeroClientHealthIndicator(ZeroClientConnections.Client client) {
        this.client = client;
    }

    @Override
    public Health health() {
        ZeroConnectionState state = client.state();
        ZeroConnectionState.Status status = client.status();
        Health.Builder health = Health.status(status(status, client.required())).withDetail("status", status.name());
        if (state != null) {
            if (state.address() != null) {
                health.withDetail("address", state.address());
            }
            health.withDetail("since", state.since().toString());
        }
        if (status == ZeroConnectionState.Status.LOST) {
            health.withDetail("lost", true);
        }
        return health.withDetail("pending", client.pending()).withDetail("required", client.required()).build();
    }

    static Status status(ZeroConnectionState.Status status, boolean required) {
        if (status == ZeroConnectionState.Status.CONNECTED) {
            return Status.UP;
        }
        if (required) {
            return Status.DOWN;
        }
        return status == ZeroConnectionState.Status.CLOSED ? Status.UNKNOWN : Status.UP;
    }
}
