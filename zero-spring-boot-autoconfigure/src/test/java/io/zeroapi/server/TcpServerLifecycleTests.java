package io.zeroapi.server;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.zeroapi.ZeroCallOutcome;
import io.zeroapi.frame.TcpFrame;
import io.zeroapi.frame.ZeroErrors;
import io.zeroapi.testing.RawDealer;
import io.zeroapi.testing.RawTcp;
import io.zeroapi.testing.TestServers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The TCP transport runs the server's whole call handling: draining on shutdown, the call timeout, listeners and
 * interceptors, and the in-flight books of both protocols when they run together.
 */
class TcpServerLifecycleTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    private final ControlledFunctions functions = new ControlledFunctions();

    private ZeroServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        workers.shutdownNow();
    }

    private ZeroServer.Builder builder(ZeroServerSettings settings) {
        return ZeroServer.builder().endpoints(TestServers.endpoints(functions)).workers(workers).settings(settings)
            .zeromq(false).tcp(0);
    }

    @Test
    void shouldRefuseNewCallsWhileDrainingAnswerTheCallInFlightThenClose() {
        server = builder(ZeroServerSettings.defaults("127.0.0.1", 0)).build();
        server.start();
        int port = server.tcpPort();
        try (RawTcp caller = new RawTcp(port)) {
            caller.send(1, "pending", null);
            await().atMost(TIMEOUT).until(() -> server.inFlight() == 1);
            CompletableFuture<Void> stopped = server.shutdown(Duration.ofSeconds(30));
            assertThat(server.state()).isEqualTo(ZeroServer.State.DRAINING);
            assertThat(caller.call(2, "sync_echo", "late"))
                .isEqualTo(Map.of(ZeroErrors.SERVER_EXCEPTION, ZeroErrors.SHUTTING_DOWN));
            functions.pending.complete("done");
            byte[] reply = caller.receive();
            assertThat(TcpFrame.requestId(reply)).isEqualTo(1);
            assertThat(RawTcp.payload(reply)).isEqualTo("done");
            assertThat(stopped).succeedsWithin(TIMEOUT);
            caller.awaitClosed();
        }
        assertThatThrownBy(() -> new RawTcp(port).close()).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void shouldAnswerACallPastTheCallTimeout() {
        server = builder(ZeroServerSettings.defaults("127.0.0.1", 0).withCallTimeout(Duration.ofMillis(200))).build();
        server.start();
        try (RawTcp caller = new RawTcp(server.tcpPort())) {
            assertThat(caller.call(1, "pending", null)).isEqualTo(Map.of(ZeroErrors.SERVER_EXCEPTION,
                    "call to 'pending' did not complete within the server's call timeout of 200 ms"));
            assertThat(server.inFlight()).isZero();
        }
    }

    @Test
    void shouldTellListenersAndRunInterceptorsForTcpCalls() {
        List<String> seen = new CopyOnWriteArrayList<>();
        server = builder(ZeroServerSettings.defaults("127.0.0.1", 0))
            .interceptor((call, argument, next) -> next.proceed(argument + "!"))
            .listener(new ZeroServerCallListener() {
                @Override
                public @Nullable Object started(ZeroServerCall call) {
                    return null;
                }

                @Override
                public void completed(ZeroServerCall call, @Nullable Object context, ZeroCallOutcome outcome,
                        @Nullable Throwable failure) {
                    seen.add(call.function() + " " + outcome + " " + (call.serverPort() == server.tcpPort()));
                }
            })
            .build();
        server.start();
        try (RawTcp caller = new RawTcp(server.tcpPort())) {
            assertThat(caller.call(1, "sync_echo", "hi")).isEqualTo("hi!");
            assertThat(caller.call(2, "inline_echo", "io")).isEqualTo("io!");
            caller.call(3, "missing", null);
        }
        await().atMost(TIMEOUT).until(() -> seen.size() == 3);
        assertThat(seen).containsExactlyInAnyOrder("sync_echo OK true", "inline_echo OK true",
                "missing function_not_found true");
    }

    @Test
    void shouldServeBothProtocolsFromOneServerAndCountTheirCallsTogether() {
        server = builder(ZeroServerSettings.defaults("127.0.0.1", 0)).zeromq(true).build();
        server.start();
        assertThat(server.port()).isPositive();
        assertThat(server.boundAddress()).isEqualTo("tcp://127.0.0.1:" + server.port() + " (ZeroMQ), tcp://127.0.0.1:"
                + server.tcpPort() + " (TCP protocol)");
        try (RawTcp caller = new RawTcp(server.tcpPort());
                RawDealer dealer = new RawDealer(server.port())) {
            caller.send(1, "pending", null);
            dealer.send(1, "pending", null);
            await().atMost(TIMEOUT).until(() -> server.inFlight() == 2);
            functions.pending.complete("both");
            assertThat(RawTcp.payload(caller.receive())).isEqualTo("both");
            assertThat(RawDealer.body(dealer.receive())).isEqualTo("both");
        }
    }
}
