package io.zeroapi.client;

import java.time.Instant;
import java.util.function.Consumer;

import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The current {@link ZeroConnectionState} of a connection, written by its transport's I/O thread and read by
 * anyone. A lost connection stays {@code LOST} while reconnecting, until the server answers again.
 */
final class ConnectionStatus {

    private final Consumer<ZeroConnectionState> listener;

    private volatile ZeroConnectionState state = new ZeroConnectionState(ZeroConnectionState.Status.IDLE, null,
            Instant.now());

    /**
     * @param listener told of every change (on the thread that made it: keep it quick)
     */
    ConnectionStatus(Consumer<ZeroConnectionState> listener) {
        this.listener = listener;
    }

    ZeroConnectionState get() {
        return state;
    }

    /** A (new) connection is being opened to {@code address}. */
    void connecting(String address) {
        ZeroConnectionState.Status current = state.status();
        if (current != ZeroConnectionState.Status.LOST && current != ZeroConnectionState.Status.CONNECTING) {
            set(ZeroConnectionState.Status.CONNECTING, address);
        }
    }

    /** The server answered the handshake. */
    void connected(String address) {
        set(ZeroConnectionState.Status.CONNECTED, address);
    }

    /** The connection broke or the transport failed. */
    void lost(String address) {
        if (state.status() != ZeroConnectionState.Status.CLOSED) {
            set(ZeroConnectionState.Status.LOST, address);
        }
    }

    /** The client is closed. */
    void closed() {
        set(ZeroConnectionState.Status.CLOSED, state.address());
    }

    private void set(ZeroConnectionState.Status status, @Nullable String address) {
        ZeroConnectionState changed;
        synchronized (this) {
            if (state.status() == status) {
                return;
            }
            changed = new ZeroConnectionState(status, address, Instant.now());
            state = changed;
        }
        try {
            listener.accept(changed);
        }
        catch (RuntimeException ex) {
            LogFactory.getLog(ZeroConnection.class).warn("Zero client connection state listener failed", ex);
        }
    }
}
