package io.zeroapi.server;

import io.zeroapi.endpoint.ExecutionPath;
import io.zeroapi.endpoint.ZeroRpcEndpoint;
import org.jspecify.annotations.Nullable;

/**
 * One call as a {@link ZeroServerCallListener} sees it: the function asked for, whether the server serves it, where
 * it runs, and who called.
 */
public final class ZeroServerCall {

    private final String function;

    private final @Nullable ZeroRpcEndpoint endpoint;

    private final byte[] routingId;

    private final int serverPort;

    ZeroServerCall(String function, @Nullable ZeroRpcEndpoint endpoint, byte[] routingId, int serverPort) {
        this.function = function;
        this.endpoint = endpoint;
        this.routingId = routingId;
        this.serverPort = serverPort;
    }

    /** The function name as the caller sent it (any text: a stranger may send anything). */
    public String function() {
        return function;
    }

    /** The served function, or {@code null} when the server serves no function of that name. */
    public @Nullable ZeroRpcEndpoint endpoint() {
        return endpoint;
    }

    /** Where the function runs, or {@code null} for a call that did not reach a function. */
    public @Nullable ExecutionPath path() {
        return endpoint == null ? null : endpoint.path();
    }

    /** The caller's connection as the transport names it (for ZeroMQ, the ROUTER routing id in hex). */
    public String caller() {
        return LogText.routingId(routingId);
    }

    /** The port the server is bound to. */
    public int serverPort() {
        return serverPort;
    }

    @Override
    public String toString() {
        return "ZeroServerCall[" + function + " from " + caller() + "]";
    }
}
