package io.zeroapi.server;

import java.lang.reflect.Type;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import io.zeroapi.codec.ZeroCodecException;
import io.zeroapi.frame.RequestFrame;
import io.zeroapi.frame.ResponseFrame;

import org.springframework.core.ResolvableType;

/**
 * One call of an endpoint: decodes the argument to the parameter's declared type, invokes the method, waits
 * for an asynchronous result without blocking, and queues exactly one reply, whatever happens (a handler's
 * {@code Error} included). Runs on a worker or on the I/O thread, depending on the endpoint's path.
 */
final class Invocation implements Runnable {

    private static final byte[] NIL = { (byte) 0xc0 };

    private final ZeroRpcEndpoint endpoint;

    private final byte[] identity;

    private final RequestFrame request;

    private final ReplyBodies bodies;

    private final ReplyQueue replies;

    private final RateLimitedLog log;

    Invocation(ZeroRpcEndpoint endpoint, byte[] identity, RequestFrame request, ReplyBodies bodies,
            ReplyQueue replies, RateLimitedLog log) {
        this.endpoint = endpoint;
        this.identity = identity;
        this.request = request;
        this.bodies = bodies;
        this.replies = replies;
        this.log = log;
    }

    @Override
    public void run() {
        Object argument;
        try {
            argument = decodeArgument();
        }
        catch (ZeroCodecException ex) {
            if (ex.isMalformed()) {
                log.warn("malformed", "Malformed payload for '" + endpoint.name() + "': " + ex.getMessage(), null);
                reply(bodies.generic());
            }
            else {
                log.warn("invalid", "Invalid argument for '" + endpoint.name() + "': " + ex.getMessage(), null);
                reply(bodies.validation(ex.getMessage()));
            }
            return;
        }
        catch (Throwable ex) {
            log.warn("decode", "Cannot decode the argument of '" + endpoint.name() + "'", ex);
            reply(bodies.generic());
            return;
        }
        invoke(argument);
    }

    private Object decodeArgument() {
        Type type = endpoint.parameterType();
        byte[] frame = request.frame();
        int length = request.payloadLength();
        if (type == null) {
            if (length > 0) {
                bodies.codec().decode(frame, request.payloadOffset(), length);
            }
            return null;
        }
        if (length == 0) {
            Class<?> raw = ResolvableType.forType(type).toClass();
            if (raw.isPrimitive()) {
                return bodies.codec().decode(NIL, 0, 1, type);
            }
            return raw == Optional.class ? Optional.empty() : null;
        }
        return bodies.codec().decode(frame, request.payloadOffset(), length, type);
    }

    private void invoke(Object argument) {
        Object result;
        try {
            result = endpoint.invoke(argument);
        }
        catch (Throwable ex) {
            failed(ex);
            return;
        }
        if (result instanceof CompletionStage<?> stage) {
            stage.whenComplete(this::completed);
        }
        else if (endpoint.adapter() != null && result != null) {
            PublisherFuture.of(endpoint.adapter(), result).whenComplete(this::completed);
        }
        else {
            succeeded(result);
        }
    }

    /** Rejected by the worker pool (e.g. shut down): answers with the generic error. */
    void rejected() {
        reply(bodies.generic());
    }

    private void completed(Object value, Throwable failure) {
        if (failure != null) {
            failed(failure);
        }
        else {
            succeeded(value);
        }
    }

    private void succeeded(Object value) {
        byte[] body;
        try {
            body = bodies.codec().encode(value);
        }
        catch (Throwable ex) {
            log.warn("encode:" + endpoint.name(), "Cannot encode the result of '" + endpoint.name() + "'", ex);
            body = bodies.generic();
        }
        reply(body);
    }

    private void failed(Throwable failure) {
        Throwable cause = unwrap(failure);
        byte[] body;
        try {
            log.warn("handler:" + endpoint.name(), "Zero function '" + endpoint.name() + "' failed", cause);
            body = bodies.handlerFailed(cause);
        }
        catch (Throwable ex) {
            body = bodies.generic();
        }
        reply(body);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private void reply(byte[] body) {
        replies.add(new Reply(identity, ResponseFrame.encode(request.id(), body), true));
    }
}
