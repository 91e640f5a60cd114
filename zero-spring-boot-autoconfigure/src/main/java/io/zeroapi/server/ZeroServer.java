package io.zeroapi.server;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.endpoint.ZeroRpcEndpoint;
import io.zeroapi.endpoint.ZeroRpcEndpointRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * A Zero RPC server: one ROUTER socket owned by one I/O thread, speaking Zero's ZeroMQ protocol (and, when asked,
 * Zero 1.0's TCP protocol on a port of its own, on a Netty event loop: {@link Builder#tcp(int)}), and serving
 * {@link ZeroRpcEndpoint}s on their execution paths (worker pool, I/O thread, or asynchronous). Replies are
 * never dropped silently, no caller can take more than its share of the calls in flight, and every call is
 * answered within the call timeout.
 * <p>
 * The server has its own ZeroMQ context. If its I/O thread or JeroMQ's dies, the failure is logged at ERROR and
 * the transport is rebuilt on the same port; if that fails, or failures repeat ({@value #MAX_RECOVERIES} within
 * a minute), the server goes {@link State#DOWN} and tells its failure listener: it never keeps running deaf.
 */
public final class ZeroServer {

    /** Where a server is in its life. */
    public enum State {
        /** Created, not started. */
        NEW,
        /** Bound and serving. */
        RUNNING,
        /** Replacing a failed transport. */
        RECOVERING,
        /** Failed for good: not serving. */
        DOWN,
        /** Stopping: new calls are refused, calls in flight finish, then the socket closes. */
        DRAINING,
        /** Shut down. */
        STOPPED
    }

    static final int MAX_RECOVERIES = 3;

    private static final long RECOVERY_WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);

    private static final Log logger = LogFactory.getLog(ZeroServer.class);

    private static final long CLOSE_TIMEOUT_SECONDS = 10;

    /** How long a failed transport may take to release its port before recovery gives up. */
    private static final long RECOVERY_CLOSE_TIMEOUT_SECONDS = 10;

    private final ServerTransport.Factory transports;

    private final ZeroCodec codec;

    private final Supplier<List<ZeroRpcEndpoint>> endpoints;

    private final Executor workers;

    private final ZeroServerSettings settings;

    private final @Nullable ZeroServerCallListener listener;

    private final @Nullable InterceptorChain interceptors;

    private final ArrayDeque<Long> recoveries = new ArrayDeque<>();

    private volatile Consumer<Throwable> failureListener = ex -> {
    };

    private volatile State state = State.NEW;

    private @Nullable ServerTransport transport;

    private @Nullable CompletableFuture<Void> stopped;

    /** The port bound by the first start, bound again by a restart when the settings ask for a free port. */
    private int firstPort = -1;

    /**
     * A server for {@code endpoints}; prefer {@link #builder()}.
     * @param endpoints the served functions, in the order {@code get_rpc_contract} lists them
     */
    public ZeroServer(ZeroCodec codec, Collection<ZeroRpcEndpoint> endpoints, Executor workers,
            ZeroServerSettings settings) {
        this(codec, () -> List.copyOf(endpoints), workers, settings, null, null, ZmqServerTransport::open);
    }

    private ZeroServer(ZeroCodec codec, Supplier<List<ZeroRpcEndpoint>> endpoints, Executor workers,
            ZeroServerSettings settings, @Nullable ZeroServerCallListener listener,
            @Nullable InterceptorChain interceptors, ServerTransport.Factory transports) {
        this.transports = transports;
        this.listener = listener;
        this.interceptors = interceptors;
        this.codec = Objects.requireNonNull(codec, "codec");
        this.endpoints = endpoints;
        this.workers = Objects.requireNonNull(workers, "workers");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** A builder of a server; its defaults are those of {@link ZeroServerSettings#defaults(String, int)}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The settings the server binds and serves with. */
    public ZeroServerSettings settings() {
        return settings;
    }

    /** The functions the server serves (or will serve once started), in registration order. */
    public List<ZeroRpcEndpoint> endpoints() {
        return endpoints.get();
    }

    /** Sets what to tell when the server goes {@link State#DOWN} (called on a background thread). */
    public void onFailure(Consumer<Throwable> listener) {
        this.failureListener = listener;
    }

    /**
     * Binds the ROUTER and starts the I/O thread. A server that was shut down may be started again once its socket
     * is closed (e.g. a cached test context that Spring paused and resumes): with port 0 it binds the port of its
     * first start again, so clients holding that port keep working, or a new free port (logged at WARN) if that
     * one is taken.
     * @throws ZeroServerPortInUseException if the port is taken
     * @throws ZeroServerBindException if the address cannot be bound
     * @throws IllegalStateException if the server is still stopping or is down
     */
    public synchronized void start() {
        if (state == State.RUNNING || state == State.RECOVERING) {
            return;
        }
        if (state == State.DOWN || (stopped != null && !stopped.isDone())) {
            throw new IllegalStateException("Zero server cannot start: it is " + (state == State.DOWN ? "down"
                    : "still stopping"));
        }
        Map<String, ZeroRpcEndpoint> served = served();
        ServerTransport opened = null;
        if (settings.port() == 0 && firstPort > 0) {
            try {
                opened = open(served, settings.withPort(firstPort));
            }
            catch (ZeroServerPortInUseException ex) {
                logger.warn("Zero server cannot bind its previous port " + firstPort + " again (" + ex.getMessage()
                        + "); binding a new free port: clients holding the old port will not reach it");
            }
        }
        transport = opened != null ? opened : open(served, settings);
        if (firstPort < 0) {
            firstPort = transport.port();
        }
        stopped = null;
        recoveries.clear();
        state = State.RUNNING;
    }

    /** The served functions by name, in registration order. */
    private Map<String, ZeroRpcEndpoint> served() {
        Map<String, ZeroRpcEndpoint> served = new LinkedHashMap<>();
        endpoints.get().forEach(endpoint -> served.put(endpoint.name(), endpoint));
        return Collections.unmodifiableMap(served);
    }

    private ServerTransport open(Map<String, ZeroRpcEndpoint> served, ZeroServerSettings bindSettings) {
        ServerTransport[] opened = new ServerTransport[1];
        ServerSetup setup = new ServerSetup(codec, served, workers, listener, interceptors);
        opened[0] = transports.open(setup, bindSettings, ex -> transportFailed(opened[0], ex));
        return opened[0];
    }

    /** Handles a failure of the current transport as its I/O thread's death would be handled. */
    void transportFailed(Throwable cause) {
        ServerTransport current;
        synchronized (this) {
            current = transport;
        }
        transportFailed(current, cause);
    }

    /** Called once per transport, from the thread that saw it fail. */
    void transportFailed(ServerTransport failed, Throwable cause) {
        synchronized (this) {
            if (failed == null || transport != failed || state != State.RUNNING) {
                return;
            }
            state = State.RECOVERING;
        }
        logger.error("Zero server on port " + failed.port() + " lost its transport; rebuilding it", cause);
        Thread recovery = new Thread(() -> recover(failed, cause), "zero-server-recovery");
        recovery.setDaemon(true);
        recovery.start();
    }

    private void recover(ServerTransport failed, Throwable cause) {
        boolean closed = awaitQuietly(failed.shutdown(0));
        Throwable failure = cause;
        synchronized (this) {
            if (state != State.RECOVERING) {
                return;
            }
            long now = System.nanoTime();
            while (!recoveries.isEmpty() && now - recoveries.peekFirst() > RECOVERY_WINDOW_NANOS) {
                recoveries.pollFirst();
            }
            recoveries.addLast(now);
            if (recoveries.size() <= MAX_RECOVERIES && closed) {
                try {
                    transport = open(served(), settings.withPort(Math.max(failed.port(), 0)));
                    state = State.RUNNING;
                    logger.warn("Zero server rebuilt its transport on " + transport.boundAddress());
                    return;
                }
                catch (RuntimeException ex) {
                    failure = ex;
                }
            }
            state = State.DOWN;
        }
        logger.error("Zero server on port " + failed.port() + " is DOWN: its transport failed and could not be "
                + "rebuilt" + (closed ? "" : " (the failed ZeroMQ context did not close, so its port stays taken)"),
                failure);
        failureListener.accept(failure);
    }

    private static boolean awaitQuietly(CompletableFuture<Void> future) {
        try {
            future.get(RECOVERY_CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
        catch (TimeoutException | java.util.concurrent.ExecutionException ex) {
            return false;
        }
    }

    /** Where the server is in its life. */
    public State state() {
        return state;
    }

    /**
     * The bound ZeroMQ port (the real one when configured with 0), or -1 before {@link #start()} and when the server
     * serves only Zero's TCP protocol.
     */
    public synchronized int port() {
        return transport == null ? -1 : transport.port();
    }

    /**
     * The bound port of Zero's TCP protocol (the real one when configured with 0), or -1 before {@link #start()} and
     * when the server does not serve it.
     */
    public synchronized int tcpPort() {
        return transport == null ? -1 : transport.tcpPort();
    }

    /**
     * The address the ROUTER is bound to, e.g. {@code tcp://0.0.0.0:5559}, or {@code null} before start; with Zero's TCP
     * protocol served too, both addresses, e.g. {@code tcp://0.0.0.0:5559 (ZeroMQ), tcp://0.0.0.0:5560 (TCP protocol)}.
     */
    public synchronized String boundAddress() {
        return transport == null ? null : transport.boundAddress();
    }

    /** Number of calls in flight: accepted, and neither answered nor past their deadline. */
    public synchronized int inFlight() {
        return transport == null ? 0 : transport.inFlight();
    }

    /** Whether the server has started and not yet closed its socket (it may be rebuilding its transport). */
    public boolean isRunning() {
        State current = state;
        return current == State.RUNNING || current == State.RECOVERING;
    }

    /**
     * Stops taking calls (new ones are answered "server is shutting down"), lets calls in flight finish for
     * up to {@code gracePeriod} (negative: as long as they take), answers those still in flight "server is
     * shutting down", then closes the socket.
     * @return completed once the socket is closed
     */
    public synchronized CompletableFuture<Void> shutdown(Duration gracePeriod) {
        if (stopped != null) {
            if (!gracePeriod.isNegative() && transport != null) {
                transport.shutdown(gracePeriod.toNanos());
            }
            return stopped;
        }
        if (transport == null || state == State.DOWN || state == State.NEW) {
            state = State.STOPPED;
            stopped = CompletableFuture.completedFuture(null);
            return stopped;
        }
        state = State.DRAINING;
        stopped = transport.shutdown(gracePeriod.isNegative() ? -1 : gracePeriod.toNanos())
            .whenComplete((result, failure) -> {
                if (state == State.DRAINING) {
                    state = State.STOPPED;
                }
            });
        return stopped;
    }

    /** Builds a {@link ZeroServer}; every part but the endpoints and the workers has a default. */
    public static final class Builder {

        private ZeroCodec codec = new ZeroCodec();

        private Supplier<List<ZeroRpcEndpoint>> endpoints = List::of;

        private @Nullable Executor workers;

        private ZeroServerSettings settings = ZeroServerSettings.defaults("*", ZeroServerSettings.DEFAULT_PORT);

        private final List<ZeroServerCallListener> listeners = new ArrayList<>();

        private final List<ZeroServerInterceptor> interceptors = new ArrayList<>();

        private boolean zeromq = true;

        private int tcpPort = -1;

        private Builder() {
        }

        /** Whether to serve Zero's ZeroMQ protocol on {@link ZeroServerSettings#port()} (default: yes). */
        public Builder zeromq(boolean enabled) {
            this.zeromq = enabled;
            return this;
        }

        /**
         * Also serves Zero 1.0's TCP protocol on {@code port} (0: a free port, see {@link ZeroServer#tcpPort()}), with
         * the same functions, settings and limits (each protocol keeps its own books of calls in flight); a negative
         * port serves none (the default).
         */
        public Builder tcp(int port) {
            if (port > 65535) {
                throw new IllegalArgumentException("TCP port must be between 0 and 65535, got " + port);
            }
            this.tcpPort = port;
            return this;
        }

        /** Adds an interceptor run around each invocation; the first added runs outermost. */
        public Builder interceptor(ZeroServerInterceptor interceptor) {
            interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        /** Adds a listener told of every call (e.g. for metrics and traces); listeners are told in order. */
        public Builder listener(ZeroServerCallListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** The codec of arguments and results (default: a {@link ZeroCodec} with Zero's settings). */
        public Builder codec(ZeroCodec codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /** Serves the endpoints of {@code registry}, read when the server starts (so beans may still register). */
        public Builder endpoints(ZeroRpcEndpointRegistry registry) {
            Objects.requireNonNull(registry, "registry");
            this.endpoints = registry::endpoints;
            return this;
        }

        /** Serves {@code endpoints}, in this order. */
        public Builder endpoints(Collection<ZeroRpcEndpoint> endpoints) {
            List<ZeroRpcEndpoint> copy = List.copyOf(endpoints);
            this.endpoints = () -> copy;
            return this;
        }

        /** The executor of plain (blocking) methods; required. */
        public Builder workers(Executor workers) {
            this.workers = Objects.requireNonNull(workers, "workers");
            return this;
        }

        /** Replaces the settings. */
        public Builder settings(ZeroServerSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Changes the settings, e.g. {@code settings(s -> s.withHighWaterMark(16))}. */
        public Builder settings(UnaryOperator<ZeroServerSettings> change) {
            return settings(change.apply(settings));
        }

        /** The settings as they stand. */
        public ZeroServerSettings settings() {
            return settings;
        }

        /**
         * The server, not yet started.
         * @throws IllegalStateException if no workers were given, or neither protocol is served
         */
        public ZeroServer build() {
            if (workers == null) {
                throw new IllegalStateException("A Zero server needs an executor for its blocking methods: "
                        + "call workers(...)");
            }
            if (!zeromq && tcpPort < 0) {
                throw new IllegalStateException("A Zero server needs a protocol to serve: keep zeromq(true) or call "
                        + "tcp(port)");
            }
            ServerTransport.Factory transports = tcpPort < 0 ? ZmqServerTransport::open
                    : ServerTransports.factory(zeromq, tcpPort);
            return new ZeroServer(codec, endpoints, workers, settings, CallListeners.of(listeners),
                    InterceptorChain.of(interceptors), transports);
        }
    }

    /** Closes the socket now, answering calls still in flight "server is shutting down", and waits for it. */
    public void close() {
        CompletableFuture<Void> terminated = shutdown(Duration.ZERO);
        try {
            terminated.get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (TimeoutException | java.util.concurrent.ExecutionException ex) {
            logger.warn("Zero server I/O thread did not end within " + CLOSE_TIMEOUT_SECONDS + "s", ex);
        }
    }
}
