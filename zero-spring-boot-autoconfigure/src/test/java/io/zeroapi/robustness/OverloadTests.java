package io.zeroapi.robustness;

import java.time.Duration;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import io.zeroapi.frame.ZeroErrors;
import io.zeroapi.server.WorkerPools;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.testing.Heap;
import io.zeroapi.testing.RawDealer;
import io.zeroapi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Past {@code zero.server.max-in-flight}, calls are refused at once with "server busy" instead of queueing;
 * calls in progress still complete, and a client sending faster than handlers finish never gets more calls in
 * progress than the bound.
 */
class OverloadTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final ExecutorService workers = WorkerPools.fixed(4, Thread::new);

    private final RobustFunctions functions = new RobustFunctions();

    private ZeroServer server;

    @AfterEach
    void stop() {
        functions.gate.countDown();
        functions.completeAll();
        if (server != null) {
            server.close();
        }
        workers.shutdownNow();
    }

    @Test
    void shouldRefuseCallsPastMaxInFlightAtOnceAndCompleteThoseInProgress() {
        int maxInFlight = 50;
        server = TestServers.start(functions, workers, 4 * 1024 * 1024, maxInFlight);
        try (RawDealer dealer = new RawDealer(server.port())) {
            for (int n = 0; n < maxInFlight; n++) {
                dealer.send(n, n < 4 ? "blocked" : "held", "c" + n);
            }
            await().atMost(WAIT).until(() -> functions.inProgress.get() == maxInFlight);
            Map<String, String> busy = Map.of(ZeroErrors.SERVER_EXCEPTION,
                    "server busy: " + maxInFlight + " requests in flight, retry later");
            for (int n = 100; n < 300; n++) {
                dealer.send(n, n % 2 == 0 ? "echo" : "inline_echo", "extra" + n);
            }
            for (int n = 100; n < 300; n++) {
                byte[] reply = dealer.receive(WAIT);
                assertThat(reply).as("busy reply while every handler is held").isNotNull();
                assertThat(RawDealer.idOf(reply)).isEqualTo(n);
                assertThat(RawDealer.body(reply)).isEqualTo(busy);
            }
            functions.gate.countDown();
            assertThat(functions.completeAll()).isEqualTo(maxInFlight - 4);
            BitSet answered = new BitSet();
            for (int i = 0; i < maxInFlight; i++) {
                byte[] reply = dealer.receive(WAIT);
                assertThat(reply).as("reply to a held call").isNotNull();
                int n = (int) RawDealer.idOf(reply);
                assertThat(RawDealer.body(reply)).isEqualTo((n < 4 ? "blocked:c" : "held:c") + n);
                answered.set(n);
            }
            assertThat(answered.cardinality()).isEqualTo(maxInFlight);
            for (int n = 1000; n < 1000 + maxInFlight; n++) {
                dealer.send(n, "held", "again" + n);
            }
            await().atMost(WAIT).until(() -> functions.inProgress.get() == maxInFlight);
            functions.completeAll();
            for (int i = 0; i < maxInFlight; i++) {
                byte[] reply = dealer.receive(WAIT);
                assertThat(reply).isNotNull();
                assertThat(RawDealer.body(reply)).isEqualTo("held:again" + RawDealer.idOf(reply));
            }
        }
    }

    @Test
    void shouldNeverHoldMoreThanMaxInFlightWhenClientSendsFasterThanHandlersFinish() throws Exception {
        int maxInFlight = 100;
        int calls = 20_000;
        server = TestServers.start(functions, workers, 4 * 1024 * 1024, maxInFlight);
        CountDownLatch sawBusy = new CountDownLatch(1);
        Thread finisher = new Thread(() -> finishHeldCalls(sawBusy), "robust-finisher");
        finisher.start();
        long heapBefore = Heap.usedAfterGc();
        int served = 0;
        int busy = 0;
        BitSet answered = new BitSet(calls);
        try (RawDealer dealer = new RawDealer(server.port())) {
            int received = 0;
            for (int n = 0; n < calls || received < calls; ) {
                if (n < calls) {
                    dealer.send(n, "held", "r" + n);
                    n++;
                }
                byte[] reply = n < calls ? dealer.poll() : dealer.receive(WAIT);
                if (n >= calls) {
                    assertThat(reply).as("reply " + received + " of " + calls).isNotNull();
                }
                if (reply == null) {
                    continue;
                }
                received++;
                int id = (int) RawDealer.idOf(reply);
                assertThat(answered.get(id)).as("one reply per call").isFalse();
                answered.set(id);
                Object body = RawDealer.body(reply);
                if (body instanceof Map<?, ?> map) {
                    Map<Object, Object> error = new java.util.HashMap<>(map);
                    assertThat(error).containsOnlyKeys(ZeroErrors.SERVER_EXCEPTION);
                    assertThat((String) error.get(ZeroErrors.SERVER_EXCEPTION)).startsWith("server busy: ");
                    busy++;
                    sawBusy.countDown();
                }
                else {
                    assertThat(body).isEqualTo("held:r" + id);
                    served++;
                }
            }
        }
        finally {
            finisher.interrupt();
            finisher.join(WAIT.toMillis());
        }
        long heapGrowth = Heap.usedAfterGc() - heapBefore;
        System.out.println("OverloadTests: " + calls + " calls, " + served + " served, " + busy + " busy, at most "
                + functions.maxInProgress.get() + " in progress, heap growth " + heapGrowth / 1024 + " KiB");
        assertThat(answered.cardinality()).isEqualTo(calls);
        assertThat(served + busy).isEqualTo(calls);
        assertThat(busy).isPositive();
        assertThat(served).isGreaterThanOrEqualTo(maxInFlight);
        assertThat(functions.maxInProgress.get()).isLessThanOrEqualTo(maxInFlight);
        assertThat(functions.inProgress.get()).isZero();
        assertThat(heapGrowth).as("heap growth in bytes").isLessThan(64L * 1024 * 1024);
    }

    /** Completes held calls one at a time as they arrive, once the server has refused one. */
    private void finishHeldCalls(CountDownLatch sawBusy) {
        try {
            if (!sawBusy.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                return;
            }
            while (true) {
                RobustFunctions.Held call = functions.held.poll(1, TimeUnit.SECONDS);
                if (call != null) {
                    functions.complete(call);
                }
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
