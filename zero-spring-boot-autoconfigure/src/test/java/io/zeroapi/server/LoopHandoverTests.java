package io.zeroapi.server;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The turns of the two loop threads: offers, reclaims and takes, with a real standby thread.
 */
class LoopHandoverTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Completed with {@code true} when the standby takes the loop, {@code false} when it stops waiting. */
    private final CompletableFuture<Boolean> taken = new CompletableFuture<>();

    private final CountDownLatch standbyStarted = new CountDownLatch(1);

    private final LoopHandover handover = new LoopHandover(() -> {
        Thread standby = new Thread(() -> {
            standbyStarted.countDown();
            taken.complete(this.handover.awaitTurn());
        }, "standby");
        standby.setDaemon(true);
        standby.start();
    });

    @AfterEach
    void close() {
        handover.close();
    }

    @Test
    void shouldLetTheHolderReclaimAnOfferNobodyTook() throws Exception {
        assertThat(handover.offer(false)).isTrue();
        assertThat(handover.reclaim()).isTrue();
        assertThat(standbyStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(handover.offer(false)).isTrue();
        assertThat(handover.reclaim()).isTrue();
        assertThat(taken).isNotDone();
    }

    @Test
    void shouldLetTheStandbyTakeAnUrgentOffer() {
        assertThat(handover.offer(true)).isTrue();
        assertThat(taken).succeedsWithin(WAIT).isEqualTo(true);
        assertThat(handover.reclaim()).isFalse();
    }

    @Test
    void shouldLetTheStandbyTakeAnOfferThatStaysOpen() {
        assertThat(handover.offer(false)).isTrue();
        assertThat(taken).succeedsWithin(WAIT).isEqualTo(true);
        assertThat(handover.reclaim()).isFalse();
    }

    @Test
    void shouldLetTheThreadThatLostTheLoopTakeItBack() {
        assertThat(handover.offer(true)).isTrue();
        assertThat(taken).succeedsWithin(WAIT).isEqualTo(true);
        assertThat(handover.reclaim()).isFalse();
        CompletableFuture<Boolean> back = new CompletableFuture<>();
        Thread waiting = new Thread(() -> back.complete(handover.awaitTurn()), "waiting");
        waiting.setDaemon(true);
        waiting.start();
        assertThat(handover.offer(true)).isTrue();
        assertThat(back).succeedsWithin(WAIT).isEqualTo(true);
        assertThat(handover.reclaim()).isFalse();
    }

    @Test
    void shouldOfferNothingWhenTheStandbyCannotStart() {
        LoopHandover alone = new LoopHandover(() -> {
            throw new IllegalStateException("no more threads");
        });
        assertThat(alone.offer(false)).isFalse();
        assertThat(alone.offer(true)).isFalse();
        assertThat(alone.noStandby()).hasMessage("no more threads");
    }

    @Test
    void shouldReleaseTheStandbyWhenTheLoopEnds() throws Exception {
        assertThat(handover.offer(false)).isTrue();
        assertThat(handover.reclaim()).isTrue();
        assertThat(standbyStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        handover.close();
        assertThat(taken).succeedsWithin(WAIT).isEqualTo(false);
    }
}
