package io.zeroapi.client;

import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.zeroapi.ZeroConnectionException;
import io.zeroapi.ZeroException;
import io.zeroapi.frame.ZeroFrameException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * One connection to a Zero server, shared by every client of one name: a ZeroMQ socket on a private ZeroMQ context,
 * owned by a single I/O thread, with any number of calls in flight matched to their replies by their random 16-byte
 * request ids; or, with {@link Builder#protocol(ClientProtocol) ClientProtocol.TCP}, a small pool of TCP connections
 * speaking Zero 1.0's TCP protocol on a Netty event loop, with calls matched by their 4-byte ids.
 * <p>
 * Callers on any thread (platform or virtual) put their call in a lock-free queue and wake the I/O thread at
 * most once per batch; they get the reply through the call's {@link CompletableFuture}. A blocking call may be made
 * by the calling thread itself instead, without a hand-off to the I/O thread
 * ({@link ClientTransport#callOnCallerThread}: the ZeroMQ transport does so from platform threads while the
 * connection is up, on a bounded set of sockets of the callers' own). Each call has its own
 * timeout: a call never sent by then fails with {@link ZeroConnectionException} (no connection came up), a
 * call sent but not answered with {@link io.zeroapi.ZeroTimeoutException}; either way the call is forgotten
 * and a late reply dropped. At most {@link ZeroConnectionSettings#maxInFlight()} calls are pending; more fail at
 * once. A reply over {@link ZeroConnectionSettings#maxReplySize()} makes ZeroMQ close the connection: the calls sent
 * on it fail at once with {@code ZeroConnectionException}. The server address is resolved on the first call, so it
 * may depend on something known only later (a port published once a server has started). The connection follows
 * the server when it restarts.
 * <p>
 * The servers may change while the connection is in use ({@link #updateAddresses}, e.g. the instances of a service
 * found by discovery, see {@link #builderForService}): new servers are connected at once, removed ones get no new call
 * and are closed once their pending calls have ended (see {@link ConnectionMembers}). While no server is known, calls
 * fail at once with {@code ZeroConnectionException}.
 * <p>
 * The connection is never left deaf: if its I/O thread dies or JeroMQ's I/O thread fails, the pending calls fail at
 * once with {@code ZeroConnectionException}, and the next call opens a fresh transport (context, socket and thread).
 * {@link #close()} fails pending calls with {@code ZeroConnectionException}, stops the I/O thread, which closes its
 * socket and context, and waits for it, in bounded time. Its threads are daemons.
 */
public final class ZeroConnection implements AutoCloseable {

    private static final Duration CLOSE_BUDGET = Duration.ofSeconds(4);

    private static final Log logger = LogFactory.getLog(ZeroConnection.class);

    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** Default of {@link Builder#tcpConnections(int)}. */
    public static final int DEFAULT_TCP_CONNECTIONS = 2;


    private final String name = "zero-client-" + COUNTER.incrementAndGet();

    private final Supplier<String> addressSupplier;

    /** The service whose instances {@link #updateAddresses} sets, or {@code null} for configured addresses. */
    private final @Nullable String service;

    private final ZeroConnectionSettings settings;

    private final AtomicInteger inFlight = new AtomicInteger();

    private final AtomicBoolean closed = new AtomicBoolean();

    private final ClientTransport.Protocol protocol;

    private final Consumer<ZeroConnectionState> stateListener;

    private final LoadBalancing loadBalancing;

    private final AtomicInteger turn = new AtomicInteger();

    private final ZeroConnectionState idle = new ZeroConnectionState(ZeroConnectionState.Status.IDLE, null,
            Instant.now());

    /** The servers, one member each, made when the address is first resolved or updated. */
    private final ConnectionMembers members;

    private final @Nullable ZeroClientCallListener listener;

    private volatile @Nullable String address;

    /**
     * Creates a connection with the default {@link ZeroConnectionSettings}.
     * @param address supplies {@code tcp://host:port} or {@code host:port}, asked once on the first call
     */
    public ZeroConnection(Supplier<String> address) {
        this(address, ZeroConnectionSettings.defaults());
    }

    /**
     * Creates a connection; it connects on the first call.
     * @param address supplies {@code tcp://host:port} or {@code host:port}, asked once on the first call
     * @param settings the limits of the connection
     */
    public ZeroConnection(Supplier<String> address, ZeroConnectionSettings settings) {
        this(address, null, settings, null, state -> {
        }, LoadBalancing.ROUND_ROBIN, ZmqClientTransport.PROTOCOL);
    }

    private ZeroConnection(Supplier<String> address, @Nullable String service, ZeroConnectionSettings settings,
            @Nullable ZeroClientCallListener listener, Consumer<ZeroConnectionState> stateListener,
            LoadBalancing loadBalancing, ClientTransport.Protocol protocol) {
        this.protocol = protocol;
        this.addressSupplier = Objects.requireNonNull(address, "address");
        this.service = service;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = listener;
        this.stateListener = stateListener;
        this.loadBalancing = loadBalancing;
        this.members = new ConnectionMembers(name, settings, protocol, stateListener);
    }

    /**
     * A builder of a connection to the server {@code address} supplies ({@code tcp://host:port} or
     * {@code host:port}, asked once on the first call), with the default {@link ZeroConnectionSettings}.
     */
    public static Builder builder(Supplier<String> address) {
        return new Builder(address, null);
    }

    /**
     * A builder of a connection to the instances of {@code service}, which {@link #updateAddresses} sets and changes
     * (e.g. as service discovery finds them), with the default {@link ZeroConnectionSettings}. Every instance is kept
     * connected; until one is known, calls fail at once with {@link ZeroConnectionException} naming the service.
     */
    public static Builder builderForService(String service) {
        Objects.requireNonNull(service, "service");
        return new Builder(() -> "", service);
    }

    /**
     * The server address as a ZeroMQ address (several, separated by commas, for a connection to several servers),
     * resolved on first use; empty while a connection to a service knows no instance.
     * @throws ZeroException if the address is missing or malformed
     */
    public String address() {
        members();
        return Objects.requireNonNull(address);
    }

    /**
     * The service whose instances this connection follows ({@link #builderForService}), or {@code null} for a
     * connection to configured addresses.
     */
    public @Nullable String service() {
        return service;
    }

    /**
     * Replaces the servers of this connection by those at {@code addresses} ({@code tcp://host:port} or
     * {@code host:port}; may be empty): the servers that stay keep their connection, each new one is connected at
     * once and kept connected, and each removed one gets no new call and is closed once the calls pending on it have
     * ended (answered, timed out or failed; those still pending after {@link ConnectionMembers#DRAIN_LIMIT} fail with
     * {@link ZeroConnectionException}). While the list is empty, calls fail at once. Does nothing once closed.
     * @return whether the servers changed
     * @throws ZeroException if an address is malformed (nothing is changed then)
     */
    public boolean updateAddresses(Collection<String> addresses) {
        Set<String> normalized = new LinkedHashSet<>();
        for (String server : addresses) {
            normalized.add(ZeroAddress.normalize(server));
        }
        synchronized (this) {
            if (closed.get()) {
                return false;
            }
            boolean changed = members.update(List.copyOf(normalized));
            address = String.join(",", normalized);
            return changed;
        }
    }

    /** The servers, resolved on first use; several servers are all connected at once. */
    private List<ConnectionMember> members() {
        List<ConnectionMember> resolved = members.active();
        if (resolved != null) {
            return resolved;
        }
        synchronized (this) {
            if (members.active() == null) {
                if (service != null) {
                    members.set(List.of());
                    address = "";
                }
                else {
                    List<String> addresses = ZeroAddress.normalizeAll(addressSupplier.get());
                    members.set(addresses);
                    address = String.join(",", addresses);
                }
            }
            return Objects.requireNonNull(members.active());
        }
    }

    /**
     * The server for the next call: the only one; or, of several, a connected one by {@link LoadBalancing} (any in
     * turn while none is connected, so that calls wait for the first to come up).
     */
    private @Nullable ConnectionMember pick(List<ConnectionMember> servers) {
        if (servers.isEmpty()) {
            return null;
        }
        if (servers.size() == 1) {
            return servers.get(0);
        }
        int start = Math.floorMod(turn.getAndIncrement(), servers.size());
        ConnectionMember chosen = null;
        for (int i = 0; i < servers.size(); i++) {
            ConnectionMember candidate = servers.get((start + i) % servers.size());
            if (!candidate.isConnected()) {
                if (!closed.get()) {
                    candidate.revive(name, settings, protocol);
                }
                continue;
            }
            if (loadBalancing == LoadBalancing.ROUND_ROBIN) {
                return candidate;
            }
            if (chosen == null || candidate.pendingCount() < chosen.pendingCount()) {
                chosen = candidate;
            }
        }
        return chosen != null ? chosen : servers.get(start);
    }

    /** The limits of this connection. */
    public ZeroConnectionSettings settings() {
        return settings;
    }

    /**
     * Where the connection stands, and since when (e.g. for a health check). Of several servers: connected while any
     * is, with the address of one; otherwise the state of the first.
     */
    public ZeroConnectionState state() {
        List<ConnectionMember> servers = members.active();
        if (servers == null || servers.isEmpty()) {
            return closed.get() ? new ZeroConnectionState(ZeroConnectionState.Status.CLOSED, null, idle.since()) : idle;
        }
        for (ConnectionMember server : servers) {
            if (server.isConnected()) {
                return server.state();
            }
        }
        return servers.get(0).state();
    }

    /** The state of each server, in the order of the address (none while a service has no known instance). */
    public List<ZeroConnectionState> states() {
        List<ConnectionMember> servers = members.active();
        return servers == null ? List.of(state()) : servers.stream().map(ConnectionMember::state).toList();
    }

    /**
     * Number of calls pending: sent and waiting for their reply, or waiting to be sent. Each holds one of the
     * connection's {@link ZeroConnectionSettings#maxInFlight()} slots until its future completes.
     */
    public int pendingCount() {
        return inFlight.get();
    }

    /**
     * Sends a call; the future gets the decoded reply or fails with a {@link ZeroException}. With {@code timed}, a
     * timer expires it after {@code timeout}; without, the caller waits on the future itself and calls
     * {@link CallFuture#expire()} when its timeout has passed (a blocking caller saves a timer task, and the timer
     * thread's wake-up, per call).
     * @param payload the msgpack argument, or {@code null} for none
     * @param returnType the type to decode the reply to, or {@code null} for generic decoding
     */
    CallFuture call(String rpc, byte @Nullable [] payload, @Nullable Type returnType, Duration timeout,
            ReplyReader reader, boolean timed) {
        return call(rpc, payload, returnType, timeout, reader, timed, false);
    }

    /**
     * Sends a call as {@link #call(String, byte[], Type, Duration, ReplyReader, boolean)} does; with
     * {@code onCallerThread}, the caller blocks for the reply anyway, so the transport may make the call on the
     * calling thread and return its future complete ({@link ClientTransport#callOnCallerThread}).
     */
    CallFuture call(String rpc, byte @Nullable [] payload, @Nullable Type returnType, Duration timeout,
            ReplyReader reader, boolean timed, boolean onCallerThread) {
        ZeroClientCallListener observer = listener;
        if (observer == null) {
            return send(rpc, payload, returnType, timeout, reader, timed, onCallerThread);
        }
        String resolved = address;
        ZeroClientCall call = new ZeroClientCall(rpc, resolved != null ? resolved : String.valueOf(addressOrNull()));
        Object context = null;
        try {
            context = observer.started(call);
        }
        catch (RuntimeException ex) {
            logger.warn("Zero client call listener failed for " + rpc, ex);
        }
        Object started = context;
        CallFuture future = send(rpc, payload, returnType, timeout, reader, timed, onCallerThread);
        future.whenComplete((value, failure) -> {
            try {
                observer.completed(call, started, ClientOutcomes.of(failure), ClientOutcomes.unwrap(failure));
            }
            catch (RuntimeException ex) {
                logger.warn("Zero client call listener failed for " + rpc, ex);
            }
        });
        return future;
    }

    /** The resolved address, or {@code null} if it cannot be resolved (the call then fails saying why). */
    private @Nullable String addressOrNull() {
        try {
            return address();
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    private CallFuture send(String rpc, byte @Nullable [] payload, @Nullable Type returnType, Duration timeout,
            ReplyReader reader, boolean timed, boolean onCallerThread) {
        ConnectionMember member;
        try {
            member = pick(members());
        }
        catch (RuntimeException ex) {
            return CallFuture.failed(ex instanceof ZeroException ? ex
                    : new ZeroException(rpc + ": cannot resolve the server address: " + ex.getMessage(), ex));
        }
        if (member == null) {
            return CallFuture.failed(closed.get() ? ClientTransport.closedException(rpc, String.valueOf(address))
                    : noServer(rpc));
        }
        String server = member.address();
        long maxRequestSize = settings.maxRequestSize();
        int requestSize = protocol.requestOverhead() + (payload == null ? 0 : payload.length);
        if (maxRequestSize >= 0 && payload != null && requestSize > maxRequestSize) {
            return CallFuture.failed(new ZeroException(rpc + " at " + server + ": request of "
                    + requestSize + " bytes is over max-request-size ("
                    + settings.describeMaxRequestSize() + "); the server would drop it (raise the client's "
                    + "max-request-size together with the server's inbound limit)"));
        }
        ClientTransport transport;
        try {
            transport = transport(member);
        }
        catch (RuntimeException ex) {
            return CallFuture.failed(
                    new ZeroConnectionException(rpc, server, "cannot open a connection: " + ex));
        }
        if (transport == null) {
            return CallFuture.failed(ClientTransport.closedException(rpc, server));
        }
        PendingCall call;
        try {
            call = register(transport.calls(), rpc, payload, returnType, timeout, reader, server, timed);
        }
        catch (ZeroFrameException ex) {
            return CallFuture.failed(
                    new ZeroException(rpc + " at " + server + ": " + ex.getMessage(), ex));
        }
        if (call == null) {
            return CallFuture.failed(new ZeroException(rpc + " at " + server
                    + ": too many calls in flight (at most " + settings.maxInFlight() + ")"));
        }
        if (onCallerThread && transport.callOnCallerThread(call, System.nanoTime() + timeout.toNanos())) {
            return call.future;
        }
        transport.submit(call);
        ZeroConnectionException refusal = transport.refusal(rpc);
        if (refusal != null) {
            call.fail(refusal);
        }
        return call.future;
    }

    private ZeroConnectionException noServer(String rpc) {
        return (service != null)
                ? new ZeroConnectionException(rpc, service, "no instance of service '" + service
                        + "' is known (service discovery found none yet, or none is left)")
                : new ZeroConnectionException(rpc, "", "no server address is known (the list of servers is empty)");
    }

    /** The member's usable transport, opened on the first call and after a failure; {@code null} once closed. */
    private @Nullable ClientTransport transport(ConnectionMember member) {
        if (closed.get()) {
            return null;
        }
        return member.transport(name, settings, protocol);
    }

    private PendingCall register(PendingCalls calls, String rpc, byte[] payload, Type returnType, Duration timeout,
            ReplyReader reader, String server, boolean timed) {
        RequestId id = protocol.newId();
        PendingCall call = new PendingCall(id, protocol.encodeRequest(id, rpc, payload), rpc, server, timeout,
                returnType, reader);
        if (inFlight.incrementAndGet() > settings.maxInFlight()) {
            inFlight.decrementAndGet();
            return null;
        }
        while (!calls.add(call)) {
            id = protocol.newId();
            call = new PendingCall(id, protocol.encodeRequest(id, rpc, payload), rpc, server, timeout,
                    returnType, reader);
        }
        PendingCall registered = call;
        if (timed) {
            registered.setExpiry(CallTimer.schedule(registered::expire, timeout));
        }
        registered.future.beforeCompletion(() -> {
            calls.forget(registered);
            inFlight.decrementAndGet();
            registered.cancelExpiry();
        });
        return registered;
    }

    /** Number of removed servers still draining their pending calls. */
    int drainingCount() {
        return members.drainingCount();
    }

    /** The usable transport to the first server, opened if needed (tests inject faults into it). */
    ClientTransport transport() {
        ClientTransport transport = transport(members().get(0));
        if (transport == null) {
            throw new IllegalStateException(this + " is closed");
        }
        return transport;
    }

    /**
     * Fails the pending calls with {@link ZeroConnectionException} ("client closed"), stops the I/O threads,
     * which close their sockets and contexts, and waits for them to end, a few seconds at most. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        members.close(System.nanoTime() + CLOSE_BUDGET.toNanos());
    }

    /** Builds a {@link ZeroConnection}. */
    public static final class Builder {

        private Supplier<String> address;

        private final @Nullable String service;

        private ZeroConnectionSettings settings = ZeroConnectionSettings.defaults();

        private final List<ZeroClientCallListener> listeners = new ArrayList<>();

        private final List<Consumer<ZeroConnectionState>> stateListeners = new ArrayList<>();

        private LoadBalancing loadBalancing = LoadBalancing.ROUND_ROBIN;

        private ClientProtocol protocol = ClientProtocol.ZEROMQ;

        private int tcpConnections = DEFAULT_TCP_CONNECTIONS;

        private Builder(Supplier<String> address, @Nullable String service) {
            this.address = Objects.requireNonNull(address, "address");
            this.service = service;
        }

        /** Replaces the supplier of the server address. */
        public Builder address(Supplier<String> address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /** Replaces the settings. */
        public Builder settings(ZeroConnectionSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Changes the settings, e.g. {@code settings(s -> s.withMaxInFlight(100))}. */
        public Builder settings(UnaryOperator<ZeroConnectionSettings> change) {
            return settings(change.apply(settings));
        }

        /** The settings as they stand. */
        public ZeroConnectionSettings settings() {
            return settings;
        }

        /** Adds a listener told of every call (e.g. for metrics and traces); listeners are told in order. */
        public Builder listener(ZeroClientCallListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Adds a listener told of every change of the connection's {@link ZeroConnection#state()} (connecting,
         * connected, lost, closed), on the thread that saw it (often the connection's I/O thread): it must be quick.
         */
        public Builder stateListener(Consumer<ZeroConnectionState> listener) {
            stateListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** How calls are spread over several servers (default {@link LoadBalancing#ROUND_ROBIN}). */
        public Builder loadBalancing(LoadBalancing loadBalancing) {
            this.loadBalancing = Objects.requireNonNull(loadBalancing, "loadBalancing");
            return this;
        }

        /** The wire protocol to the server (default {@link ClientProtocol#ZEROMQ}, as Python Zero's default). */
        public Builder protocol(ClientProtocol protocol) {
            this.protocol = Objects.requireNonNull(protocol, "protocol");
            return this;
        }

        /**
         * With {@link ClientProtocol#TCP}, how many TCP connections to each server carry the calls (default
         * {@value #DEFAULT_TCP_CONNECTIONS}); each carries any number of calls at once.
         */
        public Builder tcpConnections(int connections) {
            if (connections < 1) {
                throw new IllegalArgumentException("tcpConnections must be at least 1, got " + connections);
            }
            this.tcpConnections = connections;
            return this;
        }

        /** The connection; it connects on its first call. */
        public ZeroConnection build() {
            List<Consumer<ZeroConnectionState>> told = List.copyOf(stateListeners);
            ClientTransport.Protocol wire = protocol == ClientProtocol.TCP ? TcpClientTransport.protocol(tcpConnections)
                    : ZmqClientTransport.PROTOCOL;
            return new ZeroConnection(address, service, settings, ClientCallListeners.of(listeners),
                    state -> told.forEach(listener -> listener.accept(state)), loadBalancing, wire);
        }
    }

    @Override
    public String toString() {
        String servers = (address != null) ? address : "unresolved";
        return "ZeroConnection[" + (service != null ? service + ": " + servers : servers) + ", " + pendingCount()
                + " pending]";
    }
}
