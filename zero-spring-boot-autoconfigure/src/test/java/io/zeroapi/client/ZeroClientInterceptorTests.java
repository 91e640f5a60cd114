package io.zeroapi.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.zeroapi.ZeroRemoteException;
import io.zeroapi.ZeroRpc;
import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ZeroClientInterceptor}s run around every call of the blocking and asynchronous clients, in order; they
 * may change the argument or the timeout, retry, or fail fast.
 */
class ZeroClientInterceptorTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    private final Flaky flaky = new Flaky();

    private final List<String> seen = new CopyOnWriteArrayList<>();

    private ZeroServer server;

    private ZeroConnection connection;

    private DefaultAsyncZeroClient async;

    @BeforeEach
    void start() {
        server = TestServers.start(flaky, workers, 100);
        connection = new ZeroConnection(() -> "tcp://127.0.0.1:" + server.port());
        ZeroClientInterceptor logging = (call, argument, timeout, next) -> {
            seen.add(call.function() + "(" + argument + ") within " + timeout.toMillis() + " ms at " + call.address());
            return next.proceed(argument, timeout);
        };
        ZeroClientInterceptor retryOnce = (call, argument, timeout, next) -> next.proceed(argument, timeout)
            .exceptionallyCompose(failure -> remote(failure) ? next.proceed(argument, timeout)
                    : CompletableFuture.failedFuture(failure));
        ZeroClientInterceptor failFast = (call, argument, timeout, next) -> "forbidden".equals(call.function())
                ? CompletableFuture.failedFuture(new IllegalStateException("not sent")) : next.proceed(argument,
                        timeout.multipliedBy(2));
        async = new DefaultAsyncZeroClient(connection, new ZeroCodec(), Duration.ofSeconds(5),
                List.of(logging, retryOnce, failFast));
    }

    private static boolean remote(Throwable failure) {
        return failure instanceof ZeroRemoteException || failure.getCause() instanceof ZeroRemoteException;
    }

    @AfterEach
    void stop() {
        connection.close();
        server.close();
        workers.shutdownNow();
    }

    @Test
    void shouldRunAroundAsyncCallsInOrder() {
        assertThat(async.call("echo", "hi")).succeedsWithin(WAIT).isEqualTo("hi");
        assertThat(seen).containsExactly("echo(hi) within 5000 ms at tcp://127.0.0.1:" + server.port());
    }

    @Test
    void shouldRetryAFailedCallAndWorkForTheBlockingClient() {
        DefaultZeroClient blocking = new DefaultZeroClient(async);
        assertThat(blocking.call("flaky", "x")).isEqualTo("x after 2 attempts");
        assertThat(flaky.attempts.get()).isEqualTo(2);
    }

    @Test
    void shouldFailFastWithoutSending() {
        DefaultZeroClient blocking = new DefaultZeroClient(async);
        assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> blocking.call("forbidden", null))
            .withMessage("not sent");
        assertThat(connection.state().status()).isEqualTo(ZeroConnectionState.Status.IDLE);
    }

    /** A function that fails on its first attempt. */
    public static class Flaky {

        final AtomicInteger attempts = new AtomicInteger();

        @ZeroRpc
        public String echo(String text) {
            return text;
        }

        @ZeroRpc
        public String flaky(String text) {
            int attempt = attempts.incrementAndGet();
            if (attempt == 1) {
                throw new IllegalStateException("first attempt fails");
            }
            return text + " after " + attempt + " attempts";
        }
    }
}
