package io.zeroapi.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * Runs around each call of a client, on the calling thread, before the argument is encoded: to log, to add retries
 * (e.g. on {@link io.zeroapi.ZeroServerBusyException}), to fail fast, or to change the argument or the timeout.
 * {@code next.proceed(argument, timeout)} runs the next interceptor and finally sends the call; its future completes
 * with the reply or fails with a {@link io.zeroapi.ZeroException}, and the interceptor returns such a future in
 * turn. Interceptors run in order, the first one outermost; the blocking, asynchronous and reactive clients all
 * go through them.
 */
@FunctionalInterface
public interface ZeroClientInterceptor {

    /**
     * Intercepts one call.
     * @param call the function and the server's address
     * @param argument the argument ({@code null} for none)
     * @param timeout the call's timeout
     * @param next the rest of the chain
     */
    CompletableFuture<Object> intercept(ZeroClientCall call, @Nullable Object argument, Duration timeout, Next next);

    /** The rest of an interceptor chain. */
    @FunctionalInterface
    interface Next {

        /** Runs the next interceptor, or sends the call, with {@code argument} and {@code timeout}. */
        CompletableFuture<Object> proceed(@Nullable Object argument, Duration timeout);
    }
}
