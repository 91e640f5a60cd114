package io.zeroapi.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.zeroapi.ZeroConnectionLostException;
import io.zeroapi.client.ZeroConnectionState.Status;
import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.testing.NamedFunctions;
import io.zeroapi.testing.RawRouter;
import io.zeroapi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A connection to several servers: all connected at once, calls spread over the connected ones, a server that goes
 * away leaves the rotation and comes back when it answers again.
 */
class ZeroConnectionGroupTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ExecutorService workers = Executors.newFixedThreadPool(4);

    private final NamedFunctions a = new NamedFunctions("a");

    private final NamedFunctions b = new NamedFunctions("b");

    private final ZeroServer serverA = TestServers.start(a, workers, 100);

    private final ZeroServer serverB = TestServers.start(b, workers, 100);

    private final List<ZeroConnection> connections = new ArrayList<>();

    @AfterEach
    void stop() {
        a.release.countDown();
        b.release.countDown();
        connections.forEach(ZeroConnection::close);
        serverA.close();
        serverB.close();
        workers.shutdownNow();
    }

    private DefaultAsyncZeroClient client(LoadBalancing balancing) {
        ZeroConnection connection = ZeroConnection.builder(() -> "tcp://127.0.0.1:" + serverA.port()
                + ", 127.0.0.1:" + serverB.port()).loadBalancing(balancing).build();
        connections.add(connection);
        return new DefaultAsyncZeroClient(connection, new ZeroCodec(), WAIT);
    }

    /** Waits until {@code count} servers are connected; resolving the address connects every server. */
    private static void awaitConnected(ZeroConnection connection, int count) {
        connection.address();
        await().atMost(WAIT).until(() -> connection.states().stream()
            .filter(state -> state.status() == Status.CONNECTED)
            .count() == count);
    }

    private static Map<Object, Integer> answers(DefaultAsyncZeroClient client, int calls) {
        Map<Object, Integer> answered = new HashMap<>();
        for (int i = 0; i < calls; i++) {
            Object name = client.call("name", null).join();
            answered.merge(name, 1, Integer::sum);
        }
        return answered;
    }

    @Test
    void shouldSpreadCallsAndFollowAServerThatGoesAndComesBack() {
        DefaultAsyncZeroClient client = client(LoadBalancing.ROUND_ROBIN);
        ZeroConnection connection = connections.get(0);
        assertThat(connection.address()).isEqualTo("tcp://127.0.0.1:" + serverA.port() + ",tcp://127.0.0.1:"
                + serverB.port());
        awaitConnected(connection, 2);
        assertThat(answers(client, 20)).isEqualTo(Map.of("a", 10, "b", 10));

        int portA = serverA.port();
        serverA.close();
        await().atMost(WAIT).until(() -> connection.states().get(0).status() == Status.LOST);
        assertThat(answers(client, 10)).isEqualTo(Map.of("b", 10));
        assertThat(connection.state().status()).isEqualTo(Status.CONNECTED);

        serverA.start();
        assertThat(serverA.port()).isEqualTo(portA);
        awaitConnected(connection, 2);
        assertThat(answers(client, 20)).isEqualTo(Map.of("a", 10, "b", 10));
        assertThat(connection.pendingCount()).isZero();
    }

    @Test
    void shouldReviveAServerWhoseTransportFailed() {
        DefaultAsyncZeroClient client = client(LoadBalancing.ROUND_ROBIN);
        ZeroConnection connection = connections.get(0);
        awaitConnected(connection, 2);
        ZmqClientTransport failed = (ZmqClientTransport) connection.transport();
        failed.ioThreadFailed(new OutOfMemoryError("injected by the test"));
        await().atMost(WAIT).until(() -> connection.states().get(0).status() == Status.LOST);
        assertThat(answers(client, 4)).containsKey("b");
        awaitConnected(connection, 2);
        assertThat(answers(client, 20)).isEqualTo(Map.of("a", 10, "b", 10));
    }

    @Test
    void shouldSendToTheServerWithTheFewestPendingCalls() throws Exception {
        DefaultAsyncZeroClient client = client(LoadBalancing.LEAST_PENDING);
        ZeroConnection connection = connections.get(0);
        awaitConnected(connection, 2);
        CompletableFuture<Object> held = client.call("hold", null);
        await().atMost(WAIT).until(() -> a.holding.getCount() == 0 || b.holding.getCount() == 0);
        String holder = a.holding.getCount() == 0 ? "a" : "b";
        String other = holder.equals("a") ? "b" : "a";
        assertThat(answers(client, 10)).isEqualTo(Map.of(other, 10));
        a.release.countDown();
        b.release.countDown();
        assertThat(held.get(20, TimeUnit.SECONDS)).isEqualTo(holder);
    }

    /** Calls alternate, so the first and the third go to the silent server, the second to the real one. */
    @Test
    void shouldRetryACallWhoseConnectionBrokeOnAnotherServerWhenAsked() throws Exception {
        try (ZContext context = new ZContext(1)) {
            RawRouter silent = RawRouter.start(context, RawRouter::echoExceptSlow);
            List<ZeroClientInterceptor> retry = List.of(new RetryOnConnectionLoss());
            ZeroConnection connection = ZeroConnection.builder(() -> silent.address() + ",tcp://127.0.0.1:"
                    + serverB.port()).build();
            connections.add(connection);
            DefaultAsyncZeroClient retrying = new DefaultAsyncZeroClient(connection, new ZeroCodec(), WAIT, retry);
            DefaultAsyncZeroClient plain = new DefaultAsyncZeroClient(connection, new ZeroCodec(), WAIT);
            awaitConnected(connection, 2);
            CompletableFuture<Object> retried = retrying.call("slow", null);
            assertThat(plain.call("name", null)).succeedsWithin(WAIT).isEqualTo("b");
            CompletableFuture<Object> lost = plain.call("slow", null);
            await().atMost(WAIT).until(() -> silent.received().size() == 2);
            silent.close();
            assertThat(retried.get(20, TimeUnit.SECONDS)).isEqualTo("b");
            assertThat(lost).failsWithin(WAIT)
                .withThrowableThat()
                .havingCause()
                .isInstanceOf(ZeroConnectionLostException.class);
        }
    }
}
