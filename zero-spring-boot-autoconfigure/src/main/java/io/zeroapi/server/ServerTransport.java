package io.zeroapi.server;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;


/**
 * One incarnation of a transport carrying a {@link ZeroServer}'s frames: bound, with its I/O thread running the
 * request handling ({@link RequestDispatcher}) for what it receives. A failed transport is replaced as a whole by a
 * new one from its {@link Factory}.
 */
interface ServerTransport {

    /** The address bound, e.g. {@code tcp://0.0.0.0:5559}. */
    String boundAddress();

    /** The bound port; -1 if it serves no ZeroMQ. */
    int port();

    /** The bound port of Zero's TCP protocol, or -1 if it serves none. */
    default int tcpPort() {
        return -1;
    }

    /** Calls in flight; any thread may ask. */
    int inFlight();

    /**
     * Drains (new calls refused, calls in flight given up to the grace period, then answered "server is shutting
     * down") and closes; a negative grace period waits for every call.
     * @return completed once the transport's resources are released
     */
    CompletableFuture<Void> shutdown(long gracePeriodNanos);

    /** Opens transports of one kind. */
    @FunctionalInterface
    interface Factory {

        /**
         * Binds with {@code settings} and starts serving what {@code setup} holds.
         * @param onFailure told once if the transport fails (from the failing thread)
         * @throws ZeroServerPortInUseException if the port is taken
         * @throws ZeroServerBindException if the address cannot be bound for another reason
         */
        ServerTransport open(ServerSetup setup, ZeroServerSettings settings, Consumer<Throwable> onFailure);
    }
}
