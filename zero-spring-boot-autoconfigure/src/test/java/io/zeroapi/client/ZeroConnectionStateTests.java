package io.zeroapi.client;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.zeroapi.ZeroRpc;
import io.zeroapi.client.ZeroConnectionState.Status;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.testing.TestClients;
import io.zeroapi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A connection says where it stands: idle before its first call, connected once the server answered, lost when the
 * server goes away (and so while it reconnects), connected again, closed.
 */
class ZeroConnectionStateTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void shouldReportIdleConnectedLostConnectedAgainAndClosed() {
        ZeroServer server = TestServers.start(new Echo(), workers, 100);
        int port = server.port();
        try (ZeroConnection connection = TestClients.connect(port)) {
            DefaultAsyncZeroClient client = TestClients.async(connection, WAIT);
            assertThat(connection.state().status()).isEqualTo(Status.IDLE);
            assertThat(connection.state().address()).isNull();

            assertThat(client.call("echo", "one")).succeedsWithin(WAIT).isEqualTo("one");
            ZeroConnectionState connected = connection.state();
            assertThat(connected.status()).isEqualTo(Status.CONNECTED);
            assertThat(connected.address()).isEqualTo("tcp://127.0.0.1:" + port);
            assertThat(connected.since()).isBeforeOrEqualTo(Instant.now());

            server.close();
            await().atMost(WAIT).until(() -> connection.state().status() == Status.LOST);

            server.start();
            assertThat(server.port()).isEqualTo(port);
            await().atMost(WAIT).untilAsserted(() -> assertThat(client.call("echo", "two"))
                .succeedsWithin(WAIT).isEqualTo("two"));
            assertThat(connection.state().status()).isEqualTo(Status.CONNECTED);
            assertThat(connection.state().since()).isAfterOrEqualTo(connected.since());
            connection.close();
            assertThat(connection.state().status()).isEqualTo(Status.CLOSED);
        }
        finally {
            server.close();
        }
    }

    /** Echoes its argument. */
    public static class Echo {

        @ZeroRpc
        public String echo(String text) {
            return text;
        }
    }
}
