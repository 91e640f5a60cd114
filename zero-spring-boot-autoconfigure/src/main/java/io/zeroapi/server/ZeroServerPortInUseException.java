package io.zeroapi.server;

import io.zeroapi.ZeroException;

/**
 * Thrown when the Zero server cannot bind because its port is already in use.
 */
public class ZeroServerPortInUseException extends ZeroException {

    private final int port;

    private final boolean tcp;

    public ZeroServerPortInUseException(int port, Throwable cause) {
        this(port, false, cause);
    }

    /** @param tcp whether the port is that of Zero's TCP protocol rather than ZeroMQ's */
    public ZeroServerPortInUseException(int port, boolean tcp, Throwable cause) {
        super("Zero server " + (tcp ? "TCP " : "") + "port " + port + " is already in use", cause);
        this.port = port;
        this.tcp = tcp;
    }

    /** Whether the port is that of Zero's TCP protocol ({@code zero.server.tcp.port}) rather than ZeroMQ's. */
    public boolean isTcp() {
        return tcp;
    }

    /** The port that was in use. */
    public int getPort() {
        return port;
    }
}
