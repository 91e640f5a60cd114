package io.zeroapi.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * The {@link ZeroClientInterceptor}s of a client, applied to one call at a time: the first interceptor outermost,
 * sending the call innermost.
 */
final class ClientInterceptorChain {

    private final ZeroClientInterceptor[] interceptors;

    private ClientInterceptorChain(List<ZeroClientInterceptor> interceptors) {
        this.interceptors = interceptors.toArray(new ZeroClientInterceptor[0]);
    }

    /** The chain of {@code interceptors}, or {@code null} when there are none (calls are sent directly). */
    static @Nullable ClientInterceptorChain of(List<ZeroClientInterceptor> interceptors) {
        return interceptors.isEmpty() ? null : new ClientInterceptorChain(List.copyOf(interceptors));
    }

    /** Runs the call through every interceptor; {@code send} sends it at the end. */
    CompletableFuture<Object> call(ZeroClientCall call, @Nullable Object argument, Duration timeout,
            ZeroClientInterceptor.Next send) {
        return proceed(0, call, argument, timeout, send);
    }

    private CompletableFuture<Object> proceed(int index, ZeroClientCall call, @Nullable Object argument,
            Duration timeout, ZeroClientInterceptor.Next send) {
        if (index == interceptors.length) {
            return send.proceed(argument, timeout);
        }
        try {
            CompletableFuture<Object> result = interceptors[index].intercept(call, argument, timeout,
                    (nextArgument, nextTimeout) -> proceed(index + 1, call, nextArgument, nextTimeout, send));
            return result != null ? result : CompletableFuture.failedFuture(new NullPointerException(
                    "ZeroClientInterceptor " + interceptors[index] + " returned no future"));
        }
        catch (RuntimeException ex) {
            return CompletableFuture.failedFuture(ex);
        }
    }
}
