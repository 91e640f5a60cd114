package io.zeroapi.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.endpoint.ZeroRpcEndpoint;
import io.zeroapi.endpoint.ZeroRpcEndpointRegistry;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.server.ZeroServerSettings;

/**
 * Starts real {@link ZeroServer}s for the {@code @ZeroRpc} methods of a bean on a free loopback port (or a given
 * one), without an application context.
 */
public final class TestServers {

    private static final long MAX_MESSAGE_SIZE = 4 * 1024 * 1024;

    private TestServers() {
    }

    /** A server with 4 MB messages and at most {@code maxInFlight} calls in flight. */
    public static ZeroServer start(Object bean, Executor workers, int maxInFlight) {
        return start(bean, workers, MAX_MESSAGE_SIZE, maxInFlight);
    }

    public static ZeroServer start(Object bean, Executor workers, long maxMessageSize, int maxInFlight) {
        return start(bean, workers, 0, maxMessageSize, maxInFlight);
    }

    public static ZeroServer start(Object bean, Executor workers, int port, long maxMessageSize, int maxInFlight) {
        return start(bean, workers, new ZeroServerSettings("127.0.0.1", port, maxMessageSize, maxInFlight));
    }

    public static ZeroServer start(Object bean, Executor workers, ZeroServerSettings settings) {
        ZeroServer server = new ZeroServer(new ZeroCodec(), endpoints(bean), workers, settings);
        server.start();
        return server;
    }

    /** Loopback settings on a free port with the defaults but for the given limits. */
    public static ZeroServerSettings settings(int maxInFlight, int maxInFlightPerPeer, Duration callTimeout) {
        return ZeroServerSettings.defaults("127.0.0.1", 0).withMaxInFlight(maxInFlight, maxInFlightPerPeer)
            .withCallTimeout(callTimeout);
    }

    /** The endpoints of the bean's {@code @ZeroRpc} methods, found as the application would find them. */
    public static List<ZeroRpcEndpoint> endpoints(Object bean) {
        return ZeroRpcEndpointRegistry.of(bean).endpoints();
    }
}
