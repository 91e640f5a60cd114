package io.zeroapi.autoconfigure.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zeroapi.server.ZeroRpcEndpoint;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.ClassUtils;

/**
 * Collects the {@link ZeroRpcEndpoint}s found on beans, refuses two endpoints under one name, and logs one line
 * per served function.
 */
public class ZeroRpcEndpointRegistry {

    private static final Log logger = LogFactory.getLog(ZeroRpcEndpointRegistry.class);

    private final Map<String, ZeroRpcEndpoint> endpoints = new LinkedHashMap<>();

    /**
     * Adds an endpoint.
     * @throws IllegalStateException if another endpoint already has its name
     */
    public synchronized void register(ZeroRpcEndpoint endpoint) {
        ZeroRpcEndpoint existing = endpoints.get(endpoint.name());
        if (existing != null) {
            throw new IllegalStateException("Ambiguous @ZeroRpc mapping: cannot map bean '" + endpoint.beanName()
                    + "' method " + ClassUtils.getQualifiedMethodName(endpoint.method()) + " to '" + endpoint.name()
                    + "': it is already mapped to bean '" + existing.beanName() + "' method "
                    + ClassUtils.getQualifiedMethodName(existing.method())
                    + "; give one of them another name with @ZeroRpc(\"...\")");
        }
        endpoints.put(endpoint.name(), endpoint);
        logger.info("Zero RPC " + endpoint.describe());
    }

    /** The endpoints registered so far, in registration order. */
    public synchronized List<ZeroRpcEndpoint> endpoints() {
        return List.copyOf(new ArrayList<>(endpoints.values()));
    }

    /** Whether no endpoint is registered. */
    public synchronized boolean isEmpty() {
        return endpoints.isEmpty();
    }
}
