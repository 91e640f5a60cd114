package io.zeroapi.autoconfigure.server;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.zeroapi.ZeroRpc;
import io.zeroapi.server.ZeroRpcEndpointFactory;

import org.springframework.aop.framework.AopInfrastructureBean;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Finds {@code @ZeroRpc} methods on initialized beans (through AOP proxies, so advice such as
 * {@code @Transactional} still applies), checks them and registers them as endpoints; an invalid method fails
 * startup with a message naming bean, method and fix.
 */
final class ZeroRpcBeanPostProcessor implements BeanPostProcessor {

    private final ZeroRpcEndpointRegistry registry;

    private final ZeroRpcEndpointFactory factory;

    private final Set<Class<?>> nonAnnotatedClasses = ConcurrentHashMap.newKeySet();

    ZeroRpcBeanPostProcessor(ZeroRpcEndpointRegistry registry, ZeroRpcEndpointFactory factory) {
        this.registry = registry;
        this.factory = factory;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AopInfrastructureBean) {
            return bean;
        }
        Class<?> targetClass = AopProxyUtils.ultimateTargetClass(bean);
        if (nonAnnotatedClasses.contains(targetClass)) {
            return bean;
        }
        Map<Method, ZeroRpc> methods = findAnnotatedMethods(targetClass);
        if (methods.isEmpty()) {
            nonAnnotatedClasses.add(targetClass);
            return bean;
        }
        methods.forEach((method, rpc) -> {
            try {
                registry.register(factory.create(beanName, bean, method, rpc.value(), rpc.nonBlocking()));
            }
            catch (IllegalStateException ex) {
                throw new BeanInitializationException(ex.getMessage(), ex);
            }
        });
        return bean;
    }

    static Map<Method, ZeroRpc> findAnnotatedMethods(Class<?> type) {
        if (!AnnotationUtils.isCandidateClass(type, ZeroRpc.class)) {
            return Map.of();
        }
        return MethodIntrospector.selectMethods(type,
                (MethodIntrospector.MetadataLookup<ZeroRpc>) method -> AnnotatedElementUtils
                    .findMergedAnnotation(method, ZeroRpc.class));
    }
}
