package io.zeroapi.client;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * The future of one call, which can expire its call: a blocking caller that waited out the timeout itself calls
 * {@link #expire()} (no timer task per call). A call that failed before it was registered has no call to expire.
 * The call's slot is freed before the future completes (however it completes), so a caller who sees the result can
 * make the next call at once and {@link ZeroConnection#pendingCount()} no longer counts it.
 */
final class CallFuture extends CompletableFuture<Object> {

    private static final VarHandle RELEASED;

    static {
        try {
            RELEASED = MethodHandles.lookup().findVarHandle(CallFuture.class, "released", boolean.class);
        }
        catch (ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final @Nullable PendingCall call;

    private volatile @Nullable Runnable release;

    /** Whether {@link #release} has run (set once, through RELEASED). */
    private volatile boolean released;

    CallFuture(@Nullable PendingCall call) {
        this.call = call;
    }

    /**
     * Runs {@code action} once, just before the future completes (by value, failure or cancellation); also after,
     * should it complete by a path that bypasses these methods.
     */
    void beforeCompletion(Runnable action) {
        release = action;
        whenComplete((value, failure) -> release());
        if (isDone()) {
            release();
        }
    }

    private void release() {
        Runnable action = release;
        if (action != null && RELEASED.compareAndSet(this, false, true)) {
            action.run();
        }
    }

    @Override
    public boolean complete(@Nullable Object value) {
        release();
        return super.complete(value);
    }

    @Override
    public boolean completeExceptionally(Throwable failure) {
        release();
        return super.completeExceptionally(failure);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        release();
        return super.cancel(mayInterruptIfRunning);
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
