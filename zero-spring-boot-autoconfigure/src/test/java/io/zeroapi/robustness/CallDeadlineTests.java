package io.zeroapi.robustness;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;

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
 * Calls that never complete cannot starve the server: each is answered with a server exception once the call
 * timeout has passed (a sync handler is interrupted, an asynchronous result cancelled) and its slot is freed; one
 * connection gets at most its share of the slots, and the slots of a caller that went away are freed when its
 * calls end.
 */
class CallDeadlineTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final Duration CALL_TIMEOUT = Duration.ofMillis(300);

    private final ExecutorService workers = WorkerPools.fixed(2, Thread::new);

    private final RobustFunctions functions = new RobustFunctions();

    private ZeroServer server;

    @AfterEach
    void stop() {
        functions.completeAll();
        if (server != null) {
            server.close();
        }
        workers.shutdownNow();
    }

    @Test
    void shouldAnswerAsyncCallsThatNeverCompleteOnceTheCallTimeoutPasses() {
        server = TestServers.start(functions, workers, TestServers.settings(100, 100, CALL_TIMEOUT));
        try (RawDealer dealer = new RawDealer(server.port())) {
            for (int i = 0; i < 100; i++) {
                dealer.send(i, "held", "h" + i);
            }
            for (int i = 0; i < 100; i++) {
                Object body = RawDealer.body(dealer.awaitReply(i, reply -> {
                }));
                assertThat(body).isInstanceOf(Map.class);
                assertThat((String) ((Map<?, ?>) body).get(ZeroErrors.SERVER_EXCEPTION))
                    .contains("did not complete within the server's call timeout of 300 ms");
            }
            await().atMost(WAIT).until(() -> server.inFlight() == 0);
            assertThat(functions.held).allSatisfy(held -> assertThat(held.future()).isCancelled());
            assertThat(dealer.call(1000, "echo", "after")).isEqualTo("echo:after");
        }
    }

    @Test
    void shouldInterruptSyncCallsPastTheCallTimeoutAndFreeTheirWorkers() {
        server = TestServers.start(functions, workers, TestServers.settings(100, 100, CALL_TIMEOUT));
        try (RawDealer dealer = new RawDealer(server.port())) {
            for (int round = 0; round < 3; round++) {
                dealer.send(2 * round, "sleep_forever", "a");
                dealer.send(2 * round + 1, "sleep_forever", "b");
                for (int n = 2 * round; n <= 2 * round + 1; n++) {
                    Map<?, ?> error = (Map<?, ?>) RawDealer.body(dealer.awaitReply(n, reply -> {
                    }));
                    assertThat((String) error.get(ZeroErrors.SERVER_EXCEPTION)).contains("call timeout");
                }
                assertThat(dealer.call(100 + round, "echo", "worker free")).isEqualTo("echo:worker free");
            }
        }
        await().atMost(WAIT).until(() -> functions.interrupted.get() == 6);
        assertThat(functions.inProgress.get()).isZero();
    }

    @Test
    void shouldGiveOneConnectionNoMoreThanItsShareOfTheCallsInFlight() {
        server = TestServers.start(functions, workers, TestServers.settings(1000, 100, Duration.ofMinutes(5)));
        try (RawDealer flooder = new RawDealer(server.port()); RawDealer other = new RawDealer(server.port())) {
            for (int i = 0; i < 300; i++) {
                flooder.send(i, "held", "f" + i);
            }
            int busy = 0;
            for (int i = 100; i < 300; i++) {
                Map<?, ?> error = (Map<?, ?>) RawDealer.body(flooder.awaitReply(i, reply -> {
                }));
                assertThat((String) error.get(ZeroErrors.SERVER_EXCEPTION))
                    .startsWith("server busy: 100 requests in flight from this connection");
                busy++;
            }
            assertThat(busy).isEqualTo(200);
            assertThat(functions.held).hasSize(100);
            for (int i = 0; i < 50; i++) {
                assertThat(other.call(i, "echo", "o" + i)).isEqualTo("echo:o" + i);
            }
        }
    }

    @Test
    void shouldFreeTheSlotsOfACallerThatDisconnectedWhenItsCallsEnd() {
        server = TestServers.start(functions, workers, TestServers.settings(50, 50, CALL_TIMEOUT));
        try (RawDealer flooder = new RawDealer(server.port())) {
            for (int i = 0; i < 50; i++) {
                flooder.send(i, "held", "f" + i);
            }
            await().atMost(WAIT).until(() -> functions.held.size() == 50);
        }
        try (RawDealer other = new RawDealer(server.port())) {
            await().atMost(WAIT).until(() -> server.inFlight() == 0);
            for (int i = 0; i < 50; i++) {
                assertThat(other.call(i, "echo", "o" + i)).isEqualTo("echo:o" + i);
            }
        }
    }
}
