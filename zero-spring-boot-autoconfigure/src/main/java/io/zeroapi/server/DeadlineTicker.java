package io.zeroapi.server;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Wakes the I/O thread regularly while a call timeout is set, so it can answer calls past their deadline while it
 * otherwise blocks without a timeout (a timed {@code recv} costs JeroMQ noticeably more per call than an untimed
 * one). The tick is an eighth of the call timeout, between 10 ms and 1 s: calls are answered at most that late.
 */
final class DeadlineTicker implements AutoCloseable {

    private static final long MIN_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private static final long MAX_TICK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ScheduledExecutorService timer;

    private DeadlineTicker(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Starts ticking {@code wake} for {@code callTimeout}, or does nothing when there is no call timeout. */
    static DeadlineTicker start(Duration callTimeout, Runnable wake, String name) {
        if (callTimeout.isZero() || callTimeout.isNegative()) {
            return new DeadlineTicker(null);
        }
        long tick = tickNanos(callTimeout);
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(wake, tick, tick, TimeUnit.NANOSECONDS);
        return new DeadlineTicker(timer);
    }

    /** The tick for a (positive) call timeout: an eighth of it, between 10 ms and 1 s. */
    static long tickNanos(Duration callTimeout) {
        return Math.max(MIN_TICK_NANOS, Math.min(MAX_TICK_NANOS, callTimeout.toNanos() / 8));
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
