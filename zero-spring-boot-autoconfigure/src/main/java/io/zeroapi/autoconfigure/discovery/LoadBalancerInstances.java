package io.zeroapi.autoconfigure.discovery;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;

/**
 * The instances Spring Cloud LoadBalancer's {@link ServiceInstanceListSupplier} of a service gives (loaded only
 * with LoadBalancer on the class path).
 */
final class LoadBalancerInstances {

    private LoadBalancerInstances() {
    }

    /** The instances, or {@code null} without a LoadBalancer client factory or a supplier for the service. */
    static @Nullable List<ServiceInstance> of(BeanFactory beanFactory, String serviceId, Duration timeout) {
        LoadBalancerClientFactory factory = beanFactory.getBeanProvider(LoadBalancerClientFactory.class)
            .getIfAvailable();
        if (factory == null) {
            return null;
        }
        ServiceInstanceListSupplier supplier = factory.getInstance(serviceId, ServiceInstanceListSupplier.class);
        if (supplier == null) {
            return null;
        }
        List<ServiceInstance> instances = supplier.get().next().block(timeout);
        return (instances != null) ? instances : List.of();
    }
}
