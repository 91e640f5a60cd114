package io.zeroapi.autoconfigure.actuate;

import io.micrometer.core.instrument.MeterRegistry;
import io.zeroapi.autoconfigure.ZeroAutoConfiguration;
import io.zeroapi.autoconfigure.client.ZeroClientAutoConfiguration;
import io.zeroapi.autoconfigure.server.ZeroServerAutoConfiguration;
import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.server.ZeroServer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Micrometer gauges of the Zero server, its worker pool and the clients ({@link ZeroMeterBinder}), with Micrometer on
 * the class path and a {@link MeterRegistry} bean; bound by Spring Boot's metrics auto-configuration.
 */
@AutoConfiguration(after = { ZeroAutoConfiguration.class, ZeroServerAutoConfiguration.class,
        ZeroClientAutoConfiguration.class },
        afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, ZeroCodec.class })
public final class ZeroMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ZeroMeterBinder zeroMeterBinder(ObjectProvider<ZeroServer> server, ConfigurableListableBeanFactory beanFactory,
            Environment environment) {
        String executor = ZeroServerAutoConfiguration.EXECUTOR_BEAN_NAME;
        return new ZeroMeterBinder(server.getIfUnique(),
                beanFactory.containsBean(executor) ? beanFactory.getBean(executor) : null,
                new ZeroClientConnections(beanFactory, environment));
    }
}
