package io.zeroapi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.zeroapi.demo.service.Order;
import io.zeroapi.demo.service.User;
import io.zeroapi.demo.store.DemoStore;
import io.zeroapi.demo.store.RedisDemoStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With {@code spring.data.redis.host} set, the demo keeps users and orders in a real Redis server.
 */
@ExtendWith(RedisServerExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "zero.server.port=0")
@AutoConfigureWebTestClient
class RedisStoreTests {

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> RedisServerExtension.port);
    }

    @Autowired
    DemoStore store;

    @Autowired
    WebTestClient http;

    @Test
    void shouldUseTheRedisStoreSeededWithTheDemoUsers() {
        assertThat(store).isInstanceOf(RedisDemoStore.class);
        http.get().uri("/users/3").exchange()
            .expectStatus().isOk()
            .expectBody(User.class).isEqualTo(new User(3, "Carol", "carol@example.com"));
    }

    @Test
    void shouldKeepUpdatesAndOrdersInRedis() {
        http.put().uri("/users/7").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("name", "Gus", "email", "gus@example.com"))
            .exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.replaced").isEqualTo(false);
        assertThat(store.findUser(7).block(Duration.ofSeconds(10))).isEqualTo(new User(7, "Gus", "gus@example.com"));

        Order saved = http.post().uri("/orders").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("userId", 7, "items", List.of("lamp")))
            .exchange()
            .expectStatus().isCreated()
            .expectBody(Order.class).returnResult().getResponseBody();
        assertThat(saved).isNotNull();
        assertThat(((RedisDemoStore) store).findOrder(saved.id()).block(Duration.ofSeconds(10))).isEqualTo(saved);
    }
}
