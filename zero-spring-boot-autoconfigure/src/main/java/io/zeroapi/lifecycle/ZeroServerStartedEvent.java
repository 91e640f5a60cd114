package io.zeroapi.lifecycle;

import io.zeroapi.server.ZeroServer;

/**
 * Published once the Zero server has bound its port and is taking calls (again, after a restart of the context).
 */
public class ZeroServerStartedEvent extends ZeroServerEvent {

    private final int port;

    public ZeroServerStartedEvent(ZeroServer server) {
        super(server);
        this.port = server.port();
    }

    /** The port the server bound: the real one when configured with 0. */
    public int getPort() {
        return port;
    }
}
