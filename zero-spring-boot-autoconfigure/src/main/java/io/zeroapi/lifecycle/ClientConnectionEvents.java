package io.zeroapi.lifecycle;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.zeroapi.client.ZeroConnection;
import io.zeroapi.client.ZeroConnectionState;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes a client's connection state changes as {@link ZeroClientConnectionEvent}s, in order, on one daemon
 * thread shared by every client (started on the first event, ended after a second without one), so the
 * connection's I/O thread only queues them.
 */
public final class ClientConnectionEvents {

    private static final Executor PUBLISHER = createPublisher();

    private ClientConnectionEvents() {
    }

    private static Executor createPublisher() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "zero-client-events");
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /**
     * A state listener for {@link ZeroConnection.Builder#stateListener} that publishes the events of client
     * {@code clientName}; {@code connection} supplies the connection once built.
     */
    public static Consumer<ZeroConnectionState> publisher(ApplicationEventPublisher events, String clientName,
            Supplier<@Nullable ZeroConnection> connection) {
        return state -> PUBLISHER.execute(() -> {
            ZeroConnection source = connection.get();
            if (source != null) {
                events.publishEvent(new ZeroClientConnectionEvent(source, clientName, state));
            }
        });
    }
}
