package io.zeroapi.server;

/**
 * Thrown when the Zero server cannot bind because its port is already in use.
 */
public class ZeroServerPortInUseException extends RuntimeException {

    private final int port;

    public ZeroServerPortInUseException(int port, Throwable cause) {
        super("Zero server port " + port + " is already in use", cause);
        this.port = port;
    }

    /** The port that was in use. */
    public int getPort() {
        return port;
    }
}
