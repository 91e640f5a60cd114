package io.zeroapi.autoconfigure.actuate;

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
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The {@code zero} health contributor (server and clients), with Spring Boot's health module on the class path;
 * {@code management.health.zero.enabled=false} turns it off.
 */
@AutoConfiguration(after = { ZeroAutoConfiguration.class, ZeroServerAutoConfiguration.class,
        ZeroClientAutoConfiguration.class })
@ConditionalOnClass(HealthContributor.class)
@ConditionalOnBean(ZeroCodec.class)
@ConditionalOnEnabledHealthIndicator("zero")
public final class ZeroHealthContributorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = { "zeroHealthIndicator", "zeroHealthContributor" })
    HealthContributor zeroHealthContributor(ObjectProvider<ZeroServer> server,
            ConfigurableListableBeanFactory beanFactory, Environment environment) {
        return new ZeroHealthContributor(server.getIfUnique(), new ZeroClientConnections(beanFactory, environment));
    }
}
