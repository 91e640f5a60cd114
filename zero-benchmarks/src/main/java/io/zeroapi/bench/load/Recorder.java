package io.zeroapi.bench.load;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the calls completed inside the measuring window and keeps their latencies; calls completed outside
 * the window (warm-up, drain) are ignored. Safe to use from any number of threads; one instance is reused
 * for every cell.
 */
public final class Recorder {

    private final long[] latencies;

    private final AtomicInteger completed = new AtomicInteger();

    private final AtomicLong errors = new AtomicLong();

    private volatile boolean recording;

    private long windowStart;

    private long windowEnd;

    /** Creates a recorder that keeps at most {@code capacity} latencies per window. */
    public Recorder(int capacity) {
        this.latencies = new long[capacity];
    }

    /** Records one successful call that started at {@code startNanos} ({@link System#nanoTime()}). */
    public void completed(long startNanos) {
        long now = System.nanoTime();
        if (recording) {
            int index = completed.getAndIncrement();
            if (index < latencies.length) {
                latencies[index] = now - startNanos;
            }
        }
    }

    /** Records one failed call. */
    public void failed() {
        errors.incrementAndGet();
    }

    /** Clears the previous window's figures. */
    public void reset() {
        completed.set(0);
        errors.set(0);
    }

    /** Opens the measuring window. */
    public void begin() {
        windowStart = System.nanoTime();
        recording = true;
    }

    /** Closes the measuring window. */
    public void end() {
        recording = false;
        windowEnd = System.nanoTime();
    }

    /** Length of the last window in seconds. */
    public double windowSeconds() {
        return (windowEnd - windowStart) / 1e9;
    }

    /** Calls completed inside the last window. */
    public int completed() {
        return completed.get();
    }

    /** Calls failed since the last reset. */
    public long errors() {
        return errors.get();
    }

    /** Sorted latencies (nanoseconds) of the calls completed inside the last window; call after the load stopped. */
    public long[] sortedLatencies() {
        long[] copy = Arrays.copyOf(latencies, Math.min(completed.get(), latencies.length));
        Arrays.sort(copy);
        return copy;
    }

}
