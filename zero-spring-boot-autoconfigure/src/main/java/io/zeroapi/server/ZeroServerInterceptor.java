package io.zeroapi.server;

import org.jspecify.annotations.Nullable;

/**
 * Runs around each invocation of a served function, on the function's execution path (a worker, the I/O thread or
 * the thread that starts an asynchronous method), after the argument is decoded: to log, to check who calls, to
 * limit rates, or to change the argument. {@code next.proceed(argument)} runs the next interceptor and finally the
 * method; its result is what the method returned (a value, or a {@code CompletableFuture}/{@code Mono} for an
 * asynchronous method), and the interceptor returns such a result in turn. Throwing refuses the call: the exception
 * is answered as a handler's would be (a bean-validation exception as Zero's validation error, anything else as a
 * server exception with its {@code repr}).
 * <p>
 * Interceptors run in order, the first one outermost. One on a non-blocking or asynchronous method runs on the
 * I/O thread: like the method itself, it must not block there.
 */
@FunctionalInterface
public interface ZeroServerInterceptor {

    /**
     * Intercepts one invocation.
     * @param call the function and caller
     * @param argument the decoded argument ({@code null} for a method without a parameter)
     * @param next the rest of the chain
     * @return the result, as the method would return it
     */
    @Nullable Object intercept(ZeroServerCall call, @Nullable Object argument, Next next) throws Throwable;

    /** The rest of an interceptor chain. */
    @FunctionalInterface
    interface Next {

        /** Runs the next interceptor, or the method, with {@code argument}. */
        @Nullable Object proceed(@Nullable Object argument) throws Throwable;
    }
}
