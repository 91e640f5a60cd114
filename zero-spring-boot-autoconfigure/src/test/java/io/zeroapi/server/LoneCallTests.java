package io.zeroapi.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.zeroapi.ZeroRpc;
import io.zeroapi.frame.ZeroErrors;
import io.zeroapi.testing.RawDealer;
import io.zeroapi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lone-call path of the default worker pool over real sockets: a blocking call that comes to an idle server
 * while no other is on the workers runs on the server's own loop thread, in one of the pool's slots, and the loop
 * goes on on the second thread when the call blocks ({@link LoopHandover}). Each test's first call comes to an idle
 * server; later ones may find the loop busy and go to the workers.
 */
class LoneCallTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Functions functions = new Functions();

    private final List<AutoCloseable> closing = new ArrayList<>();

    private ExecutorService workers;

    private ZeroServer server;

    @AfterEach
    void stop() throws Exception {
        functions.release.countDown();
        for (AutoCloseable resource : closing) {
            resource.close();
        }
        if (server != null) {
            server.close();
        }
        workers.shutdownNow();
    }

    private void start(int threads, ZeroServerSettings settings) {
        workers = WorkerPools.fixed(threads, Executors.defaultThreadFactory());
        server = TestServers.start(functions, workers, settings);
    }

    private void start(int threads) {
        start(threads, ZeroServerSettings.defaults("127.0.0.1", 0));
    }

    private RawDealer dealer() {
        RawDealer dealer = new RawDealer(server.port());
        closing.add(dealer);
        return dealer;
    }

    @Test
    void shouldRunALoneCallToAnIdleServerOnTheServersLoopThread() {
        start(2);
        RawDealer dealer = dealer();
        assertThat(dealer.call(0, "thread", null)).asString().startsWith("zero-server-" + server.port());
        assertServes(dealer, 1, 20);
    }

    @Test
    void shouldServeAnotherBlockingCallOnTheWorkersWhileALoneCallBlocks() throws Exception {
        start(2);
        RawDealer first = dealer();
        enterBlocking(first);
        assertThat(functions.blockingThread).startsWith("zero-server-");
        assertThat(dealer().call(2, "thread", null)).asString().doesNotStartWith("zero-server-");
        functions.release.countDown();
        assertThat(RawDealer.body(first.receive())).isEqualTo("released");
    }

    @Test
    void shouldNeverRunMoreCallsAtOnceThanThePoolHasThreads() throws Exception {
        start(1);
        assertThat(dealer().call(0, "counted", null)).isEqualTo("counted");
        int callers = 4;
        int calls = 50;
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Integer>> answered = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                RawDealer dealer = dealer();
                answered.add(threads.submit(() -> {
                    int count = 0;
                    for (int i = 0; i < calls; i++) {
                        if ("counted".equals(dealer.call(i, "counted", null))) {
                            count++;
                        }
                    }
                    return count;
                }));
            }
            for (Future<Integer> result : answered) {
                assertThat(result.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(calls);
            }
        }
        finally {
            threads.shutdownNow();
        }
        assertThat(functions.mostAtOnce.get()).isEqualTo(1);
        assertThat(functions.ranOnLoopThread.get()).isTrue();
    }

    @Test
    void shouldInterruptALoneCallPastTheCallTimeoutAndKeepServing() throws Exception {
        start(1, TestServers.settings(100, 100, Duration.ofMillis(300)));
        RawDealer dealer = dealer();
        Object timedOut = dealer.call(1, "interruptible", null);
        assertThat(timedOut).isInstanceOfSatisfying(Map.class,
                map -> assertThat(map).containsKey(ZeroErrors.SERVER_EXCEPTION));
        assertThat(functions.interrupted.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(functions.interruptedThread).startsWith("zero-server-");
        assertServes(dealer, 2, 12);
    }

    @Test
    void shouldAnswerALoneCallThatBlocksAcrossAGracefulStop() throws Exception {
        start(1);
        RawDealer dealer = dealer();
        enterBlocking(dealer);
        var stopped = server.shutdown(WAIT);
        functions.release.countDown();
        assertThat(RawDealer.body(dealer.receive())).isEqualTo("released");
        assertThat(stopped).succeedsWithin(WAIT);
    }

    /** Sends call 1 to {@code blocking} and waits until it runs. */
    private void enterBlocking(RawDealer dealer) throws InterruptedException {
        dealer.send(1, "blocking", null);
        assertThat(functions.blockingEntered.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    /** Calls {@code thread} with the ids from {@code first} (inclusive) to {@code end}: each is answered. */
    private static void assertServes(RawDealer dealer, int first, int end) {
        for (int i = first; i < end; i++) {
            assertThat(dealer.call(i, "thread", null)).asString().isNotEmpty();
        }
    }

    /** Functions that tell where and how they ran. */
    public static class Functions {

        final CountDownLatch blockingEntered = new CountDownLatch(1);

        final CountDownLatch release = new CountDownLatch(1);

        final CountDownLatch interrupted = new CountDownLatch(1);

        final AtomicInteger running = new AtomicInteger();

        final AtomicInteger mostAtOnce = new AtomicInteger();

        final AtomicBoolean ranOnLoopThread = new AtomicBoolean();

        volatile String blockingThread;

        volatile String interruptedThread;

        @ZeroRpc
        public String thread() {
            return Thread.currentThread().getName();
        }

        @ZeroRpc
        public String blocking() throws InterruptedException {
            blockingThread = Thread.currentThread().getName();
            blockingEntered.countDown();
            return release.await(60, TimeUnit.SECONDS) ? "released" : "timed out";
        }

        /** Counts the calls running at once, each running for a moment. */
        @ZeroRpc
        public String counted() {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            if (Thread.currentThread().getName().startsWith("zero-server-")) {
                ranOnLoopThread.set(true);
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
            running.decrementAndGet();
            return "counted";
        }

        @ZeroRpc
        public String interruptible() {
            try {
                release.await(60, TimeUnit.SECONDS);
                return "released";
            }
            catch (InterruptedException ex) {
                interruptedThread = Thread.currentThread().getName();
                interrupted.countDown();
                return "interrupted";
            }
        }
    }
}
