package io.zeroapi.server;

import java.util.List;
import java.util.concurrent.Executor;

import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.endpoint.ZeroRpcEndpoint;
import io.zeroapi.endpoint.ZeroRpcEndpointRegistry;

/**
 * Starts real {@link ZeroServer}s on a free loopback port for tests, without an application context.
 */
final class TestServers {

    static final ZeroCodec CODEC = new ZeroCodec();

    private TestServers() {
    }

    static List<ZeroRpcEndpoint> endpoints(Object bean) {
        return ZeroRpcEndpointRegistry.of(bean).endpoints();
    }

    static ZeroServer start(Object bean, Executor workers, int maxInFlight) {
        ZeroServer server = new ZeroServer(CODEC, endpoints(bean), workers,
                new ZeroServerSettings("127.0.0.1", 0, 4 * 1024 * 1024, maxInFlight));
        server.start();
        return server;
    }
}
