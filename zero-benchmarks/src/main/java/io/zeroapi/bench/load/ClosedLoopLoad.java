package io.zeroapi.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code threads} threads, each with its own {@link BlockingCaller} created on that thread, calling in a closed
 * loop: patterns {@code c1} (one thread) and {@code sN}.
 */
public final class ClosedLoopLoad implements Load {

    private static final long READY_TIMEOUT_SECONDS = 30;

    private static final long JOIN_TIMEOUT_MILLIS = 5_000;

    private final int threads;

    private final Supplier<BlockingCaller> callers;

    private final Runnable closer;

    private final List<Thread> running = new ArrayList<>();

    private volatile boolean stopped;

    /** Creates a load whose callers release everything they hold when closed. */
    public ClosedLoopLoad(int threads, Supplier<BlockingCaller> callers) {
        this(threads, callers, () -> { });
    }

    /** Creates a load whose callers share a resource that {@code closer} releases once every thread ended. */
    public ClosedLoopLoad(int threads, Supplier<BlockingCaller> callers, Runnable closer) {
        this.threads = threads;
        this.callers = callers;
        this.closer = closer;
    }

    @Override
    public void start(Recorder recorder) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(threads);
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(() -> loop(recorder, ready), "caller-" + i);
            thread.setDaemon(true);
            running.add(thread);
            thread.start();
        }
        if (!ready.await(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            stop();
            throw new IllegalStateException("Callers not connected after " + READY_TIMEOUT_SECONDS + " s");
        }
    }

    private void loop(Recorder recorder, CountDownLatch ready) {
        try (BlockingCaller caller = callers.get()) {
            ready.countDown();
            while (!stopped) {
                long start = System.nanoTime();
                try {
                    caller.call();
                    recorder.completed(start);
                }
                catch (Exception ex) {
                    recorder.failed();
                }
            }
        }
    }

    @Override
    public void stop() {
        stopped = true;
        for (Thread thread : running) {
            try {
                thread.join(JOIN_TIMEOUT_MILLIS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        closer.run();
    }

}
