package io.zeroapi.server;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The turns of the two threads that may run the ZeroMQ server's loop ({@link ZmqServerLoop}). The thread holding
 * the loop that is about to run a lone blocking call itself <em>offers</em> the loop to the other thread, the
 * <em>standby</em>, runs the call, and then <em>reclaims</em> the loop if the standby has not taken it; otherwise
 * it becomes the standby. So a quick call costs no hand-off, and one that blocks holds the loop up only until
 * the standby takes it:
 * <ul>
 * <li>at once, when the offer is <em>urgent</em> (others are calling, so they would wait): the standby is woken;</li>
 * <li>otherwise, when the one caller there is waits for this call anyway, within one or two watch periods
 * ({@link #WATCH_NANOS}): while offers keep coming the standby looks every period and takes an offer it saw open
 * the last time, and it parks for good after {@link #IDLE_NANOS} without an offer (the next offer wakes it). The
 * period is long because on a small virtual machine timer wake-ups are dear: every 200 us they cost a lone caller
 * about a third of its calls, every 5 ms still an eighth (measured with {@code zero-benchmarks}).</li>
 * </ul>
 * An offer is the offering thread itself in an atomic reference, taken or reclaimed by compare-and-set: the
 * loop's state passes from thread to thread with it (a happens-before edge), and an offer cannot be mistaken for
 * a later one of the same thread, which can only offer again once it holds the loop again.
 */
final class LoopHandover {

    private static final Log logger = LogFactory.getLog(ZeroServer.class);

    /** How often the standby looks for an offer to take while offers keep coming. */
    static final long WATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** How long without an offer before the standby stops watching and parks until the next one. */
    static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final AtomicReference<@Nullable Thread> offeredBy = new AtomicReference<>();

    private final Runnable startStandby;

    /** Counts offers, so the standby can tell an offer it saw open before from a new one. */
    private volatile long offers;

    private volatile boolean urgent;

    private volatile long lastOfferNanos;

    private volatile @Nullable Thread standby;

    /** Whether the standby is parked until the next offer wakes it (rather than watching). */
    private volatile boolean sleeping;

    /** Whether the first offer was made (holder only, as is {@link #noStandby}). */
    private boolean started;

    private @Nullable Throwable noStandby;

    private volatile boolean closed;

    /**
     * @param startStandby starts the second thread, which calls {@link #awaitTurn()}; run by the first offer, on the
     * thread holding the loop
     */
    LoopHandover(Runnable startStandby) {
        this.startStandby = startStandby;
    }

    /**
     * Holder: offers the loop to the standby (starting it, the first time).
     * @param urgent whether others are calling, so the standby should take the loop at once
     * @return whether the loop is offered; {@code false} if there is no standby (it could not be started): then the
     * holder keeps the loop and must not run a blocking call itself
     */
    boolean offer(boolean urgent) {
        if (!started) {
            started = true;
            try {
                startStandby.run();
            }
            catch (RuntimeException | OutOfMemoryError ex) {
                noStandby = ex;
                logger.warn("Zero server could not start its second loop thread; lone blocking calls go to the "
                        + "workers", ex);
            }
        }
        if (noStandby != null) {
            return false;
        }
        this.urgent = urgent;
        offers++;
        lastOfferNanos = System.nanoTime();
        offeredBy.set(Thread.currentThread());
        Thread waiting = standby;
        if (waiting != null && (urgent || sleeping)) {
            LockSupport.unpark(waiting);
        }
        return true;
    }

    /** Why the standby could not be started, or {@code null}. */
    @Nullable Throwable noStandby() {
        return noStandby;
    }

    /** Holder, after its call: whether it still holds the loop, i.e. the standby did not take the offer. */
    boolean reclaim() {
        return offeredBy.compareAndSet(Thread.currentThread(), null);
    }

    /**
     * Standby: waits until it takes the loop, returning {@code true}, or until the loop has ended, returning
     * {@code false}.
     */
    boolean awaitTurn() {
        Thread current = Thread.currentThread();
        standby = current;
        long seen = -1;
        while (!closed) {
            Thread offerer = offeredBy.get();
            if (offerer != null && offerer != current) {
                long offer = offers;
                if ((urgent || offer == seen) && offeredBy.compareAndSet(offerer, null)) {
                    return true;
                }
                seen = offer;
            }
            Thread.interrupted();
            if (System.nanoTime() - lastOfferNanos < IDLE_NANOS) {
                LockSupport.parkNanos(this, WATCH_NANOS);
                continue;
            }
            sleeping = true;
            if (offeredBy.get() == null && !closed) {
                LockSupport.park(this);
            }
            sleeping = false;
        }
        return false;
    }

    /** The loop has ended: the standby, if any, stops waiting. */
    void close() {
        closed = true;
        Thread waiting = standby;
        if (waiting != null) {
            LockSupport.unpark(waiting);
        }
    }
}
