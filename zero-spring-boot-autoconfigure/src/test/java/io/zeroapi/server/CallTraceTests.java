package io.zeroapi.server;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.zeroapi.testing.OutcomeFunctions;
import io.zeroapi.testing.RawDealer;
import io.zeroapi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each call can be traced at DEBUG under {@code io.zeroapi.server.calls}: function, caller, duration and outcome.
 */
@ExtendWith(OutputCaptureExtension.class)
class CallTraceTests {

    private static final String CATEGORY = "io.zeroapi.server.calls";

    private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    private ZeroServer server;

    @BeforeEach
    void start() {
        server = TestServers.start(new OutcomeFunctions(), workers,
                TestServers.settings(100, 100, Duration.ofMillis(300)));
    }

    @AfterEach
    void stop() {
        logging.setLogLevel(CATEGORY, null);
        server.close();
        workers.shutdownNow();
    }

    @Test
    void shouldTraceEachCallAtDebugWithItsOutcome(CapturedOutput output) {
        logging.setLogLevel(CATEGORY, LogLevel.DEBUG);
        try (RawDealer dealer = new RawDealer(server.port())) {
            assertThat(dealer.call(1, "echo", "hi")).isEqualTo("hi");
            dealer.call(2, "fail", "x");
            dealer.call(3, "stuck", null);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getOut())
            .containsPattern("echo from [0-9a-f]+ took \\d+\\.\\d{3} ms: OK")
            .containsPattern("fail from [0-9a-f]+ took \\d+\\.\\d{3} ms: server_exception")
            .containsPattern("stuck from [0-9a-f]+ took \\d+\\.\\d{3} ms: timeout"));
    }

    @Test
    void shouldNotTraceAtInfo(CapturedOutput output) {
        logging.setLogLevel(CATEGORY, LogLevel.INFO);
        try (RawDealer dealer = new RawDealer(server.port())) {
            assertThat(dealer.call(1, "echo", "quiet")).isEqualTo("quiet");
        }
        assertThat(output.getOut()).doesNotContain("echo from ");
    }
}
