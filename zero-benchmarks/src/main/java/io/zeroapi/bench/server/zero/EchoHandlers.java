package io.zeroapi.bench.server.zero;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the one echo handler selected by {@code bench.echo}.
 */
@Configuration(proxyBeanMethods = false)
class EchoHandlers {

    @Bean
    @ConditionalOnProperty(name = "bench.echo", havingValue = "inline")
    InlineEcho inlineEcho() {
        return new InlineEcho();
    }

    @Bean
    @ConditionalOnProperty(name = "bench.echo", havingValue = "sync")
    SyncEcho syncEcho() {
        return new SyncEcho();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "bench.echo", havingValue = "async")
    DelayedEcho delayedEcho() {
        return new DelayedEcho();
    }

}
