package io.zeroapi.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.zeroapi.ZeroConnectionLostException;
import org.jspecify.annotations.Nullable;

/**
 * Retries a call once when its connection broke after it was sent ({@link ZeroConnectionLostException}): with
 * several servers the retry goes to another, connected one. Only for functions that may run twice, as the lost
 * server may have run the call. Add it as the innermost interceptor, so that other interceptors see one call.
 */
public final class RetryOnConnectionLoss implements ZeroClientInterceptor {

    @Override
    public CompletableFuture<Object> intercept(ZeroClientCall call, @Nullable Object argument, Duration timeout,
            Next next) {
        return next.proceed(argument, timeout).exceptionallyCompose(failure -> isLoss(failure)
                ? next.proceed(argument, timeout) : CompletableFuture.failedFuture(failure));
    }

    private static boolean isLoss(Throwable failure) {
        return ClientOutcomes.unwrap(failure) instanceof ZeroConnectionLostException;
    }
}
