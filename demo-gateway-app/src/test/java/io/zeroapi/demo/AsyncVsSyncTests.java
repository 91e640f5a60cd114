package io.zeroapi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeroapi.demo.gateway.AsyncVsSyncReport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The async guide's claim, seen through the gateway: with one worker, blocking calls queue while non-blocking
 * ones all wait at once. Only the ordering is asserted, never absolute times.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "zero.server.port=0", "zero.server.workers=1" })
@AutoConfigureWebTestClient
class AsyncVsSyncTests {

    @Autowired
    WebTestClient http;

    @Test
    void shouldFinishNonBlockingCallsFasterThanBlockingOnesOnOneWorker() {
        AsyncVsSyncReport report = http.get().uri("/demo/async-vs-sync?calls=4&seconds=0.3").exchange()
            .expectStatus().isOk()
            .expectBody(AsyncVsSyncReport.class).returnResult().getResponseBody();
        assertThat(report).isNotNull();
        assertThat(report.calls()).isEqualTo(4);
        assertThat(report.blockingWallSeconds()).isGreaterThanOrEqualTo(4 * 0.3);
        assertThat(report.asyncWallSeconds()).isLessThan(report.blockingWallSeconds());
    }
}
