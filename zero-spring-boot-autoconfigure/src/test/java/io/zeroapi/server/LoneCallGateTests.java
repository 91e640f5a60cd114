package io.zeroapi.server;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the loop thread runs a lone worker call itself, with a real pool and a real standby thread.
 */
class LoneCallGateTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static final long WAITED = TimeUnit.MILLISECONDS.toNanos(1);

    private static final long ARRIVED_AT_ONCE = TimeUnit.MICROSECONDS.toNanos(1);

    private static final byte[] CALLER = { 0, 1, 2, 3, 4 };

    private static final byte[] OTHER_CALLER = { 0, 9, 9, 9, 9 };

    private final WorkerPool pool = (WorkerPool) WorkerPools.fixed(1, Thread::new);

    /** Completed with {@code true} when the standby takes the loop. */
    private final CompletableFuture<Boolean> taken = new CompletableFuture<>();

    private final LoopHandover handover = new LoopHandover(() -> {
        Thread standby = new Thread(() -> taken.complete(this.handover.awaitTurn()), "standby");
        standby.setDaemon(true);
        standby.start();
    });

    private boolean requestsWaiting;

    private int inFlight = 1;

    private final LoneCallGate gate = new LoneCallGate(pool, handover, () -> inFlight, () -> requestsWaiting);

    @AfterEach
    void close() {
        handover.close();
        pool.shutdownNow();
    }

    @Test
    void shouldRunTheCallInASlotOfThePoolWhenTheLoopHadWaited() {
        gate.request(CALLER, 0, System.nanoTime());
        gate.received(WAITED);
        assertThat(gate.open()).isTrue();
        assertThat(pool.getActiveCount()).isEqualTo(1);
        handover.reclaim();
        gate.release();
        assertThat(pool.getActiveCount()).isZero();
    }

    @Test
    void shouldHandTheCallToTheWorkersWhenTheRequestWasAlreadyThere() {
        gate.request(CALLER, 0, System.nanoTime());
        gate.received(ARRIVED_AT_ONCE);
        assertThat(gate.open()).isFalse();
        gate.received(WAITED);
        gate.polled();
        assertThat(gate.open()).isFalse();
        assertThat(pool.getActiveCount()).isZero();
    }

    @Test
    void shouldHandTheCallToTheWorkersWhileItsCallerPipelines() {
        gate.request(CALLER, 1, System.nanoTime());
        gate.received(WAITED);
        assertThat(gate.open()).isFalse();
        assertThat(pool.getActiveCount()).isZero();
    }

    @Test
    void shouldHandTheCallToTheWorkersWhileRequestsWait() {
        requestsWaiting = true;
        gate.received(WAITED);
        assertThat(gate.open()).isFalse();
        assertThat(pool.getActiveCount()).isZero();
    }

    @Test
    void shouldHandTheCallToTheWorkersWhenNoSlotIsFree() {
        assertThat(pool.tryTakeSlot()).isTrue();
        gate.received(WAITED);
        assertThat(gate.open()).isFalse();
        pool.releaseSlot();
        assertThat(pool.getActiveCount()).isZero();
    }

    @Test
    void shouldOfferTheLoopWhenOthersCallToo() {
        gate.request(CALLER, 0, System.nanoTime());
        gate.request(OTHER_CALLER, 0, System.nanoTime());
        inFlight = 2;
        gate.received(WAITED);
        assertThat(gate.open()).isTrue();
        assertThat(taken).succeedsWithin(WAIT).isEqualTo(true);
        assertThat(handover.reclaim()).isFalse();
        gate.release();
        assertThat(pool.getActiveCount()).isZero();
    }
}
