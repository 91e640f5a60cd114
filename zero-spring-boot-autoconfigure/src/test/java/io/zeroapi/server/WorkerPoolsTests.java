package io.zeroapi.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The default worker pool ({@link WorkerPools}, {@link WorkerQueue}): every task runs once, bursts from several
 * producers included, a blocked task holds up nobody while a worker is free, the pool stays at its size, and it
 * shuts down as a {@link ThreadPoolExecutor} does.
 */
class WorkerPoolsTests {

    private static final long WAIT_SECONDS = 20;

    private final List<ExecutorService> pools = new ArrayList<>();

    @AfterEach
    void shutDown() {
        pools.forEach(ExecutorService::shutdownNow);
    }

    private ThreadPoolExecutor pool(int threads) {
        ExecutorService pool = WorkerPools.fixed(threads, Thread::new);
        pools.add(pool);
        return (ThreadPoolExecutor) pool;
    }

    @Test
    void shouldRunEveryTaskOfSeveralProducersOnceOnItsThreads() throws Exception {
        ThreadPoolExecutor pool = pool(3);
        int producers = 4;
        int tasks = 20_000;
        AtomicInteger[] runs = new AtomicInteger[producers * tasks];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = new AtomicInteger();
        }
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch done = new CountDownLatch(runs.length);
        List<Thread> feeders = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int first = p * tasks;
            Thread feeder = new Thread(() -> {
                for (int i = first; i < first + tasks; i++) {
                    AtomicInteger counter = runs[i];
                    pool.execute(() -> {
                        counter.incrementAndGet();
                        threads.add(Thread.currentThread());
                        done.countDown();
                    });
                }
            });
            feeders.add(feeder);
            feeder.start();
        }
        for (Thread feeder : feeders) {
            feeder.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        }
        assertThat(done.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(runs).allSatisfy(counter -> assertThat(counter.get()).isOne());
        assertThat(threads).hasSizeBetween(1, 3);
        assertThat(pool.getLargestPoolSize()).isEqualTo(3);
        assertThat(pool.getQueue()).isEmpty();
    }

    @Test
    void shouldRunTheOthersWhileOneTaskBlocks() throws Exception {
        ThreadPoolExecutor pool = pool(2);
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        pool.execute(() -> {
            blocked.countDown();
            awaitQuietly(release);
        });
        assertThat(blocked.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        for (int round = 0; round < 50; round++) {
            CountDownLatch ran = new CountDownLatch(10);
            for (int i = 0; i < 10; i++) {
                pool.execute(ran::countDown);
            }
            assertThat(ran.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
        release.countDown();
        await().atMost(WAIT_SECONDS, TimeUnit.SECONDS).until(() -> pool.getActiveCount() == 0);
    }

    @Test
    void shouldWakeAParkedWorkerForEveryLoneTask() throws Exception {
        ThreadPoolExecutor pool = pool(2);
        for (int i = 0; i < 200; i++) {
            CountDownLatch ran = new CountDownLatch(1);
            pool.execute(ran::countDown);
            assertThat(ran.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            if (i % 50 == 0) {
                await().atMost(WAIT_SECONDS, TimeUnit.SECONDS)
                    .until(() -> pool.getActiveCount() == 0 && pool.getQueue().isEmpty());
            }
        }
    }

    @Test
    void shouldFinishQueuedTasksOnShutdownAndInterruptOnShutdownNow() throws Exception {
        ThreadPoolExecutor pool = pool(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        pool.execute(() -> awaitQuietly(release));
        for (int i = 0; i < 5; i++) {
            pool.execute(ran::incrementAndGet);
        }
        pool.shutdown();
        release.countDown();
        assertThat(pool.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).hasValue(5);

        ThreadPoolExecutor second = pool(1);
        CountDownLatch started = new CountDownLatch(1);
        Future<?> blocked = second.submit(() -> {
            started.countDown();
            new CountDownLatch(1).await();
            return null;
        });
        second.execute(ran::incrementAndGet);
        assertThat(started.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(second.shutdownNow()).hasSize(1);
        assertThat(second.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(blocked).failsWithin(WAIT_SECONDS, TimeUnit.SECONDS)
            .withThrowableOfType(ExecutionException.class)
            .withCauseInstanceOf(InterruptedException.class);
        assertThat(ran).hasValue(5);
    }

    @Test
    void shouldStopIdleWorkersOnShutdown() throws Exception {
        ThreadPoolExecutor pool = pool(2);
        CountDownLatch ran = new CountDownLatch(2);
        pool.execute(ran::countDown);
        pool.execute(ran::countDown);
        assertThat(ran.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();
        assertThat(pool.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void shouldRefuseAPoolWithoutThreads() {
        assertThatIllegalArgumentException().isThrownBy(() -> WorkerPools.fixed(0, Thread::new))
            .withMessage("A worker pool needs at least one thread, got 0");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
