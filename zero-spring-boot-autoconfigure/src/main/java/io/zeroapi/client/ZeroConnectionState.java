package io.zeroapi.client;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where a {@link ZeroConnection} stands, and since when: for health checks and gauges.
 *
 * @param status the connection's status
 * @param address the server's address, or {@code null} before the first call resolved it
 * @param since when the connection took this status
 */
public record ZeroConnectionState(Status status, @Nullable String address, Instant since) {

    /** The status of a connection. */
    public enum Status {
        /** No call made yet: the connection connects on its first call. */
        IDLE,
        /** Connecting for the first time (or again after the client's transport was replaced). */
        CONNECTING,
        /** Connected: the server answered Zero's handshake. */
        CONNECTED,
        /** The connection broke (or its transport failed); calls wait for a new one, which is being tried. */
        LOST,
        /** The client is closed. */
        CLOSED
    }
}
