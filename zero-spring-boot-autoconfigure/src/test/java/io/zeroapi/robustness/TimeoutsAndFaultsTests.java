package io.zeroapi.robustness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.zeroapi.ZeroConnectionException;
import io.zeroapi.ZeroException;
import io.zeroapi.ZeroRemoteException;
import io.zeroapi.ZeroTimeoutException;
import io.zeroapi.client.DefaultAsyncZeroClient;
import io.zeroapi.client.DefaultZeroClient;
import io.zeroapi.client.ZeroConnection;
import io.zeroapi.server.WorkerPools;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.testing.TestClients;
import io.zeroapi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Timed-out calls leave nothing pending on the client nor in flight on the server; handler {@code Error}s reach
 * the client as remote exceptions; a server killed and restarted on the same port mid-traffic fails the calls
 * in flight cleanly (never a hang, never a wrong reply) and the same client then works again.
 */
class TimeoutsAndFaultsTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final ExecutorService workers = WorkerPools.fixed(2, Thread::new);

    private ZeroServer server;

    private ZeroConnection connection;

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.close();
        }
        if (server != null) {
            server.close();
        }
        workers.shutdownNow();
    }

    @Test
    void shouldLeaveNoPendingStateAfterTenThousandTimeouts() {
        int calls = 10_000;
        RobustFunctions functions = new RobustFunctions();
        server = TestServers.start(functions, workers, 4 * 1024 * 1024, 2 * calls);
        connection = TestClients.connect(server.port());
        DefaultAsyncZeroClient client = TestClients.async(connection, Duration.ofSeconds(30));
        assertThat(client.call("echo", "warm-up").join()).isEqualTo("echo:warm-up");
        List<CompletableFuture<String>> futures = new ArrayList<>(calls);
        for (int i = 0; i < calls; i++) {
            futures.add(client.call("held", "t" + i, String.class, Duration.ofSeconds(2)));
        }
        Map<Class<?>, Integer> failures = new ConcurrentHashMap<>();
        for (CompletableFuture<String> future : futures) {
            Throwable failure = catchFailure(future);
            assertThat(failure).isInstanceOfAny(ZeroTimeoutException.class, ZeroConnectionException.class);
            failures.merge(failure.getClass(), 1, Integer::sum);
        }
        System.out.println("TimeoutsAndFaultsTests: " + calls + " timed-out calls: " + failures);
        assertThat(failures.getOrDefault(ZeroTimeoutException.class, 0)).isPositive();
        assertThat(connection.pendingCount()).isZero();
        await().atMost(WAIT).until(() -> functions.held.size() == failures.get(ZeroTimeoutException.class));
        assertThat(functions.completeAll()).isEqualTo(failures.get(ZeroTimeoutException.class));
        await().atMost(WAIT).until(() -> server.inFlight() == 0);
        for (int i = 0; i < 100; i++) {
            assertThat(client.call("echo", "after" + i, String.class).join()).isEqualTo("echo:after" + i);
        }
        assertThat(connection.pendingCount()).isZero();
    }

    @Test
    void shouldAnswerHandlerErrorsWithRemoteExceptionsAndKeepServing() {
        server = TestServers.start(new RobustFunctions(), workers, 4 * 1024 * 1024, 10_000);
        connection = TestClients.connect(server.port());
        DefaultZeroClient client = new DefaultZeroClient(TestClients.async(connection, Duration.ofSeconds(30)));
        for (int i = 0; i < 10; i++) {
            assertThatExceptionOfType(ZeroRemoteException.class).isThrownBy(() -> client.call("recurse", 0))
                .withMessageContaining("StackOverflowError()");
            String text = "boom " + i;
            assertThatExceptionOfType(ZeroRemoteException.class).isThrownBy(() -> client.call("assert_fail", text))
                .withMessageContaining("AssertionError('" + text + "')");
            assertThat(client.call("echo", "ok" + i)).isEqualTo("echo:ok" + i);
        }
    }

    @Test
    void shouldFailCallsInFlightWhenServerDiesAndRecoverWhenItRestarts() throws Exception {
        RobustFunctions functions = new RobustFunctions();
        server = TestServers.start(functions, workers, 4 * 1024 * 1024, 10_000);
        int port = server.port();
        connection = TestClients.connect(port);
        Duration timeout = Duration.ofSeconds(2);
        DefaultAsyncZeroClient client = TestClients.async(connection, timeout);
        assertThat(client.call("echo", "warm-up").join()).isEqualTo("echo:warm-up");
        Traffic traffic = new Traffic(client);
        Thread loader = new Thread(traffic, "robust-traffic");
        loader.start();
        try {
            await().atMost(WAIT).until(() -> traffic.served.get() >= 500);
            List<CompletableFuture<String>> inFlight = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                inFlight.add(client.call("held", "killed" + i, String.class));
            }
            await().atMost(WAIT).until(() -> functions.held.size() == 50);
            server.close();
            for (CompletableFuture<String> call : inFlight) {
                assertThat(catchFailure(call)).isInstanceOf(ZeroRemoteException.class)
                    .hasMessageContaining("server is shutting down");
            }
            long failedBefore = traffic.failed.get();
            await().atMost(WAIT).until(() -> traffic.failed.get() > failedBefore);
            await().atMost(WAIT).ignoreExceptions()
                .until(() -> (server = TestServers.start(functions, workers, port, 4 * 1024 * 1024,
                        10_000)) != null);
            long servedAfterRestart = traffic.served.get();
            await().atMost(WAIT).until(() -> traffic.served.get() >= servedAfterRestart + 500);
        }
        finally {
            traffic.stop = true;
            loader.join(WAIT.toMillis());
        }
        assertThat(loader.isAlive()).as("traffic never hangs").isFalse();
        System.out.println("TimeoutsAndFaultsTests: restart traffic " + traffic.served + " served, " + traffic.failed
                + " failed " + traffic.failures);
        assertThat(traffic.wrong).as("wrong or unexpected outcomes").isEmpty();
        for (int i = 0; i < 100; i++) {
            assertThat(client.call("echo", "later" + i, String.class).join()).isEqualTo("echo:later" + i);
        }
        functions.completeAll();
    }

    private static Throwable catchFailure(CompletableFuture<?> future) {
        try {
            future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        catch (java.util.concurrent.ExecutionException | CompletionException ex) {
            return ex.getCause();
        }
        catch (Exception ex) {
            throw new AssertionError("call neither answered nor failed within " + WAIT, ex);
        }
        throw new AssertionError("call succeeded but should have failed");
    }

    /** Keeps 16 echo calls in flight, each with its own argument, checking every outcome. */
    private static final class Traffic implements Runnable {

        private final DefaultAsyncZeroClient client;

        final AtomicLong served = new AtomicLong();

        final AtomicLong failed = new AtomicLong();

        final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

        final List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());

        volatile boolean stop;

        Traffic(DefaultAsyncZeroClient client) {
            this.client = client;
        }

        @Override
        public void run() {
            long n = 0;
            List<CompletableFuture<String>> window = new ArrayList<>();
            List<String> arguments = new ArrayList<>();
            while (!stop) {
                window.clear();
                arguments.clear();
                for (int i = 0; i < 16; i++) {
                    String argument = "n" + n++;
                    arguments.add(argument);
                    window.add(client.call(i % 2 == 0 ? "echo" : "inline_echo", argument, String.class));
                }
                for (int i = 0; i < window.size(); i++) {
                    check(window.get(i), (i % 2 == 0 ? "echo:" : "inline:") + arguments.get(i));
                }
            }
        }

        private void check(CompletableFuture<String> call, String expected) {
            try {
                String reply = call.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                if (expected.equals(reply)) {
                    served.incrementAndGet();
                }
                else {
                    wrong.add("expected " + expected + " got " + reply);
                }
            }
            catch (java.util.concurrent.ExecutionException ex) {
                Throwable cause = ex.getCause();
                failed.incrementAndGet();
                failures.computeIfAbsent(cause.getClass().getSimpleName(), key -> new AtomicInteger()).incrementAndGet();
                boolean refusedWhileClosing = cause instanceof io.zeroapi.ZeroRemoteException remote
                        && "server is shutting down".equals(remote.getServerMessage());
                if (!(cause instanceof ZeroTimeoutException || cause instanceof ZeroConnectionException
                        || refusedWhileClosing)) {
                    wrong.add("unexpected failure " + cause);
                }
            }
            catch (Exception ex) {
                wrong.add("no outcome within " + WAIT + ": " + ex);
            }
        }
    }
}
