package io.zeroapi.client;

import io.zeroapi.ZeroCallOutcome;
import org.jspecify.annotations.Nullable;

/**
 * Sees every call a {@link ZeroConnection} makes, from the moment it is submitted until its future completes,
 * times out or fails: for metrics, traces and access logs. {@link #started} runs on the calling thread,
 * {@link #completed} on the thread that completes the call (the connection's I/O thread, the timer, or the caller
 * that waited out its timeout): both must be quick. A listener that throws does not change the call's result.
 */
public interface ZeroClientCallListener {

    /**
     * A call was submitted.
     * @return what {@link #completed} gets back for this call (e.g. a started observation), or {@code null}
     */
    @Nullable Object started(ZeroClientCall call);

    /**
     * The call ended.
     * @param context what {@link #started} returned
     * @param failure the exception the caller gets, when the call failed
     */
    void completed(ZeroClientCall call, @Nullable Object context, ZeroCallOutcome outcome,
            @Nullable Throwable failure);
}
