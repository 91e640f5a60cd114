package io.zeroapi.server;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.zeroapi.testing.Codecs;
import io.zeroapi.testing.RawDealer;
import io.zeroapi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A server whose transport fails (its or JeroMQ's I/O thread died) rebuilds it on the same port and serves again;
 * when failures repeat it goes DOWN, closes its port and tells its failure listener, never staying deaf.
 */
class ZeroServerRecoveryTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ExecutorService workers = Executors.newFixedThreadPool(1);

    private final ControlledFunctions functions = new ControlledFunctions();

    private ZeroServer server;

    @AfterEach
    void stop() {
        functions.releaseBlocking.countDown();
        server.close();
        workers.shutdownNow();
    }

    @Test
    void shouldRebuildTheTransportOnTheSamePortAfterItFails() {
        server = TestServers.start(functions, workers, 100);
        int port = server.port();
        assertThat(echo(port, "before")).isEqualTo("before");
        for (int failure = 1; failure <= ZeroServer.MAX_RECOVERIES; failure++) {
            server.transportFailed(new IllegalStateException("simulated I/O thread death " + failure));
            await().atMost(WAIT).until(() -> server.state() == ZeroServer.State.RUNNING);
            assertThat(server.port()).isEqualTo(port);
            String text = "after " + failure;
            await().atMost(WAIT).ignoreExceptions().until(() -> echo(port, text).equals(text));
        }
    }

    @Test
    void shouldGoDownCloseItsPortAndTellItsListenerWhenFailuresRepeat() throws Exception {
        server = TestServers.start(functions, workers, 100);
        int port = server.port();
        CompletableFuture<Throwable> told = new CompletableFuture<>();
        server.onFailure(told::complete);
        for (int failure = 1; failure <= ZeroServer.MAX_RECOVERIES + 1; failure++) {
            server.transportFailed(new IllegalStateException("simulated failure " + failure));
            await().atMost(WAIT).until(() -> server.state() != ZeroServer.State.RECOVERING);
        }
        assertThat(told.get(WAIT.toSeconds(), TimeUnit.SECONDS)).hasMessageContaining("simulated failure");
        assertThat(server.state()).isEqualTo(ZeroServer.State.DOWN);
        assertThat(server.isRunning()).isFalse();
        await().atMost(WAIT).untilAsserted(() -> assertThatExceptionOfType(ConnectException.class)
            .isThrownBy(() -> connect(port)));
        assertThat(server.shutdown(Duration.ZERO)).succeedsWithin(WAIT);
    }

    private static String echo(int port, String text) {
        try (RawDealer dealer = new RawDealer(port)) {
            byte[] reply = dealer.call(io.zeroapi.frame.RequestFrame.encode(RawDealer.id(1), "sync_echo",
                    Codecs.CODEC.encode(text)));
            return (String) Codecs.CODEC.decode(reply, 16, reply.length - 16);
        }
    }

    private static void connect(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        }
    }
}
