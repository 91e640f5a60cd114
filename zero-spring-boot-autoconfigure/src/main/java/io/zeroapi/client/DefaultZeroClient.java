package io.zeroapi.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zeroapi.ZeroClient;
import io.zeroapi.ZeroException;
import io.zeroapi.ZeroTimeoutException;

import org.springframework.core.ParameterizedTypeReference;

/**
 * The blocking {@link ZeroClient}: a thin layer over a {@link DefaultAsyncZeroClient} that waits for each
 * future and rethrows its {@link ZeroException}. Thread-safe; waiting parks virtual threads without pinning.
 */
public final class DefaultZeroClient implements ZeroClient {

    private static final long WAIT_GRACE_MS = 1000;

    private final DefaultAsyncZeroClient async;

    /**
     * Creates a blocking client.
     * @param async the asynchronous client to wait on
     */
    public DefaultZeroClient(DefaultAsyncZeroClient async) {
        this.async = Objects.requireNonNull(async, "async");
    }

    @Override
    public Object call(String rpc, Object arg) {
        return await(rpc, async.call(rpc, arg), async.defaultTimeout());
    }

    @Override
    public <T> T call(String rpc, Object arg, Class<T> returnType) {
        return await(rpc, async.call(rpc, arg, returnType), async.defaultTimeout());
    }

    @Override
    public <T> T call(String rpc, Object arg, ParameterizedTypeReference<T> returnType) {
        return await(rpc, async.call(rpc, arg, returnType), async.defaultTimeout());
    }

    @Override
    public Object call(String rpc, Object arg, Duration timeout) {
        return await(rpc, async.call(rpc, arg, timeout), timeout);
    }

    @Override
    public <T> T call(String rpc, Object arg, Class<T> returnType, Duration timeout) {
        return await(rpc, async.call(rpc, arg, returnType, timeout), timeout);
    }

    @Override
    public <T> T call(String rpc, Object arg, ParameterizedTypeReference<T> returnType, Duration timeout) {
        return await(rpc, async.call(rpc, arg, returnType, timeout), timeout);
    }

    private static <T> T await(String rpc, CompletableFuture<T> future, Duration timeout) {
        try {
            return future.get(timeout.toMillis() + WAIT_GRACE_MS, TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ZeroException(rpc + ": call failed: " + cause, cause);
        }
        catch (TimeoutException ex) {
            future.cancel(false);
            throw new ZeroTimeoutException(rpc + ": no reply within " + CallTimer.describe(timeout));
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
