package io.zeroapi.endpoint;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.aop.framework.AopInfrastructureBean;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Registers the {@code @ZeroRpc} methods of initialized beans in a {@link ZeroRpcEndpointRegistry} (through AOP
 * proxies, so advice such as {@code @Transactional} still applies); an invalid method fails startup with a message
 * naming bean, method and fix.
 */
public final class ZeroRpcBeanPostProcessor implements BeanPostProcessor {

    private final ZeroRpcEndpointRegistry registry;

    private final Set<Class<?>> nonAnnotatedClasses = ConcurrentHashMap.newKeySet();

    public ZeroRpcBeanPostProcessor(ZeroRpcEndpointRegistry registry) {
        this.registry = registry;
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
        try {
            if (registry.registerBean(beanName, bean) == 0) {
                nonAnnotatedClasses.add(targetClass);
            }
        }
        catch (IllegalStateException ex) {
            throw new BeanInitializationException(ex.getMessage(), ex);
        }
        return bean;
    }
}
