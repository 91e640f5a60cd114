package io.zeroapi.endpoint;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zeroapi.ZeroRpc;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * The functions a server serves, in registration order: finds the {@code @ZeroRpc} methods of beans
 * ({@link #registerBean}), checks them with a {@link ZeroRpcEndpointFactory}, refuses two endpoints under one name,
 * and logs one line per served function. The one way endpoints are made, in an application context (through
 * {@link ZeroRpcBeanPostProcessor}) and without one ({@link #of}).
 */
public class ZeroRpcEndpointRegistry {

    private static final Log logger = LogFactory.getLog(ZeroRpcEndpointRegistry.class);

    private final ZeroRpcEndpointFactory factory;

    private final Map<String, ZeroRpcEndpoint> endpoints = new LinkedHashMap<>();

    /** A registry with the default {@link ZeroRpcEndpointFactory}. */
    public ZeroRpcEndpointRegistry() {
        this(new ZeroRpcEndpointFactory());
    }

    public ZeroRpcEndpointRegistry(ZeroRpcEndpointFactory factory) {
        this.factory = factory;
    }

    /**
     * A registry holding the {@code @ZeroRpc} methods of {@code beans}, each named after its class (e.g.
     * {@code userRpc} for {@code UserRpc}), for servers started without an application context.
     * @throws IllegalStateException if a method cannot be served or two share a name
     */
    public static ZeroRpcEndpointRegistry of(Object... beans) {
        ZeroRpcEndpointRegistry registry = new ZeroRpcEndpointRegistry();
        for (Object bean : beans) {
            Class<?> type = AopProxyUtils.ultimateTargetClass(bean);
            registry.registerBean(StringUtils.uncapitalize(ClassUtils.getShortName(type)), bean);
        }
        return registry;
    }

    /**
     * Registers every {@code @ZeroRpc} method of {@code bean} (found on its user class, invoked through the bean,
     * so a proxy's advice applies), in declaration order.
     * @return how many it registered
     * @throws IllegalStateException if a method cannot be served or its name is taken
     */
    public int registerBean(String beanName, Object bean) {
        Map<Method, ZeroRpc> methods = ZeroRpcMethods.find(AopProxyUtils.ultimateTargetClass(bean));
        methods.forEach((method, rpc) -> register(factory.create(beanName, bean, method, rpc.value(),
                rpc.nonBlocking())));
        return methods.size();
    }

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
}
