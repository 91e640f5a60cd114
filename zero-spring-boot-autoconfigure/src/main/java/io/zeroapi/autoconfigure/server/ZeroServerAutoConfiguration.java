package io.zeroapi.autoconfigure.server;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

import io.zeroapi.autoconfigure.ZeroAutoConfiguration;
import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.endpoint.ZeroRpcBeanPostProcessor;
import io.zeroapi.endpoint.ZeroRpcEndpointFactory;
import io.zeroapi.endpoint.ZeroRpcEndpointRegistry;
import io.zeroapi.endpoint.ZeroRpcMethods;
import io.zeroapi.lifecycle.ZeroServerLifecycle;
import io.zeroapi.server.WorkerPools;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.server.ZeroServerInterceptor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnThreading;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.thread.Threading;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Serves {@code @ZeroRpc} bean methods over ZeroMQ and/or Zero 1.0's TCP protocol ({@code zero.server.tcp.*}): finds and checks them, builds the {@link ZeroServer} from
 * {@code zero.server.*}, the {@link ZeroServerInterceptor} beans (in order) and the {@link ZeroServerCustomizer}
 * beans, and binds it when at least one method exists
 * (the {@code zeroServer} and {@code zeroServerLifecycle} beans are always present while
 * {@code zero.server.enabled} is true, but no socket is bound for an application without {@code @ZeroRpc} methods).
 */
@AutoConfiguration(after = ZeroAutoConfiguration.class)
@ConditionalOnBean(ZeroCodec.class)
@ConditionalOnBooleanProperty(name = "zero.server.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ZeroServerProperties.class)
public final class ZeroServerAutoConfiguration {

    /** Name of the executor running plain {@code @ZeroRpc} methods; define a bean of that name to replace it. */
    public static final String EXECUTOR_BEAN_NAME = "zeroServerExecutor";

    @Bean
    @ConditionalOnMissingBean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static ZeroRpcEndpointRegistry zeroRpcEndpointRegistry() {
        return new ZeroRpcEndpointRegistry(new ZeroRpcEndpointFactory(ReactiveAdapterRegistry.getSharedInstance()));
    }

    @Bean(name = "io.zeroapi.autoconfigure.server.internalZeroRpcBeanPostProcessor")
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static ZeroRpcBeanPostProcessor zeroRpcBeanPostProcessor(ZeroRpcEndpointRegistry registry) {
        return new ZeroRpcBeanPostProcessor(registry);
    }

    @Bean
    static LazyInitializationExcludeFilter zeroRpcLazyInitializationExcludeFilter() {
        return (beanName, definition, beanType) -> beanType != null && ZeroRpcMethods.hasAny(beanType);
    }

    @Bean
    @ConditionalOnMissingBean
    ZeroServer zeroServer(ZeroRpcEndpointRegistry registry, ZeroCodec zeroCodec,
            @Qualifier(EXECUTOR_BEAN_NAME) Executor executor, ZeroServerProperties properties,
            ObjectProvider<ZeroServerInterceptor> interceptors, ObjectProvider<ZeroServerCustomizer> customizers) {
        ZeroServer.Builder builder = ZeroServer.builder()
            .codec(zeroCodec)
            .endpoints(registry)
            .workers(executor)
            .settings(properties.toSettings())
            .zeromq(properties.zeromq().enabled());
        if (properties.tcp().enabled()) {
            builder.tcp(properties.tcp().port());
        }
        else if (!properties.zeromq().enabled()) {
            throw new IllegalStateException("zero.server.zeromq.enabled=false leaves the Zero server no protocol to "
                    + "serve: set zero.server.tcp.enabled=true to serve Zero's TCP protocol alone, or "
                    + "zero.server.enabled=false to serve nothing");
        }
        interceptors.orderedStream().forEach(builder::interceptor);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    ZeroServerLifecycle zeroServerLifecycle(ZeroServer zeroServer, ZeroServerProperties properties,
            ApplicationContext applicationContext) {
        return new ZeroServerLifecycle(zeroServer, properties.shutdown().gracePeriod(),
                properties.stopApplicationOnFailure(), applicationContext);
    }

    /** A fixed pool of {@code zero.server.workers} platform threads ({@link WorkerPools#fixed}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnThreading(Threading.PLATFORM)
    static class PlatformWorkersConfiguration {

        @Bean(name = EXECUTOR_BEAN_NAME, destroyMethod = "shutdown")
        @ConditionalOnMissingBean(name = EXECUTOR_BEAN_NAME)
        ExecutorService zeroServerExecutor(ZeroServerProperties properties) {
            return WorkerPools.fixed(properties.effectiveWorkers(), new CustomizableThreadFactory("zero-worker-"));
        }
    }

    /** A virtual thread per call, with {@code spring.threads.virtual.enabled=true} on Java 21+. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnThreading(Threading.VIRTUAL)
    static class VirtualWorkersConfiguration {

        @Bean(name = EXECUTOR_BEAN_NAME)
        @ConditionalOnMissingBean(name = EXECUTOR_BEAN_NAME)
        VirtualThreadTaskExecutor zeroServerExecutor() {
            return new VirtualThreadTaskExecutor("zero-worker-");
        }
    }
}
