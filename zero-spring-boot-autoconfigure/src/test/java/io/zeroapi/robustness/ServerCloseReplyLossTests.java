package io.zeroapi.robustness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import io.zeroapi.client.DefaultAsyncZeroClient;
import io.zeroapi.client.ZeroConnection;
import io.zeroapi.server.WorkerPools;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.testing.RawDealer;
import io.zeroapi.testing.TestClients;
import io.zeroapi.testing.TestServers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The last replies a draining server sends just before it closes its socket reach their callers, our client and a
 * raw DEALER alike (a client whose DEALER used {@code ZMQ_IMMEDIATE} lost them: JeroMQ terminates such a pipe on
 * disconnect, discarding replies received but not yet read).
 */
class ServerCloseReplyLossTests {

    private static final int ROUNDS = 10;

    private static final int CALLS = 100;

    @Test
    void shouldReceiveRepliesSentJustBeforeTheServerCloses() throws Exception {
        ExecutorService workers = WorkerPools.fixed(2, Thread::new);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                RobustFunctions functions = new RobustFunctions();
                ZeroServer server = TestServers.start(functions, workers, 4 * 1024 * 1024, 10_000);
                try (ZeroConnection connection = TestClients.connect(server.port())) {
                    DefaultAsyncZeroClient client = TestClients.async(connection, Duration.ofSeconds(5));
                    List<CompletableFuture<String>> calls = new ArrayList<>();
                    for (int i = 0; i < CALLS; i++) {
                        calls.add(client.call("held", "r" + round + "-" + i, String.class));
                    }
                    await().atMost(Duration.ofSeconds(60)).until(() -> functions.held.size() == CALLS);
                    CompletableFuture<Void> stopped = server.shutdown(Duration.ofSeconds(30));
                    functions.completeAll();
                    stopped.get(60, TimeUnit.SECONDS);
                    CompletableFuture.allOf(calls.toArray(new CompletableFuture[0])).handle((v, e) -> null).join();
                    long lost = calls.stream().filter(CompletableFuture::isCompletedExceptionally).count();
                    assertThat(lost).as("replies lost in round " + round).isZero();
                }
                finally {
                    server.close();
                }
            }
        }
        finally {
            workers.shutdownNow();
        }
    }

    @Test
    void shouldDeliverRepliesSentJustBeforeTheServerClosesToRawDealer() throws Exception {
        ExecutorService workers = WorkerPools.fixed(2, Thread::new);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                RobustFunctions functions = new RobustFunctions();
                ZeroServer server = TestServers.start(functions, workers, 4 * 1024 * 1024, 10_000);
                try (RawDealer dealer = new RawDealer(server.port())) {
                    for (int i = 0; i < CALLS; i++) {
                        dealer.send(i, "held", "r" + i);
                    }
                    await().atMost(Duration.ofSeconds(60)).until(() -> functions.held.size() == CALLS);
                    CompletableFuture<Void> stopped = server.shutdown(Duration.ofSeconds(30));
                    functions.completeAll();
                    stopped.get(60, TimeUnit.SECONDS);
                    for (int i = 0; i < CALLS; i++) {
                        byte[] reply = dealer.receive(Duration.ofSeconds(30));
                        assertThat(reply).as("round " + round + " reply " + i).isNotNull();
                        assertThat(RawDealer.body(reply)).isEqualTo("held:r" + RawDealer.idOf(reply));
                    }
                }
                finally {
                    server.close();
                }
            }
        }
        finally {
            workers.shutdownNow();
        }
    }
}
