package io.zeroapi.autoconfigure.client;

import io.zeroapi.autoconfigure.ZeroAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of Zero clients: for each {@code zero.clients.<name>} a lazy {@code ZeroClient}
 * ({@code <name>ZeroClient}), {@code AsyncZeroClient} ({@code <name>AsyncZeroClient}) and, when Reactor is on
 * the class path, {@code ReactiveZeroClient} ({@code <name>ReactiveZeroClient}), all sharing one connection
 * (with its own ZeroMQ context) and injectable with {@code @Qualifier("<name>")} (or without a qualifier when
 * only one client is configured). Connections are closed when the context's beans are destroyed, i.e. after every
 * lifecycle (such as a Zero server draining its calls) has stopped.
 */
@AutoConfiguration(after = ZeroAutoConfiguration.class)
public final class ZeroClientAutoConfiguration {

    @Bean
    static ZeroClientBeanRegistrar zeroClientBeanRegistrar(Environment environment) {
        return new ZeroClientBeanRegistrar(environment);
    }
}
