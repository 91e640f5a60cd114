package io.zeroapi.robustness;

import java.util.Map;
import java.util.concurrent.ExecutorService;

import io.zeroapi.frame.ZeroErrors;
import io.zeroapi.server.WorkerPools;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.testing.RawDealer;
import io.zeroapi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Handlers that throw {@code Error}s (a real {@code StackOverflowError}, {@code AssertionError}s on every
 * execution path) are answered with {@code __zerror__server_exception}, and the server and its workers keep
 * serving.
 */
class HandlerErrorTests {

    private static final int ROUNDS = 25;

    private final ExecutorService workers = WorkerPools.fixed(2, Thread::new);

    private ZeroServer server;

    @BeforeEach
    void start() {
        server = TestServers.start(new RobustFunctions(), workers, 4 * 1024 * 1024, 10_000);
    }

    @AfterEach
    void stop() {
        server.close();
        workers.shutdownNow();
    }

    @Test
    void shouldAnswerErrorsAsServerExceptionsAndKeepServing() {
        try (RawDealer dealer = new RawDealer(server.port())) {
            long n = 0;
            for (int round = 0; round < ROUNDS; round++) {
                assertThat(dealer.call(n++, "recurse", 0))
                    .isEqualTo(Map.of(ZeroErrors.SERVER_EXCEPTION, "StackOverflowError()"));
                assertThat(dealer.call(n++, "assert_fail", "worker " + round))
                    .isEqualTo(Map.of(ZeroErrors.SERVER_EXCEPTION, "AssertionError('worker " + round + "')"));
                assertThat(dealer.call(n++, "inline_assert_fail", "inline " + round))
                    .isEqualTo(Map.of(ZeroErrors.SERVER_EXCEPTION, "AssertionError('inline " + round + "')"));
                assertThat(dealer.call(n++, "async_error", "async " + round))
                    .isEqualTo(Map.of(ZeroErrors.SERVER_EXCEPTION, "AssertionError('async " + round + "')"));
                assertThat(dealer.call(n++, "echo", "after " + round)).isEqualTo("echo:after " + round);
                assertThat(dealer.call(n++, "inline_echo", "after " + round)).isEqualTo("inline:after " + round);
            }
        }
        assertThat(server.isRunning()).isTrue();
    }
}
