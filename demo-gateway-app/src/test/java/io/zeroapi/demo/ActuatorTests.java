package io.zeroapi.demo;

import io.zeroapi.LocalZeroServerPort;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's actuator: health with the Zero server and the {@code backend} client, the Zero gauges in
 * {@code /actuator/metrics}, and the {@code zero} endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "zero.server.port=0", "demo.store.latency=10ms" })
@AutoConfigureWebTestClient
class ActuatorTests {

    @Autowired
    WebTestClient http;

    @LocalZeroServerPort
    int zeroPort;

    @Test
    void shouldReportTheZeroServerAndTheBackendClientInHealth() {
        http.get().uri("/hello").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health").exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.status").isEqualTo("UP")
            .jsonPath("$.components.zero.status").isEqualTo("UP")
            .jsonPath("$.components.zero.components.server.details.state").isEqualTo("RUNNING")
            .jsonPath("$.components.zero.components.server.details.port").isEqualTo(zeroPort)
            .jsonPath("$.components.zero.components.clients.components.backend.status").isEqualTo("UP")
            .jsonPath("$.components.zero.components.clients.components.backend.details.status")
            .isEqualTo("CONNECTED");
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    @Test
    void shouldListTheZeroGaugesInMetrics() {
        http.get().uri("/actuator/metrics").exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.names").value(names -> assertThat(names.toString()).contains("zero.server.calls.active",
                    "zero.client.calls.pending", "zero.client.connection.state", "executor.active"));
        http.get().uri("/actuator/metrics/zero.client.connection.state?tag=zero.client.name:backend&tag=state:idle")
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.measurements[0].statistic").isEqualTo("VALUE");
    }

    @Test
    void shouldDescribeTheServedFunctionsInTheZeroEndpoint() {
        http.get().uri("/actuator/zero").exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.server.port").isEqualTo(zeroPort)
            .jsonPath("$.server.functions[?(@.name == 'get_user')].handler").isEqualTo("userRpc#getUser")
            .jsonPath("$.server.functions[?(@.name == 'get_user')].parameterType").isEqualTo("int")
            .jsonPath("$.clients[0].name").isEqualTo("backend");
        http.get().uri("/actuator/info").exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.zero.clients[0]").isEqualTo("backend");
    }
}
