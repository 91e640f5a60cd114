package io.zeroapi.autoconfigure.discovery;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.util.ClassUtils;

/**
 * Looks up the instances of a service: through Spring Cloud LoadBalancer's {@code ServiceInstanceListSupplier} for
 * the service when LoadBalancer is on the class path (so its configuration, such as health checks or zone preference,
 * applies), else the {@link DiscoveryClient}, else the {@link ReactiveDiscoveryClient}. Blocks for at most
 * {@link #TIMEOUT}; called on the refresh thread (and once when a client is created).
 */
final class ServiceInstanceLookup {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final String LOAD_BALANCER =
            "org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory";

    private final BeanFactory beanFactory;

    private final boolean loadBalancer;

    ServiceInstanceLookup(BeanFactory beanFactory, @Nullable ClassLoader classLoader) {
        this.beanFactory = beanFactory;
        this.loadBalancer = ClassUtils.isPresent(LOAD_BALANCER, classLoader);
    }

    /**
     * The instances of {@code serviceId}.
     * @throws IllegalStateException if there is no discovery client
     */
    List<ServiceInstance> instances(String serviceId) {
        if (loadBalancer) {
            List<ServiceInstance> balanced = LoadBalancerInstances.of(beanFactory, serviceId, TIMEOUT);
            if (balanced != null) {
                return balanced;
            }
        }
        DiscoveryClient discovery = beanFactory.getBeanProvider(DiscoveryClient.class).getIfAvailable();
        if (discovery != null) {
            return discovery.getInstances(serviceId);
        }
        ReactiveDiscoveryClient reactive = beanFactory.getBeanProvider(ReactiveDiscoveryClient.class).getIfAvailable();
        if (reactive != null) {
            List<ServiceInstance> found = reactive.getInstances(serviceId).collectList().block(TIMEOUT);
            return (found != null) ? found : List.of();
        }
        throw new IllegalStateException("no Spring Cloud DiscoveryClient or ReactiveDiscoveryClient bean to look up "
                + "service '" + serviceId + "' (is spring.cloud.discovery.enabled=false?)");
    }
}
