package io.zeroapi.server;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The default executor of plain (blocking) {@code @ZeroRpc} methods: a fixed pool of platform threads whose queue
 * hands calls over cheaply ({@link WorkerQueue}: lock-free, one wake-up per burst rather than per call, workers
 * take several calls per wake-up). A {@link ThreadPoolExecutor}, so its metrics and shutdown are the usual ones. The
 * ZeroMQ server may run a lone call on its own loop thread in one of the pool's slots (see {@code ZmqServerLoop}),
 * never more calls at once than the pool has threads.
 */
public final class WorkerPools {

    private WorkerPools() {
    }

    /**
     * A fixed pool of {@code threads} workers, started as calls come.
     * @throws IllegalArgumentException if {@code threads} is not positive
     */
    public static ExecutorService fixed(int threads, ThreadFactory factory) {
        if (threads < 1) {
            throw new IllegalArgumentException("A worker pool needs at least one thread, got " + threads);
        }
        return new WorkerPool(threads, factory);
    }
}
