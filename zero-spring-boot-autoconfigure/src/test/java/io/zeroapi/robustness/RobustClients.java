package io.zeroapi.robustness;

import java.time.Duration;

import io.zeroapi.client.DefaultAsyncZeroClient;
import io.zeroapi.client.ZeroConnection;
import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.server.ZeroServer;

/**
 * Builds clients on a {@link ZeroConnection} without an application context, and reads the connection's and
 * reads the connection's and the server's counts of calls in flight.
 */
final class RobustClients {

    private RobustClients() {
    }

    static ZeroConnection connect(int port) {
        return new ZeroConnection(() -> "tcp://127.0.0.1:" + port);
    }

    static DefaultAsyncZeroClient async(ZeroConnection connection, Duration timeout) {
        return new DefaultAsyncZeroClient(connection, new ZeroCodec(), timeout);
    }

    /** Calls pending on the connection (sent or waiting to be sent). */
    static int pendingCount(ZeroConnection connection) {
        return connection.pendingCount();
    }

    /** Requests the server counts as in flight (its I/O thread's counter). */
    static int serverInFlight(ZeroServer server) {
        return server.inFlight();
    }
}
