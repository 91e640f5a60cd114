package io.zeroapi.server;

/**
 * Lets tests outside this package fail a server's transport the way a dead I/O thread would.
 */
public final class ServerFailures {

    private ServerFailures() {
    }

    /** Handles {@code cause} as the failure of the server's current transport. */
    public static void failTransport(ZeroServer server, Throwable cause) {
        server.transportFailed(cause);
    }
}
