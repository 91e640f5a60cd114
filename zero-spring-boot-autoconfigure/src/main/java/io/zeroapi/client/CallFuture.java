package io.zeroapi.client;

import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * The future of one call, which can expire its call: a blocking caller that waited out the timeout itself calls
 * {@link #expire()} (no timer task per call). A call that failed before it was registered has no call to expire.
 */
final class CallFuture extends CompletableFuture<Object> {

    private final @Nullable PendingCall call;

    CallFuture(@Nullable PendingCall call) {
        this.call = call;
    }

    /** A future already failed with {@code failure}. */
    static CallFuture failed(Throwable failure) {
        CallFuture future = new CallFuture(null);
        future.completeExceptionally(failure);
        return future;
    }

    /**
     * Forgets the call and fails it as its timeout would: {@link io.zeroapi.ZeroTimeoutException} if it was sent,
     * {@link io.zeroapi.ZeroConnectionException} if no connection came up. Nothing happens once it is complete.
     */
    void expire() {
        if (call != null) {
            call.expire();
        }
    }
}
