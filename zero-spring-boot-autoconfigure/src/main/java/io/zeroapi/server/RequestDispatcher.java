package io.zeroapi.server;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.zeroapi.codec.ZeroCodecException;
import io.zeroapi.frame.RequestFrame;
import io.zeroapi.frame.ResponseFrame;
import io.zeroapi.frame.ZeroFrameException;

/**
 * Decides what each request frame gets, on the I/O thread: the built-ins ({@code connect},
 * {@code get_rpc_contract}), Zero's errors for unknown names and undecodable frames, the busy and
 * shutting-down refusals, or an {@link Invocation} on the endpoint's execution path. Counts requests in
 * flight (I/O thread only).
 */
final class RequestDispatcher {

    private final Map<String, ZeroRpcEndpoint> endpoints;

    private final ReplyBodies bodies;

    private final Executor workers;

    private final ReplyQueue replies;

    private final RpcContract contract;

    private final int maxInFlight;

    private final RateLimitedLog log;

    private int inFlight;

    private boolean draining;

    RequestDispatcher(Map<String, ZeroRpcEndpoint> endpoints, ReplyBodies bodies, Executor workers,
            ReplyQueue replies, int maxInFlight, RateLimitedLog log) {
        this.endpoints = endpoints;
        this.bodies = bodies;
        this.workers = workers;
        this.replies = replies;
        this.contract = new RpcContract(endpoints.values());
        this.maxInFlight = maxInFlight;
        this.log = log;
    }

    void dispatch(byte[] identity, byte[] data) {
        if (data.length < RequestFrame.ID_LENGTH) {
            log.warn("short", "Frame of " + data.length + " bytes is shorter than a request id", null);
            answer(identity, data, bodies.notFound(""));
            return;
        }
        RequestFrame request;
        try {
            request = RequestFrame.parse(data);
        }
        catch (ZeroFrameException ex) {
            log.warn("frame", "Undecodable request frame: " + ex.getMessage(), null);
            answer(identity, Arrays.copyOf(data, RequestFrame.ID_LENGTH), bodies.generic());
            return;
        }
        String function = request.function();
        if ("connect".equals(function)) {
            answer(identity, request.id(), bodies.connected());
        }
        else if (draining) {
            answer(identity, request.id(), bodies.shuttingDown());
        }
        else if ("get_rpc_contract".equals(function)) {
            answer(identity, request.id(), contract(request));
        }
        else {
            call(identity, request, endpoints.get(function));
        }
    }

    private void call(byte[] identity, RequestFrame request, ZeroRpcEndpoint endpoint) {
        if (endpoint == null) {
            log.warn("not-found", "No Zero function '" + request.function() + "'", null);
            answer(identity, request.id(), bodies.notFound(request.function()));
            return;
        }
        if (inFlight >= maxInFlight) {
            log.warn("busy", "Refusing '" + endpoint.name() + "': " + inFlight + " requests in flight", null);
            answer(identity, request.id(), bodies.busy(inFlight));
            return;
        }
        inFlight++;
        Invocation invocation = new Invocation(endpoint, identity, request, bodies, replies, log);
        if (endpoint.path() != ExecutionPath.WORKER) {
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

    private void answer(byte[] identity, byte[] id, byte[] body) {
        replies.add(new Reply(identity, ResponseFrame.encode(id, body), false));
    }

    /** Called by the I/O thread for every reply it has sent or dropped. */
    void replied(Reply reply) {
        if (reply.counted()) {
            inFlight--;
        }
    }

    /** From now on, calls are refused with "server is shutting down". */
    void drain() {
        draining = true;
    }

    int inFlight() {
        return inFlight;
    }
}
