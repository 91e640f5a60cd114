package io.zeroapi.autoconfigure.actuate;

import java.util.Locale;
import java.util.concurrent.ExecutorService;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import io.zeroapi.autoconfigure.server.ZeroServerAutoConfiguration;
import io.zeroapi.client.ZeroConnectionState;
import io.zeroapi.server.ZeroServer;
import org.jspecify.annotations.Nullable;

/**
 * Gauges of the Zero server and clients:
 * <ul>
 * <li>{@value #SERVER_CALLS_ACTIVE}: calls in flight on the server (accepted, not yet answered);
 * <li>{@code executor.*} tagged {@code name=zeroServerExecutor}: the worker pool, through Micrometer's
 * {@link ExecutorServiceMetrics}, when the {@code zeroServerExecutor} bean is an {@link ExecutorService};
 * <li>{@value #CLIENT_CALLS_PENDING}, tagged {@value #CLIENT_NAME}: calls pending on each client;
 * <li>{@value #CLIENT_CONNECTION_STATE}, tagged {@value #CLIENT_NAME} and {@value #STATE} (one of {@code idle},
 * {@code connecting}, {@code connected}, {@code lost}, {@code closed}): 1 for the client's current state, 0 for the
 * others.
 * </ul>
 */
final class ZeroMeterBinder implements MeterBinder {

    static final String SERVER_CALLS_ACTIVE = "zero.server.calls.active";

    static final String CLIENT_CALLS_PENDING = "zero.client.calls.pending";

    static final String CLIENT_CONNECTION_STATE = "zero.client.connection.state";

    static final String CLIENT_NAME = "zero.client.name";

    static final String STATE = "state";

    private final @Nullable ZeroServer server;

    private final @Nullable Object executor;

    private final ZeroClientConnections clients;

    ZeroMeterBinder(@Nullable ZeroServer server, @Nullable Object executor, ZeroClientConnections clients) {
        this.server = server;
        this.executor = executor;
        this.clients = clients;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (server != null) {
            Gauge.builder(SERVER_CALLS_ACTIVE, server, ZeroServer::inFlight)
                .description("Calls in flight on the Zero server: accepted, not yet answered")
                .baseUnit("calls")
                .register(registry);
        }
        if (executor instanceof ExecutorService workers) {
            new ExecutorServiceMetrics(workers, ZeroServerAutoConfiguration.EXECUTOR_BEAN_NAME, Tags.empty())
                .bindTo(registry);
        }
        for (ZeroClientConnections.Client client : clients.clients()) {
            Tags tags = Tags.of(CLIENT_NAME, client.name());
            Gauge.builder(CLIENT_CALLS_PENDING, client, ZeroClientConnections.Client::pending)
                .description("Calls pending on the Zero client: sent or waiting to be sent, not yet answered")
                .baseUnit("calls")
                .tags(tags)
                .strongReference(true)
                .register(registry);
            for (ZeroConnectionState.Status status : ZeroConnectionState.Status.values()) {
                Gauge.builder(CLIENT_CONNECTION_STATE, client, current -> current.status() == status ? 1 : 0)
                    .description("Whether the Zero client's connection is in this state (1) or not (0)")
                    .tags(tags.and(STATE, status.name().toLowerCase(Locale.ROOT)))
                    .strongReference(true)
                    .register(registry);
            }
        }
    }
}
