package io.zeroapi.demo.store;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the store: the in-memory one unless another {@link DemoStore} bean (e.g. the Redis one) is present.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean
    @ConditionalOnMissingBean(DemoStore.class)
    InMemoryDemoStore inMemoryDemoStore(@Value("${demo.store.latency:100ms}") Duration latency) {
        return new InMemoryDemoStore(latency);
    }
}
