package io.zeroapi.lifecycle;

import io.zeroapi.server.ZeroServer;

import org.springframework.context.ApplicationEvent;

/**
 * Published once the Zero server has bound its port and is taking calls.
 */
public class ZeroServerInitializedEvent extends ApplicationEvent {

    public ZeroServerInitializedEvent(ZeroServer server) {
        super(server);
    }

    /** The started server; {@link ZeroServer#port()} is the real port. */
    public ZeroServer getServer() {
        return (ZeroServer) getSource();
    }
}
