package io.zeroapi.demo;

import java.time.Duration;
import java.util.Map;

import io.zeroapi.demo.gateway.SpreadReport;
import io.zeroapi.demo.service.User;
import io.zeroapi.server.ZeroServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code two-instances} profile: two Zero service instances (their own Spring Boot applications in this JVM, on
 * free ports) and the gateway, whose client spreads calls over both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "demo.instances.instance-a=0", "demo.instances.instance-b=0", "demo.store.latency=0ms" })
@ActiveProfiles("two-instances")
@AutoConfigureWebTestClient
class TwoInstancesTests {

    @Autowired
    WebTestClient http;

    @Autowired
    ApplicationContext gateway;

    @Test
    void shouldSpreadCallsOverBothInstances() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(spread(2).servers())
            .extracting(SpreadReport.Server::status)
            .containsExactly("CONNECTED", "CONNECTED"));

        SpreadReport report = spread(40);

        assertThat(report.servedBy()).containsOnlyKeys("instance-a", "instance-b");
        assertThat(report.servedBy().values()).allSatisfy(calls -> assertThat(calls).isBetween(10, 30));
        assertThat(report.servedBy().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(40);
        assertThat(report.callsServed().values()).allSatisfy(calls -> assertThat(calls).isGreaterThanOrEqualTo(10));
        assertThat(report.servers()).extracting(SpreadReport.Server::address)
            .allSatisfy(address -> assertThat(address).startsWith("tcp://127.0.0.1:"))
            .doesNotHaveDuplicates();
    }

    @Test
    void shouldServeTheGatewayFromInstancesSharingOneStore() {
        http.put().uri("/users/2").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("name", "Bobby", "email", "bobby@example.com"))
            .exchange()
            .expectStatus().isOk();
        for (int i = 0; i < 4; i++) {
            http.get().uri("/users/2").exchange()
                .expectStatus().isOk()
                .expectBody(User.class).isEqualTo(new User(2, "Bobby", "bobby@example.com"));
        }
        http.get().uri("/users/42").exchange().expectStatus().isNotFound();
    }

    @Test
    void shouldServeNoZeroCallsFromTheGatewayItself() {
        assertThat(gateway.getBeanNamesForType(ZeroServer.class)).isEmpty();
        assertThat(gateway.getEnvironment().getProperty("local.demo.instances.addresses"))
            .matches("tcp://127\\.0\\.0\\.1:\\d+,tcp://127\\.0\\.0\\.1:\\d+");
    }

    private SpreadReport spread(int calls) {
        return http.get().uri("/demo/spread?calls=" + calls).exchange()
            .expectStatus().isOk()
            .expectBody(SpreadReport.class)
            .returnResult()
            .getResponseBody();
    }
}
