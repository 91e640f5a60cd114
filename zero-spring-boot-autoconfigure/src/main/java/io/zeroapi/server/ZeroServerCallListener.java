package io.zeroapi.server;

import io.zeroapi.ZeroCallOutcome;
import org.jspecify.annotations.Nullable;

/**
 * Sees every call the server answers, accepted or refused (unknown function, busy, shutting down, an argument
 * that does not decode): for metrics, traces and access logs. Both methods run on the server's I/O thread: they
 * must be quick and must not block. A listener that throws is logged and does not change the reply.
 */
public interface ZeroServerCallListener {

    /**
     * A call arrived.
     * @return what {@link #completed} gets back for this call (e.g. a started observation), or {@code null}
     */
    @Nullable Object started(ZeroServerCall call);

    /**
     * The call's reply has been handed to the transport (or the call was refused).
     * @param context what {@link #started} returned
     * @param failure the handler's or the decoder's exception, when there was one
     */
    void completed(ZeroServerCall call, @Nullable Object context, ZeroCallOutcome outcome,
            @Nullable Throwable failure);
}
