package io.zeroapi.lifecycle;

import io.zeroapi.server.ZeroServer;

import org.springframework.context.ApplicationEvent;

/**
 * An event in the life of the {@link ZeroServer} that {@link ZeroServerLifecycle} runs: started, stopping, stopped.
 */
public abstract class ZeroServerEvent extends ApplicationEvent {

    protected ZeroServerEvent(ZeroServer server) {
        super(server);
    }

    /** The server. */
    public ZeroServer getServer() {
        return (ZeroServer) getSource();
    }
}
