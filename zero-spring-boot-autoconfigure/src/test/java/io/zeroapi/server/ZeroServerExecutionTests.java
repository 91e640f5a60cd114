package io.zeroapi.server;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.zeroapi.frame.RequestFrame;
import io.zeroapi.frame.ZeroErrors;
import io.zeroapi.testing.Codecs;
import io.zeroapi.testing.RawDealer;
import io.zeroapi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Real-socket tests of the execution model: which calls wait for which, pipelining, errors, graceful stop.
 */
class ZeroServerExecutionTests {

    private final ExecutorService workers = workers();

    private final ControlledFunctions functions = new ControlledFunctions();

    private ZeroServer server;

    private RawDealer dealer;

    /** One worker: a plain fixed pool (the subclass runs the same tests on the default pool). */
    ExecutorService workers() {
        return Executors.newFixedThreadPool(1);
    }

    @BeforeEach
    void start() {
        startServer(10_000);
    }

    private void startServer(int maxInFlight) {
        server = TestServers.start(functions, workers, maxInFlight);
        dealer = new RawDealer(server.port());
    }

    @AfterEach
    void stop() {
        functions.releaseBlocking.countDown();
        dealer.close();
        server.close();
        workers.shutdownNow();
    }

    @Test
    void shouldAnswerSyncCallWhileAsyncCallWaitsWithOneWorker() {
        dealer.send(1, "pending", null);
        assertThat(body(call(2, "sync_echo", "next"), 2)).isEqualTo("next");
        functions.pending.complete("done");
        assertThat(body(dealer.receive(), 1)).isEqualTo("done");
    }

    @Test
    void shouldAnswerNonBlockingAndAsyncCallsWhileBlockingCallHoldsTheOnlyWorker() throws Exception {
        dealer.send(1, "blocking", null);
        assertThat(functions.blockingEntered.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(body(call(2, "quick", null), 2)).isEqualTo("quick");
        assertThat(body(call(3, "mono_echo", "mono"), 3)).isEqualTo("mono");
        assertThat(body(call(4, "inline_echo", "inline"), 4)).isEqualTo("inline");
        functions.releaseBlocking.countDown();
        assertThat(body(dealer.receive(), 1)).isEqualTo("released");
    }

    @Test
    void shouldAnswerEveryPipelinedCallWithItsOwnId() {
        int count = 2000;
        String[] functionNames = { "sync_echo", "inline_echo", "mono_echo" };
        for (int i = 0; i < count; i++) {
            dealer.send(i, functionNames[i % 3], "m" + i);
        }
        Map<String, Object> replies = new HashMap<>();
        for (int i = 0; i < count; i++) {
            byte[] reply = dealer.receive();
            replies.put(HexFormat.of().formatHex(reply, 0, 16), Codecs.CODEC.decode(reply, 16, reply.length - 16));
        }
        assertThat(replies).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(replies.get(HexFormat.of().formatHex(RawDealer.id(i)))).isEqualTo("m" + i);
        }
    }

    @Test
    void shouldAnswerNilForVoidAndEmptyMono() {
        assertThat(body(call(1, "nothing", "x"), 1)).isNull();
        assertThat(body(call(2, "mono_empty", null), 2)).isNull();
    }

    @Test
    void shouldAnswerHandlerErrorsAsPythonReprAndKeepServing() {
        assertThat(body(call(1, "overflow", 0), 1))
            .isEqualTo(Map.of(ZeroErrors.SERVER_EXCEPTION, "StackOverflowError()"));
        assertThat(body(call(2, "no_message", null), 2))
            .isEqualTo(Map.of(ZeroErrors.SERVER_EXCEPTION, "UnsupportedOperationException()"));
        assertThat(body(call(3, "quoted", "it's"), 3))
            .isEqualTo(Map.of(ZeroErrors.SERVER_EXCEPTION, "IllegalStateException(\"it's\")"));
        assertThat(body(call(4, "unencodable", null), 4))
            .isEqualTo(Map.of(ZeroErrors.SERVER_EXCEPTION, ZeroErrors.GENERIC_SERVER_ERROR));
        assertThat(body(call(5, "primitive", null), 5)).isInstanceOfSatisfying(Map.class,
                map -> assertThat(map).containsKey(ZeroErrors.VALIDATION_ERROR));
        assertThat(body(call(6, "quick", null), 6)).isEqualTo("quick");
    }

    @Test
    void shouldRefuseCallsBeyondMaxInFlight() throws Exception {
        dealer.close();
        server.close();
        startServer(1);
        dealer.send(1, "blocking", null);
        assertThat(functions.blockingEntered.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(body(call(2, "quick", null), 2))
            .isEqualTo(Map.of(ZeroErrors.SERVER_EXCEPTION, "server busy: 1 requests in flight, retry later"));
        functions.releaseBlocking.countDown();
        assertThat(body(dealer.receive(), 1)).isEqualTo("released");
    }

    @Test
    void shouldAnswerCallsInFlightAndRefuseNewOnesDuringGracefulShutdown() throws Exception {
        dealer.send(1, "blocking", null);
        dealer.send(2, "pending", null);
        assertThat(functions.blockingEntered.await(20, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> server.inFlight() == 2);
        CompletableFuture<Void> stopped = server.shutdown(Duration.ofSeconds(60));
        assertThat(body(call(3, "quick", null), 3))
            .isEqualTo(Map.of(ZeroErrors.SERVER_EXCEPTION, "server is shutting down"));
        assertThat(stopped).isNotDone();
        functions.releaseBlocking.countDown();
        functions.pending.complete("late");
        Map<Integer, Object> answered = new HashMap<>();
        for (int i = 0; i < 2; i++) {
            byte[] reply = dealer.receive();
            answered.put((int) RawDealer.idOf(reply), Codecs.CODEC.decode(reply, 16, reply.length - 16));
        }
        assertThat(answered).isEqualTo(Map.of(1, "released", 2, "late"));
        stopped.get(20, TimeUnit.SECONDS);
        assertThat(server.isRunning()).isFalse();
    }

    @Test
    void shouldFailWithPortInUseWhenPortIsTaken() {
        ZeroServer second = new ZeroServer(Codecs.CODEC, TestServers.endpoints(functions), workers,
                new ZeroServerSettings("127.0.0.1", server.port(), -1, 10));
        assertThatExceptionOfType(ZeroServerPortInUseException.class).isThrownBy(second::start)
            .withMessage("Zero server port " + server.port() + " is already in use");
    }

    private byte[] call(int n, String function, Object argument) {
        return dealer.call(RequestFrame.encode(RawDealer.id(n), function,
                argument == null ? null : Codecs.CODEC.encode(argument)));
    }

    private static Object body(byte[] reply, int n) {
        assertThat(Arrays.copyOf(reply, 16)).isEqualTo(RawDealer.id(n));
        return Codecs.CODEC.decode(reply, 16, reply.length - 16);
    }
}
