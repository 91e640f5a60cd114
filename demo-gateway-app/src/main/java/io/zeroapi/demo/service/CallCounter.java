package io.zeroapi.demo.service;

import java.util.concurrent.atomic.AtomicLong;

import io.zeroapi.server.ZeroServerCall;
import io.zeroapi.server.ZeroServerInterceptor;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Counts the calls this service instance serves, of every function (an interceptor: it runs around each one).
 */
@Component
@ConditionalOnBooleanProperty(name = "demo.service.enabled", matchIfMissing = true)
public class CallCounter implements ZeroServerInterceptor {

    private final AtomicLong calls = new AtomicLong();

    @Override
    public @Nullable Object intercept(ZeroServerCall call, @Nullable Object argument, Next next) throws Throwable {
        calls.incrementAndGet();
        return next.proceed(argument);
    }

    /** Calls served so far. */
    public long calls() {
        return calls.get();
    }
}
