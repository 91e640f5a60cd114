package io.zeroapi.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.zeroapi.ReactiveZeroClient;
import io.zeroapi.ZeroRpc;
import io.zeroapi.demo.service.Order;
import io.zeroapi.demo.service.User;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole demo in one JVM: HTTP gateway -> Zero client -> Zero server on a free port -> store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "zero.server.port=0", "demo.store.latency=10ms" })
@AutoConfigureWebTestClient
class GatewayEndToEndTests {

    @Autowired
    WebTestClient http;

    @Test
    void shouldSayHelloThroughTheZeroService() {
        http.get().uri("/hello").exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.message").isEqualTo("hello world");
    }

    @Test
    void shouldReturnAUser() {
        http.get().uri("/users/1").exchange()
            .expectStatus().isOk()
            .expectBody(User.class).isEqualTo(new User(1, "Alice", "alice@example.com"));
    }

    @Test
    void shouldSendEverySpreadCallToTheOnlyInstance() {
        http.get().uri("/demo/spread?calls=5").exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.calls").isEqualTo(5)
            .jsonPath("$.servedBy.demo").isEqualTo(5)
            .jsonPath("$.servers.length()").isEqualTo(1)
            .jsonPath("$.servers[0].status").isEqualTo("CONNECTED");
    }

    @Test
    void shouldRefuseASpreadOfTooManyCalls() {
        http.get().uri("/demo/spread?calls=1001").exchange().expectStatus().isBadRequest();
    }

    @Test
    void shouldMapAnUnknownUserTo404WithAJsonBody() {
        http.get().uri("/users/42").exchange()
            .expectStatus().isNotFound()
            .expectBody()
            .jsonPath("$.status").isEqualTo(404)
            .jsonPath("$.message").value(message -> assertThat((String) message).contains("No user with id 42"));
    }

    @Test
    void shouldFetchSeveralUsersAtOnceInRequestOrder() {
        List<User> users = http.get().uri("/users?ids=3,1,2").exchange()
            .expectStatus().isOk()
            .expectBody(new ParameterizedTypeReference<List<User>>() {
            })
            .returnResult().getResponseBody();
        assertThat(users).extracting(User::id).containsExactly(3, 1, 2);
    }

    @Test
    void shouldUpdateAUser() {
        http.put().uri("/users/2").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("name", "Bobby", "email", "bobby@example.com"))
            .exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.replaced").isEqualTo(true);
        http.get().uri("/users/2").exchange()
            .expectStatus().isOk()
            .expectBody(User.class).isEqualTo(new User(2, "Bobby", "bobby@example.com"));
    }

    @Test
    void shouldSaveAnOrder() {
        Order saved = http.post().uri("/orders").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("userId", 1, "items", List.of("book", "pen")))
            .exchange()
            .expectStatus().isCreated()
            .expectBody(Order.class).returnResult().getResponseBody();
        assertThat(saved).isNotNull();
        assertThat(saved.id()).startsWith("order-");
        assertThat(saved.items()).containsExactly("book", "pen");
    }

    @Test
    void shouldMapARpcTimeoutTo504() {
        http.get().uri("/test/stall").exchange()
            .expectStatus().isEqualTo(504)
            .expectBody().jsonPath("$.message").value(message -> assertThat((String) message).contains("stall"));
    }

    @Test
    void shouldRejectABadComparisonRequest() {
        http.get().uri("/demo/async-vs-sync?calls=0").exchange().expectStatus().isBadRequest();
    }

    @TestConfiguration
    static class StallingService {

        @Bean
        Staller staller() {
            return new Staller();
        }

        @Bean
        StallController stallController(@Qualifier("backend") ReactiveZeroClient backend) {
            return new StallController(backend);
        }
    }

    static class Staller {

        @ZeroRpc("stall")
        Mono<String> stall() {
            return Mono.never();
        }
    }

    @RestController
    static class StallController {

        private final ReactiveZeroClient backend;

        StallController(ReactiveZeroClient backend) {
            this.backend = backend;
        }

        @GetMapping("/test/stall")
        Mono<Object> stall() {
            return backend.call("stall", null, Duration.ofMillis(300));
        }
    }
}
