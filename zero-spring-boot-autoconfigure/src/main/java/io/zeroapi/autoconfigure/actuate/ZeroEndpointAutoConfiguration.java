package io.zeroapi.autoconfigure.actuate;

import io.zeroapi.autoconfigure.ZeroAutoConfiguration;
import io.zeroapi.autoconfigure.client.ZeroClientAutoConfiguration;
import io.zeroapi.autoconfigure.server.ZeroServerAutoConfiguration;
import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.server.ZeroServer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.info.ConditionalOnEnabledInfoContributor;
import org.springframework.boot.actuate.autoconfigure.info.InfoContributorFallback;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The {@code zero} actuator endpoint (when available: exposed, e.g. with
 * {@code management.endpoints.web.exposure.include=health,zero}) and the {@code zero} info contributor
 * ({@code management.info.zero.enabled=false} turns it off), with Spring Boot's actuator on the class path.
 */
@AutoConfiguration(after = { ZeroAutoConfiguration.class, ZeroServerAutoConfiguration.class,
        ZeroClientAutoConfiguration.class })
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(ZeroCodec.class)
public final class ZeroEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint(ZeroEndpoint.class)
    ZeroEndpoint zeroEndpoint(ObjectProvider<ZeroServer> server, ConfigurableListableBeanFactory beanFactory,
            Environment environment) {
        return new ZeroEndpoint(server.getIfUnique(), new ZeroClientConnections(beanFactory, environment));
    }

    @Bean
    @ConditionalOnMissingBean(name = "zeroInfoContributor")
    @ConditionalOnEnabledInfoContributor(value = "zero", fallback = InfoContributorFallback.USE_DEFAULTS_PROPERTY)
    ZeroInfoContributor zeroInfoContributor(ObjectProvider<ZeroServer> server,
            ConfigurableListableBeanFactory beanFactory, Environment environment) {
        return new ZeroInfoContributor(server.getIfUnique(), new ZeroClientConnections(beanFactory, environment));
    }
}
