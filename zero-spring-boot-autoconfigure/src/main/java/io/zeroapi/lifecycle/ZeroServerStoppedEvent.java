package io.zeroapi.lifecycle;

import io.zeroapi.server.ZeroServer;

/**
 * Published once the Zero server has drained and closed its socket (published on the thread that closed it).
 */
public class ZeroServerStoppedEvent extends ZeroServerEvent {

    public ZeroServerStoppedEvent(ZeroServer server) {
        super(server);
    }
}
