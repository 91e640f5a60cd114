package io.zeroapi.client;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.zeroapi.ZeroConnectionException;
import io.zeroapi.ZeroConnectionLostException;
import io.zeroapi.ZeroMethodNotFoundException;
import io.zeroapi.ZeroRemoteException;
import io.zeroapi.ZeroRpc;
import io.zeroapi.ZeroTimeoutException;
import io.zeroapi.ZeroValidationException;
import io.zeroapi.codec.VectorFixtures.User;
import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.server.ZeroServerSettings;
import io.zeroapi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A {@link ZeroConnection} speaking Zero 1.0's TCP protocol ({@link ClientProtocol#TCP}) to a real server's TCP port:
 * the same client API as over ZeroMQ, many calls in flight over a pool of connections, timeouts that drop late
 * replies, calls failing at once when their connection breaks, and reconnection.
 */
class TcpClientTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ExecutorService workers = Executors.newFixedThreadPool(4);

    private final Functions functions = new Functions();

    private ZeroServer server;

    private ZeroConnection connection;

    private DefaultAsyncZeroClient async;

    @BeforeEach
    void start() {
        server = tcpServer(0);
        server.start();
        connection = connect(server.tcpPort(), ZeroConnectionSettings.defaults());
        async = new DefaultAsyncZeroClient(connection, new ZeroCodec(), TIMEOUT);
    }

    @AfterEach
    void stop() {
        connection.close();
        server.close();
        workers.shutdownNow();
    }

    private ZeroServer tcpServer(int port) {
        return ZeroServer.builder()
            .endpoints(TestServers.endpoints(functions))
            .workers(workers)
            .settings(ZeroServerSettings.defaults("127.0.0.1", 0).withMaxInFlight(10_000, 10_000))
            .zeromq(false)
            .tcp(port)
            .build();
    }

    private static ZeroConnection connect(int port, ZeroConnectionSettings settings) {
        return ZeroConnection.builder(() -> "127.0.0.1:" + port)
            .settings(settings)
            .protocol(ClientProtocol.TCP)
            .build();
    }

    @Test
    void shouldCallBlockingAsyncAndReactiveOverTcp() {
        DefaultZeroClient blocking = new DefaultZeroClient(async);
        DefaultReactiveZeroClient reactive = new DefaultReactiveZeroClient(async);
        User user = new User(1, "John Doe", "john@example.com");
        assertThat(blocking.call("save_user", user, User.class)).isEqualTo(new User(101, "JOHN DOE",
                "john@example.com"));
        assertThat(blocking.call("hello", null)).isEqualTo("hello world");
        assertThat(async.call("echo", "async").join()).isEqualTo("async");
        assertThat(reactive.call("echo", "reactive", String.class).block(TIMEOUT)).isEqualTo("reactive");
        assertThat(blocking.call("nothing", "x")).isNull();
        assertThat(connection.state().status()).isEqualTo(ZeroConnectionState.Status.CONNECTED);
    }

    @Test
    void shouldRaiseZerosErrorsAsOverZeroMq() {
        DefaultZeroClient blocking = new DefaultZeroClient(async);
        assertThatThrownBy(() -> blocking.call("nope", 1)).isInstanceOf(ZeroMethodNotFoundException.class)
            .hasMessageContaining("Function `nope` not found!");
        assertThatThrownBy(() -> blocking.call("fail", "boom")).isInstanceOf(ZeroRemoteException.class)
            .hasMessageContaining("IllegalStateException('boom')");
        assertThatThrownBy(() -> blocking.call("echo", 5)).isInstanceOf(ZeroValidationException.class)
            .hasMessageContaining("Expected `str`, got `int`");
    }

    @Test
    void shouldMatchManyConcurrentCallsToTheirRepliesOverThePool() {
        List<CompletableFuture<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            calls.add(async.call(i % 2 == 0 ? "echo" : "later", "m" + i));
        }
        for (int i = 0; i < calls.size(); i++) {
            assertThat(calls.get(i).join()).isEqualTo("m" + i);
        }
        assertThat(connection.pendingCount()).isZero();
    }

    @Test
    void shouldTimeOutAndDropTheLateReply() {
        CompletableFuture<Object> slow = async.call("pending", null, Duration.ofMillis(200));
        assertThat(slow).failsWithin(TIMEOUT).withThrowableThat().havingRootCause()
            .isInstanceOf(ZeroTimeoutException.class);
        functions.pending.complete("late");
        assertThat(async.call("echo", "next").join()).isEqualTo("next");
        await().atMost(TIMEOUT).until(() -> connection.pendingCount() == 0);
    }

    @Test
    void shouldAnswerCallsInFlightWhenTheServerStopsAndReconnectToItWhenItIsBack() {
        int port = server.tcpPort();
        assertThat(async.call("echo", "before").join()).isEqualTo("before");
        CompletableFuture<Object> waiting = async.call("pending", null, Duration.ofSeconds(30));
        await().atMost(TIMEOUT).until(() -> server.inFlight() == 1);
        server.close();
        assertThat(waiting).failsWithin(TIMEOUT).withThrowableThat().havingRootCause()
            .isInstanceOf(ZeroRemoteException.class).withMessageContaining("server is shutting down");
        await().atMost(TIMEOUT).until(() -> connection.state().status() == ZeroConnectionState.Status.LOST);
        server = tcpServer(port);
        server.start();
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(async.call("echo", "after", Duration.ofSeconds(2))
            .get(5, TimeUnit.SECONDS)).isEqualTo("after"));
    }

    @Test
    void shouldFailCallsSentOnAConnectionThatBreaksAtOnce() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ZeroConnection doomed = ZeroConnection.builder(() -> "127.0.0.1:" + silent.getLocalPort())
                    .protocol(ClientProtocol.TCP)
                    .tcpConnections(1)
                    .build()) {
            silent.setSoTimeout((int) TIMEOUT.toMillis());
            DefaultAsyncZeroClient client = new DefaultAsyncZeroClient(doomed, new ZeroCodec(), Duration.ofSeconds(60));
            CompletableFuture<Object> call = client.call("echo", "lost");
            try (Socket accepted = silent.accept()) {
                accepted.setSoTimeout((int) TIMEOUT.toMillis());
                assertThat(accepted.getInputStream().read()).as("first byte of the request").isZero();
            }
            try (Socket second = silent.accept()) {
                assertThat(call).failsWithin(TIMEOUT).withThrowableThat().havingRootCause()
                    .isInstanceOf(ZeroConnectionLostException.class).withMessageContaining("connection lost");
            }
        }
    }

    @Test
    void shouldFailTheCallsOfAConnectionClosedOnAReplyOverMaxReplySize() {
        try (ZeroConnection small = connect(server.tcpPort(),
                ZeroConnectionSettings.defaults().withMaxReplySize(1024))) {
            DefaultAsyncZeroClient client = new DefaultAsyncZeroClient(small, new ZeroCodec(), TIMEOUT);
            assertThat(client.call("big", 2000)).failsWithin(TIMEOUT).withThrowableThat().havingRootCause()
                .isInstanceOf(ZeroConnectionLostException.class).withMessageContaining("max-reply-size (1KB)");
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(client.call("big", 100, Duration.ofSeconds(2))
                .get(5, TimeUnit.SECONDS)).asString().hasSize(100));
        }
    }

    @Test
    void shouldFailCallsWithNoServerAfterTheirTimeoutSayingNoConnectionCameUp() {
        int port = server.tcpPort();
        server.close();
        try (ZeroConnection nowhere = connect(port, ZeroConnectionSettings.defaults())) {
            DefaultAsyncZeroClient client = new DefaultAsyncZeroClient(nowhere, new ZeroCodec(), TIMEOUT);
            assertThat(client.call("echo", "x", Duration.ofMillis(300))).failsWithin(TIMEOUT).withThrowableThat()
                .havingRootCause().isInstanceOf(ZeroConnectionException.class)
                .withMessageContaining("no connection within");
        }
    }

    /** The served functions. */
    public static class Functions {

        final CompletableFuture<String> pending = new CompletableFuture<>();

        @ZeroRpc
        public String echo(String msg) {
            return msg;
        }

        @ZeroRpc(nonBlocking = true)
        public String hello() {
            return "hello world";
        }

        @ZeroRpc
        public Mono<String> later(String msg) {
            return Mono.delay(Duration.ofMillis(1)).map(tick -> msg);
        }

        @ZeroRpc
        public CompletableFuture<String> pending() {
            return pending;
        }

        @ZeroRpc("save_user")
        public User saveUser(User user) {
            return new User(user.id() + 100, user.name().toUpperCase(), user.email());
        }

        @ZeroRpc
        public void nothing(String msg) {
        }

        @ZeroRpc
        public String fail(String msg) {
            throw new IllegalStateException(msg);
        }

        @ZeroRpc(nonBlocking = true)
        public String big(int length) {
            return "b".repeat(length);
        }
    }
}
