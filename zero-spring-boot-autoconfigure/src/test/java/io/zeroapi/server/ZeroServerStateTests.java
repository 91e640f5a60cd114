package io.zeroapi.server;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.zeroapi.testing.RawDealer;
import io.zeroapi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server says where it is in its life: running, draining while calls in flight finish, stopped once the socket
 * has closed, and running again after a restart.
 */
class ZeroServerStateTests {

    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    private final ControlledFunctions functions = new ControlledFunctions();

    @AfterEach
    void stop() {
        functions.releaseBlocking.countDown();
        workers.shutdownNow();
    }

    @Test
    void shouldDrainWhileCallsAreInFlightThenStop() throws Exception {
        ZeroServer server = TestServers.start(functions, workers, 100);
        assertThat(server.state()).isEqualTo(ZeroServer.State.RUNNING);
        try (RawDealer dealer = new RawDealer(server.port())) {
            dealer.send(1, "blocking", null);
            assertThat(functions.blockingEntered.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> stopped = server.shutdown(Duration.ofSeconds(30));
            assertThat(server.state()).isEqualTo(ZeroServer.State.DRAINING);
            assertThat(stopped).isNotDone();
            functions.releaseBlocking.countDown();
            assertThat(RawDealer.body(dealer.receive())).isEqualTo("released");
            stopped.get(20, TimeUnit.SECONDS);
        }
        assertThat(server.state()).isEqualTo(ZeroServer.State.STOPPED);
        server.start();
        assertThat(server.state()).isEqualTo(ZeroServer.State.RUNNING);
        server.close();
        assertThat(server.state()).isEqualTo(ZeroServer.State.STOPPED);
    }

    @Test
    void shouldStopAServerThatNeverStarted() {
        ZeroServer server = ZeroServer.builder().workers(workers).build();
        assertThat(server.state()).isEqualTo(ZeroServer.State.NEW);
        assertThat(server.shutdown(Duration.ZERO)).isDone();
        assertThat(server.state()).isEqualTo(ZeroServer.State.STOPPED);
    }
}
