package io.zeroapi.server;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.zeroapi.ZeroCallOutcome;
import io.zeroapi.codec.ZeroCodecException;
import io.zeroapi.endpoint.ZeroRpcEndpoint;
import io.zeroapi.frame.ZeroRequest;
import org.jspecify.annotations.Nullable;

/**
 * One call of an endpoint: decodes the argument to the parameter's declared type, invokes the method, waits
 * for an asynchronous result without blocking, and queues exactly one reply, whatever happens (a handler's
 * {@code Error} included). Runs on a worker or on the I/O thread, depending on the endpoint's path and the
 * payload's size.
 * <p>
 * The reply is claimed once: by the handler's outcome, or by the I/O thread when the call passes its deadline or
 * the server stops ({@link #abandon}), which also interrupts the worker running it or cancels its pending result.
 */
final class Invocation implements Runnable {

    private final ZeroRpcEndpoint endpoint;

    private final Peer peer;

    private final byte[] id;

    private @Nullable ZeroRequest request;

    private final CallContext context;

    private static final VarHandle ANSWERED;

    static {
        try {
            ANSWERED = MethodHandles.lookup().findVarHandle(Invocation.class, "answered", boolean.class);
        }
        catch (ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    /** Whether the reply is claimed (by the handler's outcome or by {@link #abandon}); set once, through ANSWERED. */
    private volatile boolean answered;

    private Thread runner;

    private Future<?> pending;

    private boolean abandoned;

    /** How the call ended, set with the reply (before it is handed to the I/O thread). */
    private volatile ZeroCallOutcome outcome = ZeroCallOutcome.SERVER_EXCEPTION;

    // Owned by InFlightCalls (I/O thread only).
    long acceptedNanos;

    Invocation previous;

    Invocation next;

    boolean listed;

    /** Whether the call was handed to the workers (I/O thread only). */
    boolean offloaded;

    /** Bytes of the request frame still counted against the peer's budget (I/O thread only). */
    long requestBytes;

    /** The call as listeners and interceptors see it, when there are any (set before the call runs). */
    @Nullable ZeroServerCall callInfo;

    /** What the listener returned when the call started (I/O thread only). */
    @Nullable Object observation;

    /** The handler's or the decoder's exception, set with a failed reply. */
    private volatile @Nullable Throwable failure;

    Invocation(ZeroRpcEndpoint endpoint, Peer peer, ZeroRequest request, CallContext context) {
        this.endpoint = endpoint;
        this.peer = peer;
        this.request = request;
        this.id = request.id();
        this.context = context;
    }

    private RateLimitedLog log() {
        return context.log();
    }

    private ReplyBodies bodies() {
        return context.bodies();
    }

    String function() {
        return endpoint.name();
    }

    Peer peer() {
        return peer;
    }

    @Override
    public void run() {
        if (answered) {
            return;
        }
        Thread current = Thread.currentThread();
        synchronized (this) {
            runner = current;
        }
        try {
            Object argument;
            try {
                argument = decodeArgument();
                request = null;
            }
            catch (ZeroCodecException ex) {
                failure = ex;
                String message = LogText.truncate(ex.getMessage());
                if (ex.isMalformed()) {
                    log().warn("malformed", "Malformed payload for '" + endpoint.name() + "': "
                            + LogText.escape(message), null);
                    reply(bodies().generic(), ZeroCallOutcome.SERVER_EXCEPTION);
                }
                else {
                    log().warn("invalid", "Invalid argument for '" + endpoint.name() + "': " + LogText.escape(message),
                            null);
                    reply(bodies().validation(message), ZeroCallOutcome.VALIDATION_ERROR);
                }
                return;
            }
            catch (Throwable ex) {
                failure = ex;
                log().warn("decode", "Cannot decode the argument of '" + endpoint.name() + "'", ex);
                reply(bodies().generic(), ZeroCallOutcome.SERVER_EXCEPTION);
                return;
            }
            invoke(argument);
        }
        finally {
            synchronized (this) {
                runner = null;
            }
            if (!context.replies().isIoThread()) {
                Thread.interrupted();
            }
        }
    }

    private @Nullable Object decodeArgument() {
        ZeroRequest received = request;
        return endpoint.decodeArgument(context.codec(), received.frame(), received.payloadOffset(),
                received.payloadLength());
    }

    private void invoke(Object argument) {
        Object result;
        try {
            InterceptorChain interceptors = context.interceptors();
            ZeroServerCall call = callInfo;
            result = interceptors == null || call == null ? endpoint.invoke(argument)
                    : interceptors.invoke(call, endpoint, argument);
        }
        catch (Throwable ex) {
            failed(ex);
            return;
        }
        CompletableFuture<?> future = endpoint.pendingResult(result);
        if (future == null) {
            succeeded(result);
            return;
        }
        if (!future.isDone()) {
            boolean cancel;
            synchronized (this) {
                pending = future;
                cancel = abandoned;
            }
            if (cancel) {
                future.cancel(true);
            }
        }
        future.whenComplete(this::completed);
    }

    /** Rejected by the worker pool (e.g. shut down): answers with the generic error. */
    void rejected() {
        reply(bodies().generic(), ZeroCallOutcome.SERVER_EXCEPTION);
    }

    /**
     * I/O thread: claims the reply for {@code body} (a deadline or shutdown answer) unless the handler's outcome
     * already did, interrupting the worker that runs the call or cancelling its pending result.
     * @return the reply to send, or {@code null} if the handler's reply is already on its way
     */
    @Nullable Reply abandon(byte[] body, ZeroCallOutcome ending) {
        if (!ANSWERED.compareAndSet(this, false, true)) {
            return null;
        }
        Future<?> result;
        synchronized (this) {
            abandoned = true;
            if (runner != null && runner != Thread.currentThread()) {
                runner.interrupt();
            }
            result = pending;
        }
        if (result != null) {
            result.cancel(true);
        }
        outcome = ending;
        return context.reply(peer, id, body, true, this);
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
        if (answered) {
            return;
        }
        ReplyBodies bodies = context.bodies();
        byte[] body;
        try {
            body = context.codec().encode(value);
        }
        catch (Throwable ex) {
            log().warn("encode:" + endpoint.name(), "Cannot encode the result of '" + endpoint.name() + "'", ex);
            reply(bodies.generic(), ZeroCallOutcome.SERVER_EXCEPTION);
            return;
        }
        if (body.length > bodies.maxReplySize()) {
            log().warn("too-large:" + endpoint.name(), "The result of '" + endpoint.name() + "' is " + body.length
                    + " bytes, over the server's reply limit of " + bodies.maxReplySize() + " bytes", null);
            reply(bodies.replyTooLarge(body.length), ZeroCallOutcome.SERVER_EXCEPTION);
            return;
        }
        reply(body, ZeroCallOutcome.OK);
    }

    private void failed(Throwable failure) {
        if (answered) {
            return;
        }
        Throwable cause = unwrap(failure);
        this.failure = cause;
        String violations = ValidationFailures.describe(cause);
        if (violations != null) {
            String text = LogText.truncate(violations);
            log().warn("invalid", "Invalid argument for '" + endpoint.name() + "': " + LogText.escape(text),
                    null);
            reply(bodies().validation(text), ZeroCallOutcome.VALIDATION_ERROR);
            return;
        }
        byte[] body;
        try {
            log().failure("handler:" + endpoint.name(), "Zero function '" + endpoint.name() + "' failed: "
                    + LogText.escape(LogText.truncate(String.valueOf(cause))), cause);
            body = bodies().handlerFailed(cause);
        }
        catch (Throwable ex) {
            body = bodies().generic();
        }
        reply(body, ZeroCallOutcome.SERVER_EXCEPTION);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private void reply(byte[] body, ZeroCallOutcome result) {
        if (ANSWERED.compareAndSet(this, false, true)) {
            request = null;
            outcome = result;
            context.replies().add(context.reply(peer, id, body, result.isError(), this));
        }
    }

    /** The handler's or the decoder's exception, if the call failed with one. */
    @Nullable Throwable failure() {
        return failure;
    }

    /** How the call ended; read by the I/O thread once its reply has arrived there. */
    ZeroCallOutcome outcome() {
        return outcome;
    }
}
