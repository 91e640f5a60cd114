package io.zeroapi.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import io.zeroapi.ZeroCallOutcome;
import io.zeroapi.codec.ZeroCodecException;
import io.zeroapi.endpoint.ExecutionPath;
import io.zeroapi.endpoint.ZeroRpcEndpoint;
import io.zeroapi.frame.ZeroProtocol;
import io.zeroapi.frame.ZeroRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The server's request handling, whatever transport carries the frames; on the transport's I/O thread. Decides
 * what each request gets: the built-ins ({@code connect}, {@code get_rpc_contract}), Zero's error for unknown
 * names, the busy and shutting-down refusals, or an {@link Invocation} on the endpoint's execution path. Keeps the
 * books of calls in flight: at most {@code maxInFlight} in all, and per connection at most
 * {@code maxInFlightPerPeer} calls holding at most {@code peerBufferBudget} bytes of requests; answers the calls
 * past the call timeout, and, once draining, refuses new calls and finally answers those left.
 * <p>
 * Payloads are decoded off the I/O thread: always for worker methods, and for the other paths when they are over
 * {@link #INLINE_PAYLOAD_BYTES}. A method without a parameter refuses a payload over
 * {@link #IGNORED_PAYLOAD_BYTES} without decoding it; {@code get_rpc_contract} refuses an argument over
 * {@link #CONTRACT_ARGUMENT_BYTES}.
 */
final class RequestDispatcher {

    /** Largest payload decoded on the I/O thread (for non-blocking and asynchronous methods). */
    static final int INLINE_PAYLOAD_BYTES = 8 * 1024;

    /** Largest payload a method without a parameter accepts (checked, then ignored, as Zero does). */
    static final int IGNORED_PAYLOAD_BYTES = 256;

    /** Largest argument of {@code get_rpc_contract} (a {@code [host, port]} pair). */
    static final int CONTRACT_ARGUMENT_BYTES = 256;

    private static final Log CALLS = LogFactory.getLog("io.zeroapi.server.calls");

    private final Map<String, ZeroRpcEndpoint> endpoints;

    private final CallContext context;

    private final ReplyBodies bodies;

    private final RateLimitedLog log;

    private final Executor workers;

    private final PythonClientGenerator contract;

    private final int maxInFlight;

    private final int maxInFlightPerPeer;

    private final long peerBufferBudget;

    private final Duration callTimeout;

    private final long callTimeoutNanos;

    private final @Nullable ZeroServerCallListener listener;

    private final int port;

    private final Peers peers = new Peers();

    private final InFlightCalls calls = new InFlightCalls();

    private volatile boolean draining;

    /** Calls handed to the workers whose reply has not reached the I/O thread yet. */
    private int offloaded;

    /** Whether a worker call that is the only one on the workers is held for the transport ({@link #takeLoneCall}). */
    private boolean holdLoneCalls;

    /** The held lone worker call, not yet handed to the workers. */
    private @Nullable Invocation lone;

    /**
     * @param listener told of every call, or {@code null}
     * @param port the bound port, for the listener
     */
    RequestDispatcher(Map<String, ZeroRpcEndpoint> endpoints, CallContext context, Executor workers,
            ZeroServerSettings settings, @Nullable ZeroServerCallListener listener, int port) {
        this.listener = listener;
        this.port = port;
        this.endpoints = endpoints;
        this.context = context;
        this.bodies = context.bodies();
        this.log = context.log();
        this.workers = workers;
        this.contract = new PythonClientGenerator(endpoints.values(), context.codec());
        this.maxInFlight = settings.maxInFlight();
        this.maxInFlightPerPeer = settings.maxInFlightPerPeer();
        this.peerBufferBudget = settings.peerBufferBudget();
        this.callTimeout = settings.callTimeout();
        this.callTimeoutNanos = callTimeout.isNegative() || callTimeout.isZero() ? 0 : callTimeout.toNanos();
    }

    /** The peer of a transport's routing id, created when it has nothing in progress. */
    Peer peer(byte[] routingId) {
        return peers.get(routingId);
    }

    /** Handles one request of {@code peer}, received at {@code nowNanos}. */
    void dispatch(Peer peer, ZeroRequest request, long nowNanos) {
        String function = request.function();
        if (ZeroProtocol.CONNECT.equals(function)) {
            answer(peer, request.id(), bodies.connected(), false);
        }
        else if (draining) {
            refuse(peer, request, endpoints.get(function), ZeroCallOutcome.SHUTTING_DOWN, bodies.shuttingDown());
        }
        else if (ZeroProtocol.GET_RPC_CONTRACT.equals(function)) {
            observe(peer, request, null, contract(peer, request) ? ZeroCallOutcome.OK
                    : ZeroCallOutcome.SERVER_EXCEPTION, null);
        }
        else {
            call(peer, request, endpoints.get(function), nowNanos);
        }
    }

    private void call(Peer peer, ZeroRequest request, @Nullable ZeroRpcEndpoint endpoint, long nowNanos) {
        if (endpoint == null) {
            if (ZeroProtocol.RESERVED_NAMES.contains(request.function())) {
                log.debug("built-in", "Zero built-in '" + request.function() + "' is not served (as in Zero)");
            }
            else {
                log.warn("not-found", "No Zero function '" + LogText.escape(LogText.truncate(request.function())) + "'",
                        null);
            }
            refuse(peer, request, null, ZeroCallOutcome.FUNCTION_NOT_FOUND, bodies.notFound(request.function()));
            return;
        }
        if (calls.size() >= maxInFlight) {
            log.warn("busy", "Refusing '" + endpoint.name() + "': " + calls.size() + " requests in flight", null);
            refuse(peer, request, endpoint, ZeroCallOutcome.BUSY, bodies.busy(calls.size()));
            return;
        }
        if (peer.outstanding >= maxInFlightPerPeer) {
            log.warn("peer-busy", "Refusing '" + endpoint.name() + "': " + peer.outstanding
                    + " requests in flight from one connection", null);
            refuse(peer, request, endpoint, ZeroCallOutcome.BUSY, bodies.peerBusy(peer.outstanding));
            return;
        }
        int requestBytes = request.frame().length;
        if (peer.requestBytes + requestBytes > peerBufferBudget && peer.outstanding > 0) {
            log.warn("peer-bytes", "Refusing '" + endpoint.name() + "': the connection's calls in flight hold "
                    + peer.requestBytes + " bytes of requests", null);
            refuse(peer, request, endpoint, ZeroCallOutcome.BUSY, bodies.peerBusy(peer.outstanding));
            return;
        }
        if (!endpoint.takesArgument() && request.payloadLength() > IGNORED_PAYLOAD_BYTES) {
            log.warn("no-argument", "Refusing a payload of " + request.payloadLength() + " bytes for '"
                    + endpoint.name() + "', which takes no argument", null);
            refuse(peer, request, endpoint, ZeroCallOutcome.VALIDATION_ERROR,
                    bodies.noArgument(endpoint.name(), request.payloadLength()));
            return;
        }
        Invocation invocation = new Invocation(endpoint, peer, request, context);
        if (listener != null || context.interceptors() != null) {
            invocation.callInfo = new ZeroServerCall(endpoint.name(), endpoint, peer.identity, port);
            if (listener != null) {
                invocation.observation = started(invocation.callInfo);
            }
        }
        peer.outstanding++;
        peer.requestBytes += requestBytes;
        invocation.requestBytes = requestBytes;
        calls.add(invocation, nowNanos);
        boolean inline = endpoint.path() != ExecutionPath.WORKER && request.payloadLength() <= INLINE_PAYLOAD_BYTES;
        if (inline) {
            invocation.run();
            return;
        }
        invocation.offloaded = true;
        offloaded++;
        if (holdLoneCalls && offloaded == 1) {
            lone = invocation;
            return;
        }
        if (lone != null) {
            offload(takeLoneCall());
        }
        offload(invocation);
    }

    /** Hands a worker call (counted in {@link #offloaded}) to the workers. */
    void offload(Invocation invocation) {
        try {
            workers.execute(invocation);
        }
        catch (RejectedExecutionException ex) {
            log.warn("rejected", "Worker pool rejected '" + invocation.function() + "'", ex);
            invocation.rejected();
        }
    }

    /**
     * From now on, a worker call that comes while no other is on the workers is held rather than handed to them:
     * the transport takes it at the end of its turn ({@link #takeLoneCall}) and runs it or {@link #offload}s it.
     * A second worker call in the same turn hands the held one to the workers first.
     */
    void holdLoneCalls() {
        holdLoneCalls = true;
    }

    /** The worker call held this turn, if any (see {@link #holdLoneCalls}); the caller runs or offloads it. */
    @Nullable Invocation takeLoneCall() {
        Invocation held = lone;
        lone = null;
        return held;
    }

    /** Answers {@code get_rpc_contract}; returns whether it answered with the module. */
    private boolean contract(Peer peer, ZeroRequest request) {
        if (request.payloadLength() > CONTRACT_ARGUMENT_BYTES) {
            answer(peer, request.id(),
                    bodies.contractFailed("expected [host, port], got " + request.payloadLength() + " bytes"), true);
            return false;
        }
        Object argument;
        try {
            argument = request.hasPayload()
                    ? context.codec().decode(request.frame(), request.payloadOffset(), request.payloadLength()) : null;
        }
        catch (ZeroCodecException ex) {
            answer(peer, request.id(), bodies.generic(), true);
            return false;
        }
        byte[] body;
        boolean error = false;
        try {
            body = context.codec().encode(contract.generate(argument));
        }
        catch (RuntimeException ex) {
            body = bodies.contractFailed(String.valueOf(ex.getMessage()));
            error = true;
        }
        answer(peer, request.id(), body, error);
        return !error;
    }

    private void refuse(Peer peer, ZeroRequest request, @Nullable ZeroRpcEndpoint endpoint, ZeroCallOutcome outcome,
            byte[] body) {
        answer(peer, request.id(), body, true);
        observe(peer, request, endpoint, outcome, null);
    }

    /** Tells the listener of a call answered at once. */
    private void observe(Peer peer, ZeroRequest request, @Nullable ZeroRpcEndpoint endpoint, ZeroCallOutcome outcome,
            @Nullable Throwable failure) {
        if (listener == null) {
            return;
        }
        ZeroServerCall call = new ZeroServerCall(request.function(), endpoint, peer.identity, port);
        completed(call, started(call), outcome, failure);
    }

    private @Nullable Object started(ZeroServerCall call) {
        try {
            return listener.started(call);
        }
        catch (RuntimeException ex) {
            log.warn("listener", "Zero server call listener failed for " + LogText.escape(call.function()), ex);
            return null;
        }
    }

    private void completed(ZeroServerCall call, @Nullable Object observation, ZeroCallOutcome outcome,
            @Nullable Throwable failure) {
        try {
            listener.completed(call, observation, outcome, failure);
        }
        catch (RuntimeException ex) {
            log.warn("listener", "Zero server call listener failed for " + LogText.escape(call.function()), ex);
        }
    }

    /** Answers {@code peer}'s request {@code id} with {@code body}, outside the books of calls in flight. */
    void answer(Peer peer, byte[] id, byte[] body, boolean error) {
        context.replies().add(context.reply(peer, id, body, error, null));
    }

    /**
     * A counted call's reply has reached the I/O thread (or the call was abandoned after its handler's reply was
     * claimed); its in-flight slot is free. Traced at DEBUG under {@code io.zeroapi.server.calls}: function,
     * caller, duration and outcome.
     */
    void completed(Invocation call) {
        if (call.listed) {
            if (call.offloaded) {
                offloaded--;
            }
            if (CALLS.isDebugEnabled()) {
                CALLS.debug(call.function() + " from " + LogText.routingId(call.peer().identity) + " took "
                        + LogText.millis(System.nanoTime() - call.acceptedNanos) + ": " + call.outcome());
            }
            if (listener != null && call.callInfo != null) {
                completed(call.callInfo, call.observation, call.outcome(), call.failure());
            }
        }
        calls.remove(call);
        call.peer().requestBytes -= call.requestBytes;
        call.requestBytes = 0;
    }

    /**
     * A reply was handed to the transport or dropped; its caller's share is free. A counted reply has been
     * {@link #completed} before.
     */
    void delivered(Reply reply) {
        Peer peer = reply.peer();
        if (reply.counted()) {
            peer.outstanding--;
        }
        peers.releaseIfIdle(peer);
    }

    /**
     * Answers the calls past the server's call timeout, freeing their slots: each answer goes to {@code send}, which
     * must hand it on as a reply from the I/O thread ({@link #completed} first).
     */
    void expireCalls(long nowNanos, Consumer<Reply> send) {
        if (callTimeoutNanos <= 0) {
            return;
        }
        Invocation oldest;
        while ((oldest = calls.oldest()) != null && nowNanos - oldest.acceptedNanos >= callTimeoutNanos) {
            Reply reply = oldest.abandon(bodies.timedOut(oldest.function(), callTimeout), ZeroCallOutcome.TIMEOUT);
            if (reply == null) {
                completed(oldest);
                continue;
            }
            log.warn("deadline:" + oldest.function(), "Zero function '" + oldest.function()
                    + "' did not complete within the call timeout of " + callTimeout.toMillis()
                    + " ms; answered with a server exception", null);
            send.accept(reply);
        }
    }

    /**
     * The grace period is over: every call still in flight is answered "server is shutting down" through
     * {@code send}.
     * @return how many calls it answered
     */
    int answerRemaining(Consumer<Reply> send) {
        int answered = 0;
        Invocation oldest;
        while ((oldest = calls.oldest()) != null) {
            Reply reply = oldest.abandon(bodies.shuttingDown(), ZeroCallOutcome.SHUTTING_DOWN);
            if (reply == null) {
                completed(oldest);
                continue;
            }
            answered++;
            send.accept(reply);
        }
        return answered;
    }

    /** From now on, calls are refused with "server is shutting down"; any thread may call it. */
    void drain() {
        draining = true;
    }

    /** Whether calls are refused because the server is stopping. */
    boolean isDraining() {
        return draining;
    }

    /**
     * I/O thread: whether exactly one call handed to the workers waits for its reply, as a lone blocking caller's
     * does: then its reply is the next thing to come, and worth polling for a moment. With more on the workers,
     * requests and replies keep coming and polling only takes the core from the workers (measured with
     * {@code zero-benchmarks}; figures in its README).
     */
    boolean awaitsOneWorkerCall() {
        return offloaded == 1;
    }

    /** Calls in flight; any thread may ask. */
    int inFlight() {
        return calls.size();
    }
}
