package io.zeroapi.lifecycle;

import io.zeroapi.server.ZeroServer;

/**
 * Published once the Zero server has bound its port and is taking calls (again, after a restart of the context).
 */
public class ZeroServerStartedEvent extends ZeroServerEvent {

    private final int port;

    private final int tcpPort;

    public ZeroServerStartedEvent(ZeroServer server) {
        super(server);
        this.port = server.port();
        this.tcpPort = server.tcpPort();
    }

    /** The ZeroMQ port the server bound (the real one when configured with 0), or -1 when it serves no ZeroMQ. */
    public int getPort() {
        return port;
    }

    /** The port of Zero's TCP protocol the server bound, or -1 when it serves none. */
    public int getTcpPort() {
        return tcpPort;
    }
}
