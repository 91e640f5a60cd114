package io.zeroapi.lifecycle;

import io.zeroapi.server.ZeroServer;

/**
 * Published when the Zero server begins to stop, just before it drains: from then on new calls are refused and calls
 * in flight get the grace period to finish. A signal to stop routing traffic to this instance.
 */
public class ZeroServerStoppingEvent extends ZeroServerEvent {

    public ZeroServerStoppingEvent(ZeroServer server) {
        super(server);
    }
}
