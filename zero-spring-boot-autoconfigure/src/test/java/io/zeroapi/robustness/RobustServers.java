package io.zeroapi.robustness;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.endpoint.ZeroRpcEndpoint;
import io.zeroapi.endpoint.ZeroRpcEndpointRegistry;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.server.ZeroServerSettings;

/**
 * Starts {@link ZeroServer}s on a free loopback port without an application context, and finds live threads.
 */
final class RobustServers {

    private RobustServers() {
    }

    static ZeroServer start(Object bean, Executor workers, long maxMessageSize, int maxInFlight) {
        return start(bean, workers, 0, maxMessageSize, maxInFlight);
    }

    static ZeroServer start(Object bean, Executor workers, int port, long maxMessageSize, int maxInFlight) {
        return start(bean, workers, new ZeroServerSettings("127.0.0.1", port, maxMessageSize, maxInFlight));
    }

    static ZeroServer start(Object bean, Executor workers, ZeroServerSettings settings) {
        ZeroServer server = new ZeroServer(new ZeroCodec(), endpoints(bean), workers, settings);
        server.start();
        return server;
    }

    /** Loopback settings with the defaults but for the given limits. */
    static ZeroServerSettings settings(int maxInFlight, int maxInFlightPerPeer, Duration callTimeout) {
        return ZeroServerSettings.defaults("127.0.0.1", 0).withMaxInFlight(maxInFlight, maxInFlightPerPeer)
            .withCallTimeout(callTimeout);
    }

    static List<ZeroRpcEndpoint> endpoints(Object bean) {
        return ZeroRpcEndpointRegistry.of(bean).endpoints();
    }

    /** Names of live threads starting with {@code prefix}. */
    static Set<String> threads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(Thread::isAlive)
            .map(Thread::getName)
            .filter(name -> name.startsWith(prefix))
            .collect(Collectors.toSet());
    }

    /** Used heap after a full collection, in bytes. */
    static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
