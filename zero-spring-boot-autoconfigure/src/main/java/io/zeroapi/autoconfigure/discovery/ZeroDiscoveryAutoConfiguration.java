package io.zeroapi.autoconfigure.discovery;

import io.zeroapi.autoconfigure.client.ZeroClientAutoConfiguration;
import io.zeroapi.autoconfigure.client.ZeroServiceDiscovery;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.client.serviceregistry.Registration;
import org.springframework.cloud.client.serviceregistry.ServiceRegistry;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of Spring Cloud service discovery for Zero, only with Spring Cloud Commons on the class path:
 * clients configured with {@code zero.clients.<name>.service-id} follow the instances of their service
 * ({@link ZeroServiceDiscovery}), and the Zero server is registered through Spring Cloud's {@link ServiceRegistry}
 * with its port in the metadata key {@code zero.port} (unless {@code zero.discovery.register=false} or
 * {@code spring.cloud.service-registry.auto-registration.enabled=false}).
 */
@AutoConfiguration(before = ZeroClientAutoConfiguration.class)
@ConditionalOnClass(DiscoveryClient.class)
@EnableConfigurationProperties(ZeroDiscoveryProperties.class)
public final class ZeroDiscoveryAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ZeroServiceDiscovery.class)
    DiscoveredServers zeroServiceDiscovery(BeanFactory beanFactory, ZeroDiscoveryProperties properties,
            ApplicationContext context) {
        return new DiscoveredServers(new ServiceInstanceLookup(beanFactory, context.getClassLoader()),
                properties.refreshInterval());
    }

    /** Registration of the Zero server. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ServiceRegistry.class)
    @ConditionalOnBooleanProperty(name = "zero.discovery.register", matchIfMissing = true)
    @ConditionalOnBooleanProperty(name = "spring.cloud.service-registry.auto-registration.enabled",
            matchIfMissing = true)
    static class Registering {

        @Bean
        ZeroServiceRegistration zeroServiceRegistration(ObjectProvider<ServiceRegistry<?>> registries,
                ObjectProvider<Registration> registrations, ApplicationContext context,
                ZeroDiscoveryProperties properties) {
            return new ZeroServiceRegistration(registries, registrations, context, properties.deregistrationDelay());
        }
    }
}
