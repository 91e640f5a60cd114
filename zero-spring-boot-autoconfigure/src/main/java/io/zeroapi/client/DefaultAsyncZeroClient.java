package io.zeroapi.client;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import io.zeroapi.AsyncZeroClient;
import io.zeroapi.ZeroException;
import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.codec.ZeroCodecException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;

/**
 * The {@link AsyncZeroClient} over a {@link ZeroConnection}: encodes the argument with the {@link ZeroCodec},
 * sends the call and reads the reply. Thread-safe.
 */
public final class DefaultAsyncZeroClient implements AsyncZeroClient {

    private final ZeroConnection connection;

    private final ZeroCodec codec;

    private final ReplyReader reader;

    private final Duration defaultTimeout;

    private final @Nullable ClientInterceptorChain interceptors;

    /**
     * Creates a client.
     * @param connection the connection to the server (may be shared with other clients)
     * @param codec the msgpack codec
     * @param defaultTimeout the timeout of calls that do not give their own
     */
    public DefaultAsyncZeroClient(ZeroConnection connection, ZeroCodec codec, Duration defaultTimeout) {
        this(connection, codec, defaultTimeout, List.of());
    }

    /**
     * Creates a client whose calls go through {@code interceptors} (the first outermost).
     * @param connection the connection to the server (may be shared with other clients)
     * @param codec the msgpack codec
     * @param defaultTimeout the timeout of calls that do not give their own
     */
    public DefaultAsyncZeroClient(ZeroConnection connection, ZeroCodec codec, Duration defaultTimeout,
            List<ZeroClientInterceptor> interceptors) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.defaultTimeout = checkTimeout(defaultTimeout);
        this.reader = new ReplyReader(codec);
        this.interceptors = ClientInterceptorChain.of(interceptors);
    }

    /** The timeout of calls that do not give their own. */
    public Duration defaultTimeout() {
        return defaultTimeout;
    }

    @Override
    public CompletableFuture<Object> call(String rpc, @Nullable Object arg) {
        return send(rpc, arg, null, defaultTimeout);
    }

    @Override
    public <T> CompletableFuture<T> call(String rpc, @Nullable Object arg, Class<T> returnType) {
        return send(rpc, arg, Objects.requireNonNull(returnType, "returnType"), defaultTimeout);
    }

    @Override
    public <T> CompletableFuture<T> call(String rpc, @Nullable Object arg, ParameterizedTypeReference<T> returnType) {
        return send(rpc, arg, Objects.requireNonNull(returnType, "returnType").getType(), defaultTimeout);
    }

    @Override
    public CompletableFuture<Object> call(String rpc, @Nullable Object arg, Duration timeout) {
        return send(rpc, arg, null, checkTimeout(timeout));
    }

    @Override
    public <T> CompletableFuture<T> call(String rpc, @Nullable Object arg, Class<T> returnType, Duration timeout) {
        return send(rpc, arg, Objects.requireNonNull(returnType, "returnType"), checkTimeout(timeout));
    }

    @Override
    public <T> CompletableFuture<T> call(String rpc, @Nullable Object arg, ParameterizedTypeReference<T> returnType,
            Duration timeout) {
        return send(rpc, arg, Objects.requireNonNull(returnType, "returnType").getType(), checkTimeout(timeout));
    }

    @SuppressWarnings("unchecked")
    private <T> CompletableFuture<T> send(String rpc, @Nullable Object arg, @Nullable Type returnType,
            Duration timeout) {
        ClientInterceptorChain chain = interceptors;
        CompletableFuture<Object> future = chain == null ? send(rpc, arg, returnType, timeout, true, false)
                : chain.call(describe(rpc), arg, timeout,
                        (argument, time) -> send(rpc, argument, returnType, checkTimeout(time), true, false));
        return (CompletableFuture<T>) (CompletableFuture<?>) future;
    }

    /**
     * For the blocking client: a call no timer expires; the caller waits itself and then calls
     * {@link CallFuture#expire()}. Its value is of {@code returnType}. The connection may make the call on the
     * calling thread (also through the interceptors, when they proceed on it) and return the future complete.
     */
    CallFuture sendAwaited(String rpc, @Nullable Object arg, @Nullable Type returnType, Duration timeout) {
        ClientInterceptorChain chain = interceptors;
        if (chain == null) {
            return send(rpc, arg, returnType, checkTimeout(timeout), false, true);
        }
        CallFuture awaited = new CallFuture(null);
        Thread caller = Thread.currentThread();
        chain.call(describe(rpc), arg, checkTimeout(timeout), (argument, time) -> send(rpc, argument, returnType,
                checkTimeout(time), true, Thread.currentThread() == caller))
            .whenComplete((value, failure) -> {
                if (failure != null) {
                    awaited.completeExceptionally(ClientOutcomes.unwrap(failure));
                }
                else {
                    awaited.complete(value);
                }
            });
        return awaited;
    }

    private ZeroClientCall describe(String rpc) {
        String address;
        try {
            address = connection.address();
        }
        catch (RuntimeException ex) {
            address = "unresolved";
        }
        return new ZeroClientCall(rpc, address);
    }

    /**
     * Encodes and sends a call.
     * @param timed whether a timer expires it (else its caller waits on it and expires it)
     * @param onCallerThread whether the caller blocks for it, so it may be made on the calling thread
     */
    private CallFuture send(String rpc, @Nullable Object arg, @Nullable Type returnType, Duration timeout,
            boolean timed, boolean onCallerThread) {
        Objects.requireNonNull(rpc, "rpc");
        byte[] payload;
        try {
            payload = (arg != null) ? codec.encode(arg) : null;
        }
        catch (ZeroCodecException ex) {
            return CallFuture.failed(new ZeroException(rpc + ": cannot encode the argument: " + ex.getMessage(), ex));
        }
        Type type = (returnType == Object.class) ? null : returnType;
        return connection.call(rpc, payload, type, timeout, reader, timed, onCallerThread);
    }

    private static Duration checkTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        return timeout;
    }

    @Override
    public String toString() {
        return "DefaultAsyncZeroClient[" + connection + "]";
    }
}
