package io.zeroapi.client;

import java.time.Instant;

/**
 * The current {@link ZeroConnectionState} of a connection, written by its transport's I/O thread and read by
 * anyone. A lost connection stays {@code LOST} while reconnecting, until the server answers again.
 */
final class ConnectionStatus {

    private volatile ZeroConnectionState state = new ZeroConnectionState(ZeroConnectionState.Status.IDLE, null,
            Instant.now());

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

    private void set(ZeroConnectionState.Status status, String address) {
        if (state.status() != status) {
            state = new ZeroConnectionState(status, address, Instant.now());
        }
    }
}
