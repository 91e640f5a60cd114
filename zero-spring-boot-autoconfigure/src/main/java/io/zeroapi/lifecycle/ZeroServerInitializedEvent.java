package io.zeroapi.lifecycle;

import io.zeroapi.server.ZeroServer;

/**
 * Published once the Zero server has bound its port and is taking calls: the same event as
 * {@link ZeroServerStartedEvent} (the server publishes one event, an instance of this class, that listeners of either
 * type receive once).
 * @deprecated listen to {@link ZeroServerStartedEvent} instead
 */
@Deprecated(since = "0.1.0")
public class ZeroServerInitializedEvent extends ZeroServerStartedEvent {

    public ZeroServerInitializedEvent(ZeroServer server) {
        super(server);
    }
}
