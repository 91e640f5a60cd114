package io.zeroapi.server;

import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The pool {@link WorkerPools#fixed} makes: a fixed {@link ThreadPoolExecutor} over a {@link WorkerQueue}, whose
 * slots (one per thread) may also be lent to the ZeroMQ server's loop thread, which then runs a lone blocking call
 * itself ({@link ZmqServerLoop}); a worker waits for a free slot before it runs a call, so no more calls than
 * threads ever run at once, wherever they run. {@link #getActiveCount()} counts the calls running in either place;
 * the completed task count only those the pool's threads ran.
 */
final class WorkerPool extends ThreadPoolExecutor {

    private final int threads;

    private final Semaphore slots;

    WorkerPool(int threads, ThreadFactory factory) {
        super(threads, threads, 0L, TimeUnit.MILLISECONDS, new WorkerQueue(), factory);
        this.threads = threads;
        this.slots = new Semaphore(threads);
    }

    /** The calls running: on the pool's threads, or in a slot lent to the server's loop thread. */
    @Override
    public int getActiveCount() {
        return threads - slots.availablePermits();
    }

    /** Takes a slot for a call run outside the pool, if one is free; give it back with {@link #releaseSlot()}. */
    boolean tryTakeSlot() {
        return slots.tryAcquire();
    }

    /** Gives back a slot taken with {@link #tryTakeSlot()}. */
    void releaseSlot() {
        slots.release();
    }

    @Override
    protected void beforeExecute(Thread worker, Runnable task) {
        slots.acquireUninterruptibly();
    }

    @Override
    protected void afterExecute(Runnable task, Throwable failure) {
        slots.release();
    }
}
