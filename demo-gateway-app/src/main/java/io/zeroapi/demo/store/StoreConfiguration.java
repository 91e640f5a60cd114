package io.zeroapi.demo.store;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Chooses the store: Redis when {@code spring.data.redis.host} is set, else the embedded in-memory one; neither when
 * the context already has a store (a service instance of the {@code two-instances} profile gets the gateway's).
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean
    @ConditionalOnProperty("spring.data.redis.host")
    @ConditionalOnMissingBean(DemoStore.class)
    RedisDemoStore redisDemoStore(ReactiveStringRedisTemplate redis) {
        RedisDemoStore store = new RedisDemoStore(redis);
        store.seed().block(Duration.ofSeconds(10));
        return store;
    }

    @Bean
    @ConditionalOnMissingBean(DemoStore.class)
    InMemoryDemoStore inMemoryDemoStore(@Value("${demo.store.latency:100ms}") Duration latency) {
        return new InMemoryDemoStore(latency);
    }
}
