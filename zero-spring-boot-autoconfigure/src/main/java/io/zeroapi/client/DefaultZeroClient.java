package io.zeroapi.client;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zeroapi.ZeroClient;
import io.zeroapi.ZeroException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;

/**
 * The blocking {@link ZeroClient}: a thin layer over a {@link DefaultAsyncZeroClient} that waits for each
 * future and rethrows its {@link ZeroException}. The waiting caller enforces the timeout itself (no timer task
 * per call): once it has passed, the call is forgotten and fails as a timed-out async call would, with
 * {@link io.zeroapi.ZeroTimeoutException} if it was sent and {@link io.zeroapi.ZeroConnectionException} if no
 * connection came up. Thread-safe; waiting parks virtual threads without pinning. A platform thread may make its
 * call itself, on a socket of its own, without a hand-off to the connection's I/O thread (see
 * {@link ZeroConnection}).
 */
public final class DefaultZeroClient implements ZeroClient {

    private final DefaultAsyncZeroClient async;

    public DefaultZeroClient(DefaultAsyncZeroClient async) {
        this.async = Objects.requireNonNull(async, "async");
    }

    @Override
    public @Nullable Object call(String rpc, @Nullable Object arg) {
        return call(rpc, arg, (Type) null, async.defaultTimeout());
    }

    @Override
    public <T> @Nullable T call(String rpc, @Nullable Object arg, Class<T> returnType) {
        return call(rpc, arg, Objects.requireNonNull(returnType, "returnType"), async.defaultTimeout());
    }

    @Override
    public <T> @Nullable T call(String rpc, @Nullable Object arg, ParameterizedTypeReference<T> returnType) {
        return call(rpc, arg, Objects.requireNonNull(returnType, "returnType").getType(), async.defaultTimeout());
    }

    @Override
    public @Nullable Object call(String rpc, @Nullable Object arg, Duration timeout) {
        return call(rpc, arg, (Type) null, timeout);
    }

    @Override
    public <T> @Nullable T call(String rpc, @Nullable Object arg, Class<T> returnType, Duration timeout) {
        return call(rpc, arg, (Type) Objects.requireNonNull(returnType, "returnType"), timeout);
    }

    @Override
    public <T> @Nullable T call(String rpc, @Nullable Object arg, ParameterizedTypeReference<T> returnType,
            Duration timeout) {
        return call(rpc, arg, Objects.requireNonNull(returnType, "returnType").getType(), timeout);
    }

    @SuppressWarnings("unchecked")
    private <T> T call(String rpc, @Nullable Object arg, @Nullable Type returnType, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        CallFuture future = async.sendAwaited(rpc, arg, returnType, timeout);
        try {
            try {
                return (T) (future.isDone() ? future.get()
                        : future.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS));
            }
            catch (TimeoutException ex) {
                future.expire();
                return (T) future.get();
            }
        }
        catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ZeroException(rpc + ": call failed: " + cause, cause);
        }
        catch (CancellationException ex) {
            throw new ZeroException(rpc + ": call cancelled", ex);
        }
        catch (InterruptedException ex) {
            future.cancel(false);
            Thread.currentThread().interrupt();
            throw new ZeroException(rpc + ": interrupted while waiting for the reply", ex);
        }
    }

    @Override
    public String toString() {
        return "DefaultZeroClient[" + async + "]";
    }
}
