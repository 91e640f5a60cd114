package io.zeroapi.robustness;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import io.zeroapi.frame.ZeroErrors;
import io.zeroapi.server.WorkerPools;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.testing.RawDealer;
import io.zeroapi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * When the grace period ends, every call still in flight is answered "server is shutting down" before the socket
 * closes: no caller waits out its own timeout.
 */
class ShutdownAnswersTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ExecutorService workers = WorkerPools.fixed(2, Thread::new);

    private final RobustFunctions functions = new RobustFunctions();

    @AfterEach
    void stop() {
        functions.gate.countDown();
        functions.completeAll();
        workers.shutdownNow();
    }

    @Test
    void shouldAnswerEveryCallStillInFlightWhenTheGracePeriodEnds() throws Exception {
        ZeroServer server = TestServers.start(functions, workers, 4 * 1024 * 1024, 10_000);
        try (RawDealer dealer = new RawDealer(server.port())) {
            int calls = 200;
            for (int i = 0; i < calls; i++) {
                dealer.send(i, i % 2 == 0 ? "held" : "blocked", "s" + i);
            }
            await().atMost(WAIT).until(() -> server.inFlight() == calls);
            CompletableFuture<Void> closed = server.shutdown(Duration.ofMillis(200));
            for (int i = 0; i < calls; i++) {
                Map<?, ?> error = (Map<?, ?>) RawDealer.body(dealer.awaitReply(i, reply -> {
                }));
                assertThat(error.get(ZeroErrors.SERVER_EXCEPTION)).isEqualTo("server is shutting down");
            }
            closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(server.isRunning()).isFalse();
        }
    }
}
