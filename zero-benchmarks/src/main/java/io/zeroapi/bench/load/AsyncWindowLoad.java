package io.zeroapi.bench.load;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps {@code inFlight} calls outstanding over one {@link AsyncCaller}: each completion sends the next call
 * (patterns {@code wN} for clients with callbacks). A failed call ends its chain, so an error storm cannot
 * recurse.
 */
public final class AsyncWindowLoad implements Load {

    private static final long DRAIN_TIMEOUT_MILLIS = 5_000;

    private final int inFlight;

    private final AsyncCaller caller;

    private final Runnable closer;

    private final AtomicInteger outstanding = new AtomicInteger();

    private volatile boolean stopped;

    private Recorder recorder;

    /** Creates the load; {@code closer} releases the caller after the drain. */
    public AsyncWindowLoad(int inFlight, AsyncCaller caller, Runnable closer) {
        this.inFlight = inFlight;
        this.caller = caller;
        this.closer = closer;
    }

    @Override
    public void start(Recorder recorder) {
        this.recorder = recorder;
        for (int i = 0; i < inFlight; i++) {
            outstanding.incrementAndGet();
            send();
        }
    }

    private void send() {
        long start = System.nanoTime();
        caller.call(error -> {
            if (error == null) {
                recorder.completed(start);
            }
            else {
                recorder.failed();
            }
            if (stopped || error != null) {
                outstanding.decrementAndGet();
            }
            else {
                send();
            }
        });
    }

    @Override
    public void stop() {
        stopped = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_TIMEOUT_MILLIS);
        while (outstanding.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        closer.run();
    }

}
