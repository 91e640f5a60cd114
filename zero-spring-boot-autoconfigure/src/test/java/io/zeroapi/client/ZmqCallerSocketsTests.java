package io.zeroapi.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.zeroapi.ZeroClient;
import io.zeroapi.ZeroConnectionException;
import io.zeroapi.ZeroConnectionLostException;
import io.zeroapi.ZeroException;
import io.zeroapi.ZeroRpc;
import io.zeroapi.ZeroTimeoutException;
import io.zeroapi.server.WorkerPools;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.testing.RawRouter;
import io.zeroapi.testing.TestClients;
import io.zeroapi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Blocking calls on sockets of the callers' own ({@link ZmqCallerSockets}) against a real server: they are used once
 * the connection is up, bounded in number, and keep every guarantee of the shared connection (timeouts, a broken
 * connection, closing the client, an interrupted caller).
 */
class ZmqCallerSocketsTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ExecutorService workers = WorkerPools.fixed(ZmqCallerSockets.MAX_SOCKETS + 8, Thread::new);

    private final ExecutorService callers = Executors.newCachedThreadPool();

    private final Holding functions = new Holding();

    private ZeroServer server;

    private ZeroConnection connection;

    private ZeroClient client;

    @BeforeEach
    void start() {
        server = TestServers.start(functions, workers, 10_000);
        connection = TestClients.connect(server.port());
        client = new DefaultZeroClient(TestClients.async(connection, WAIT));
    }

    @AfterEach
    void stop() {
        functions.release.countDown();
        callers.shutdownNow();
        connection.close();
        server.close();
        workers.shutdownNow();
    }

    private int callerSockets() {
        return ((ZmqClientTransport) connection.transport()).callerSocketCount();
    }

    @Test
    void shouldMakeBlockingCallsOnACallerSocketOnceConnected() {
        assertThat(client.call("echo", "first", String.class)).isEqualTo("echo:first");
        assertThat(callerSockets()).isZero();
        for (int i = 0; i < 50; i++) {
            assertThat(client.call("echo", "n" + i, String.class)).isEqualTo("echo:n" + i);
        }
        assertThat(callerSockets()).isOne();
        assertThat(TestClients.async(connection, WAIT).call("echo", "async", String.class))
            .succeedsWithin(WAIT).isEqualTo("echo:async");
        assertThat(callerSockets()).isOne();
        assertThat(connection.pendingCount()).isZero();
    }

    @Test
    void shouldOpenAtMostTheBoundAndShareTheConnectionBeyond() throws Exception {
        assertThat(client.call("echo", "connect", String.class)).isEqualTo("echo:connect");
        int calls = ZmqCallerSockets.MAX_SOCKETS + 6;
        List<CompletableFuture<String>> results = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            String argument = "c" + i;
            results.add(CompletableFuture.supplyAsync(() -> client.call("hold", argument, String.class), callers));
        }
        await().atMost(WAIT).until(() -> functions.holding.get() == calls);
        assertThat(callerSockets()).isEqualTo(ZmqCallerSockets.MAX_SOCKETS);
        assertThat(connection.pendingCount()).isEqualTo(calls);
        functions.release.countDown();
        for (int i = 0; i < calls; i++) {
            assertThat(results.get(i).get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("held:c" + i);
        }
        assertThat(connection.pendingCount()).isZero();
    }

    @Test
    void shouldTimeOutAWaitingCallAndServeTheNextOne() {
        client.call("echo", "connect", String.class);
        client.call("echo", "socket", String.class);
        assertThatExceptionOfType(ZeroTimeoutException.class)
            .isThrownBy(() -> client.call("hold", "late", String.class, Duration.ofMillis(300)));
        functions.release.countDown();
        assertThat(client.call("echo", "after", String.class)).isEqualTo("echo:after");
        assertThat(connection.pendingCount()).isZero();
    }

    @Test
    void shouldFailAWaitingCallWhenTheClientCloses() throws Exception {
        client.call("echo", "connect", String.class);
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(
                () -> client.call("hold", "closing", String.class), callers);
        await().atMost(WAIT).until(() -> functions.holding.get() == 1);
        connection.close();
        assertThat(waiting).failsWithin(WAIT)
            .withThrowableThat()
            .havingCause()
            .isInstanceOf(ZeroConnectionException.class)
            .withMessageContaining("client closed");
    }

    @Test
    void shouldLeaveAnInterruptedCallerInterrupted() throws Exception {
        client.call("echo", "connect", String.class);
        AtomicReference<Thread> caller = new AtomicReference<>();
        CompletableFuture<Boolean> stillInterrupted = new CompletableFuture<>();
        callers.execute(() -> {
            caller.set(Thread.currentThread());
            try {
                client.call("hold", "interrupted", String.class);
                stillInterrupted.completeExceptionally(new AssertionError("the call returned"));
            }
            catch (ZeroException ex) {
                stillInterrupted.complete(Thread.currentThread().isInterrupted()
                        && ex.getMessage().contains("interrupted"));
            }
        });
        await().atMost(WAIT).until(() -> functions.holding.get() == 1);
        caller.get().interrupt();
        assertThat(stillInterrupted).succeedsWithin(WAIT).isEqualTo(true);
        functions.release.countDown();
        assertThat(client.call("echo", "after", String.class)).isEqualTo("echo:after");
        await().atMost(WAIT).until(() -> connection.pendingCount() == 0);
    }

    @Test
    void shouldFailAWaitingCallWhenItsConnectionBreaks() throws Exception {
        try (ZContext context = new ZContext(1)) {
            RawRouter silent = RawRouter.start(context, RawRouter::echoExceptSlow);
            try (ZeroConnection silentConnection = new ZeroConnection(silent::address)) {
                ZeroClient silentClient = new DefaultZeroClient(TestClients.async(silentConnection, WAIT));
                silentClient.call("echo", "connect", String.class);
                CompletableFuture<Object> waiting = CompletableFuture.supplyAsync(
                        () -> silentClient.call("slow", null), callers);
                await().atMost(WAIT).until(() -> silent.received().size() == 2);
                assertThat(((ZmqClientTransport) silentConnection.transport()).callerSocketCount()).isOne();
                silent.close();
                assertThat(waiting).failsWithin(WAIT)
                    .withThrowableThat()
                    .havingCause()
                    .isInstanceOf(ZeroConnectionLostException.class);
            }
        }
    }

    /** Echoes, and holds calls until released. */
    public static class Holding {

        final AtomicInteger holding = new AtomicInteger();

        final CountDownLatch release = new CountDownLatch(1);

        @ZeroRpc("echo")
        public String echo(String value) {
            return "echo:" + value;
        }

        @ZeroRpc("hold")
        public String hold(String value) throws InterruptedException {
            holding.incrementAndGet();
            try {
                release.await();
            }
            finally {
                holding.decrementAndGet();
            }
            return "held:" + value;
        }
    }
}
