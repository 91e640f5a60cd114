package io.zeroapi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.zeroapi.client.ZeroConnection;
import io.zeroapi.demo.service.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The demo with its Zero service on Zero 1.0's TCP protocol alone and its gateway's {@code backend} client switched to
 * {@code protocol: tcp}: HTTP gateway -> TCP client -> TCP server -> store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "zero.server.zeromq.enabled=false", "zero.server.tcp.enabled=true", "zero.server.tcp.port=0",
                "zero.clients.backend.protocol=tcp",
                "zero.clients.backend.address=tcp://127.0.0.1:${local.zero.server.tcp.port}",
                "demo.store.latency=10ms" })
@AutoConfigureWebTestClient
class GatewayOverTcpTests {

    @Autowired
    WebTestClient http;

    @Autowired
    Environment environment;

    @Autowired
    ApplicationContext context;

    @Test
    void shouldServeTheGatewayThroughTheTcpProtocol() {
        http.get().uri("/hello").exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.message").isEqualTo("hello world");
        List<User> users = http.get().uri("/users?ids=3,1,2").exchange()
            .expectStatus().isOk()
            .expectBody(new ParameterizedTypeReference<List<User>>() {
            })
            .returnResult().getResponseBody();
        assertThat(users).extracting(User::id).containsExactly(3, 1, 2);
        http.get().uri("/users/42").exchange().expectStatus().isNotFound();
        assertThat(environment.getProperty("local.zero.server.port")).isNull();
        ZeroConnection backend = context.getBean("backendZeroClientConnection", ZeroConnection.class);
        assertThat(backend.address()).isEqualTo("tcp://127.0.0.1:" + environment.getProperty("local.zero.server.tcp.port"));
    }
}
