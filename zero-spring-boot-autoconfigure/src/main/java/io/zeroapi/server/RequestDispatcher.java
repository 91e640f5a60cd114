package io.zeroapi.server;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.zeroapi.codec.ZeroCodecException;
import io.zeroapi.endpoint.ExecutionPath;
import io.zeroapi.endpoint.ZeroRpcEndpoint;
import io.zeroapi.frame.RequestFrame;
import io.zeroapi.frame.ResponseFrame;
import io.zeroapi.frame.ZeroFrameException;
import io.zeroapi.frame.ZeroProtocol;

/**
 * Decides what each request frame gets, on the I/O thread: the built-ins ({@code connect},
 * {@code get_rpc_contract}), Zero's errors for unknown names and undecodable frames, the busy and
 * shutting-down refusals, or an {@link Invocation} on the endpoint's execution path. Keeps the books of calls in
 * flight (I/O thread only): at most {@code maxInFlight} in all, and per connection at most {@code maxInFlightPerPeer}
 * calls holding at most {@code peerBufferBudget} bytes of requests.
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

    private final Map<String, ZeroRpcEndpoint> endpoints;

    private final ReplyBodies bodies;

    private final Executor workers;

    private final ReplyQueue replies;

    private final RpcContract contract;

    private final int maxInFlight;

    private final int maxInFlightPerPeer;

    private final long peerBufferBudget;

    private final RateLimitedLog log;

    private final Peers peers = new Peers();

    private final InFlightCalls calls = new InFlightCalls();

    private boolean draining;

    RequestDispatcher(Map<String, ZeroRpcEndpoint> endpoints, ReplyBodies bodies, Executor workers,
            ReplyQueue replies, int maxInFlight, int maxInFlightPerPeer, long peerBufferBudget, RateLimitedLog log) {
        this.endpoints = endpoints;
        this.bodies = bodies;
        this.workers = workers;
        this.replies = replies;
        this.contract = new RpcContract(endpoints.values());
        this.maxInFlight = maxInFlight;
        this.maxInFlightPerPeer = maxInFlightPerPeer;
        this.peerBufferBudget = peerBufferBudget;
        this.log = log;
    }

    void dispatch(byte[] identity, byte[] data, long nowNanos) {
        Peer peer = peers.get(identity);
        if (data.length < RequestFrame.ID_LENGTH) {
            log.warn("short", "Frame of " + data.length + " bytes is shorter than a request id", null);
            answer(peer, data, bodies.notFound(""));
            return;
        }
        RequestFrame request;
        try {
            request = RequestFrame.parse(data);
        }
        catch (ZeroFrameException ex) {
            log.warn("frame", "Undecodable request frame: " + ex.getMessage(), null);
            answer(peer, Arrays.copyOf(data, RequestFrame.ID_LENGTH), bodies.generic());
            return;
        }
        String function = request.function();
        if (ZeroProtocol.CONNECT.equals(function)) {
            answer(peer, request.id(), bodies.connected());
        }
        else if (draining) {
            answer(peer, request.id(), bodies.shuttingDown());
        }
        else if (ZeroProtocol.GET_RPC_CONTRACT.equals(function)) {
            answer(peer, request.id(), contract(request));
        }
        else {
            call(peer, request, endpoints.get(function), nowNanos);
        }
    }

    private void call(Peer peer, RequestFrame request, ZeroRpcEndpoint endpoint, long nowNanos) {
        if (endpoint == null) {
            if (ZeroProtocol.RESERVED_NAMES.contains(request.function())) {
                log.debug("built-in", "Zero built-in '" + request.function() + "' is not served (as in Zero)");
            }
            else {
                log.warn("not-found", "No Zero function '" + LogText.escape(request.function()) + "'", null);
            }
            answer(peer, request.id(), bodies.notFound(request.function()));
            return;
        }
        if (calls.size() >= maxInFlight) {
            log.warn("busy", "Refusing '" + endpoint.name() + "': " + calls.size() + " requests in flight", null);
            answer(peer, request.id(), bodies.busy(calls.size()));
            return;
        }
        if (peer.outstanding >= maxInFlightPerPeer) {
            log.warn("peer-busy", "Refusing '" + endpoint.name() + "': " + peer.outstanding
                    + " requests in flight from one connection", null);
            answer(peer, request.id(), bodies.peerBusy(peer.outstanding));
            return;
        }
        if (peer.requestBytes + request.frame().length > peerBufferBudget && peer.outstanding > 0) {
            log.warn("peer-bytes", "Refusing '" + endpoint.name() + "': the connection's calls in flight hold "
                    + peer.requestBytes + " bytes of requests", null);
            answer(peer, request.id(), bodies.peerBusy(peer.outstanding));
            return;
        }
        if (!endpoint.takesArgument() && request.payloadLength() > IGNORED_PAYLOAD_BYTES) {
            log.warn("no-argument", "Refusing a payload of " + request.payloadLength() + " bytes for '"
                    + endpoint.name() + "', which takes no argument", null);
            answer(peer, request.id(), bodies.noArgument(endpoint.name(), request.payloadLength()));
            return;
        }
        Invocation invocation = new Invocation(endpoint, peer, request, bodies, replies, log);
        peer.outstanding++;
        peer.requestBytes += request.frame().length;
        invocation.requestBytes = request.frame().length;
        calls.add(invocation, nowNanos);
        boolean inline = endpoint.path() != ExecutionPath.WORKER && request.payloadLength() <= INLINE_PAYLOAD_BYTES;
        if (inline) {
            invocation.run();
            return;
        }
        try {
            workers.execute(invocation);
        }
        catch (RejectedExecutionException ex) {
            log.warn("rejected", "Worker pool rejected '" + endpoint.name() + "'", ex);
            invocation.rejected();
        }
    }

    private byte[] contract(RequestFrame request) {
        if (request.payloadLength() > CONTRACT_ARGUMENT_BYTES) {
            return bodies.contractFailed("expected [host, port], got " + request.payloadLength() + " bytes");
        }
        Object argument;
        try {
            argument = request.hasPayload()
                    ? bodies.codec().decode(request.frame(), request.payloadOffset(), request.payloadLength()) : null;
        }
        catch (ZeroCodecException ex) {
            return bodies.generic();
        }
        try {
            return bodies.codec().encode(contract.generate(argument));
        }
        catch (RuntimeException ex) {
            return bodies.contractFailed(String.valueOf(ex.getMessage()));
        }
    }

    private void answer(Peer peer, byte[] id, byte[] body) {
        replies.add(new Reply(peer, ResponseFrame.encode(id, body), null));
    }

    /** I/O thread: a counted call's reply has reached the I/O thread; its in-flight slot is free. */
    void completed(Invocation call) {
        calls.remove(call);
        release(call);
    }

    private void release(Invocation call) {
        call.peer().requestBytes -= call.requestBytes;
        call.requestBytes = 0;
    }

    /**
     * I/O thread: a reply was handed to ZeroMQ or dropped; its caller's share is free. A counted reply has been
     * {@link #completed} before.
     */
    void delivered(Reply reply) {
        Peer peer = reply.peer();
        if (reply.counted()) {
            peer.outstanding--;
        }
        peers.releaseIfIdle(peer);
    }

    /** The call accepted first among those in flight, or {@code null}. */
    Invocation oldestCall() {
        return calls.oldest();
    }

    /** From now on, calls are refused with "server is shutting down". */
    void drain() {
        draining = true;
    }

    int inFlight() {
        return calls.size();
    }
}
