package io.zeroapi.server;

import java.util.List;

import io.zeroapi.endpoint.ZeroRpcEndpoint;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ZeroServerInterceptor}s of a server, applied to one invocation at a time: the first interceptor
 * outermost, the endpoint's method innermost.
 */
final class InterceptorChain {

    private final ZeroServerInterceptor[] interceptors;

    private InterceptorChain(List<ZeroServerInterceptor> interceptors) {
        this.interceptors = interceptors.toArray(new ZeroServerInterceptor[0]);
    }

    /** The chain of {@code interceptors}, or {@code null} when there are none (the method is called directly). */
    static @Nullable InterceptorChain of(List<ZeroServerInterceptor> interceptors) {
        return interceptors.isEmpty() ? null : new InterceptorChain(List.copyOf(interceptors));
    }

    /** Invokes {@code endpoint} with {@code argument} through every interceptor. */
    @Nullable Object invoke(ZeroServerCall call, ZeroRpcEndpoint endpoint, @Nullable Object argument)
            throws Throwable {
        return proceed(0, call, endpoint, argument);
    }

    private @Nullable Object proceed(int index, ZeroServerCall call, ZeroRpcEndpoint endpoint,
            @Nullable Object argument) throws Throwable {
        if (index == interceptors.length) {
            return endpoint.invoke(argument);
        }
        return interceptors[index].intercept(call, argument, next -> proceed(index + 1, call, endpoint, next));
    }
}
