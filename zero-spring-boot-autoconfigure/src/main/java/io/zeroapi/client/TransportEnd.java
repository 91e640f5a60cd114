package io.zeroapi.client;

import java.util.concurrent.atomic.AtomicReference;

import io.zeroapi.ZeroConnectionException;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link ClientTransport} ends, shared by its kinds: the first failure that broke it, or its closing, and the
 * exceptions that tell a call so. Thread-safe.
 */
final class TransportEnd {

    private final String address;

    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private volatile boolean closing;

    TransportEnd(String address) {
        this.address = address;
    }

    /** Whether calls may still be handed over: neither failed nor closing. */
    boolean isUsable() {
        return failure.get() == null && !closing;
    }

    boolean isClosing() {
        return closing;
    }

    /** From now on the transport is closing. */
    void closing() {
        closing = true;
    }

    /** The failure that broke the transport, or {@code null}. */
    @Nullable Throwable failure() {
        return failure.get();
    }

    /** Records {@code cause} unless a failure was recorded before; whether it was. */
    boolean fail(Throwable cause) {
        return failure.compareAndSet(null, cause);
    }

    /** Why a call handed over now would never be answered, or {@code null} while the transport is usable. */
    @Nullable ZeroConnectionException refusal(String rpc) {
        Throwable cause = failure.get();
        if (cause != null) {
            return failedException(rpc, cause);
        }
        return closing ? ClientTransport.closedException(rpc, address) : null;
    }

    /** The failure of a call pending on a transport that {@code cause} broke. */
    ZeroConnectionException failedException(String rpc, Throwable cause) {
        return new ZeroConnectionException(rpc, address, "connection failed: " + cause
                + "; reconnecting on the next call");
    }
}
