package io.zeroapi.server;

import io.zeroapi.ZeroException;

/**
 * Thrown when the Zero server cannot bind because its port is already in use.
 */
public class ZeroServerPortInUseException extends ZeroException {

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
