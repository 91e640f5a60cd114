package io.zeroapi.server;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;

import io.zeroapi.ZeroRpc;
import io.zeroapi.codec.ZeroCodec;

import org.springframework.core.ReactiveAdapterRegistry;

/**
 * Starts real {@link ZeroServer}s on a free loopback port for tests, without an application context.
 */
final class TestServers {

    static final ZeroCodec CODEC = new ZeroCodec();

    private TestServers() {
    }

    static List<ZeroRpcEndpoint> endpoints(Object bean) {
        ZeroRpcEndpointFactory factory = new ZeroRpcEndpointFactory(ReactiveAdapterRegistry.getSharedInstance());
        List<ZeroRpcEndpoint> endpoints = new ArrayList<>();
        Method[] methods = bean.getClass().getDeclaredMethods();
        java.util.Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method method : methods) {
            ZeroRpc rpc = method.getAnnotation(ZeroRpc.class);
            if (rpc != null) {
                endpoints.add(factory.create("testBean", bean, method, rpc.value(), rpc.nonBlocking()));
            }
        }
        return endpoints;
    }

    static ZeroServer start(Object bean, Executor workers, int maxInFlight) {
        ZeroServer server = new ZeroServer(CODEC, endpoints(bean), workers,
                new ZeroServerSettings("127.0.0.1", 0, 4 * 1024 * 1024, maxInFlight));
        server.start();
        return server;
    }
}
