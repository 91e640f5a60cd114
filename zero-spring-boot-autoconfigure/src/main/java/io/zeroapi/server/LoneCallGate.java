package io.zeroapi.server;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

import org.jspecify.annotations.Nullable;

/**
 * Decides whether the ZeroMQ server's loop thread ({@link ZmqServerLoop}) runs a lone worker call itself instead of
 * handing it to the pool: only when the loop had been idle (its blocking {@code recv} waited), no caller pipelined
 * calls lately, no request waits on the socket, a slot of the pool is free, and the standby took the offer of the
 * loop ({@link LoopHandover}), urgently when others could be held up. With traffic coming anyway a worker is
 * cheaper: in paired runs, running a pipelining caller's calls on the loop thread cost 128 pipelined calls a tenth of
 * their throughput. Keeps the bookkeeping this needs; used by the loop's thread only.
 */
final class LoneCallGate {

    /** How long the first {@code recv} of a turn must have taken for the loop to count as having waited for it. */
    private static final long IDLE_WAIT_NANOS = TimeUnit.MICROSECONDS.toNanos(10);

    /** How long after a request from a second caller, or from a pipelining one, the loop counts it as calling. */
    private static final long OTHER_CALLERS_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final WorkerPool pool;

    private final LoopHandover handover;

    private final IntSupplier inFlight;

    private final BooleanSupplier requestsWaiting;

    /** The routing id of the last request's caller. */
    private byte @Nullable [] lastCaller;

    /** When a request last came from another caller than the one before it (long ago at first). */
    private long otherCallerNanos = System.nanoTime() - OTHER_CALLERS_NANOS;

    /** When a request last came from a caller with calls in flight, one that pipelines (long ago at first). */
    private long pipelinedNanos = otherCallerNanos;

    /**
     * Whether this turn's first message was not there yet when the loop came to receive: its {@code recv} took longer
     * than {@link #IDLE_WAIT_NANOS} (a message already there takes a microsecond or two; a wait, a wake-up of tens).
     */
    private boolean idle;

    /**
     * @param inFlight the server's calls in flight
     * @param requestsWaiting whether requests wait on the socket (asked last, as it asks JeroMQ)
     */
    LoneCallGate(WorkerPool pool, LoopHandover handover, IntSupplier inFlight, BooleanSupplier requestsWaiting) {
        this.pool = pool;
        this.handover = handover;
        this.inFlight = inFlight;
        this.requestsWaiting = requestsWaiting;
    }

    /** The turn's first message came out of a blocking {@code recv} that took {@code nanos}. */
    void received(long nanos) {
        idle = nanos > IDLE_WAIT_NANOS;
    }

    /** The turn's first message came while the loop polled, without waiting. */
    void polled() {
        idle = false;
    }

    /** A request came at {@code nanos} from the caller {@code identity}, which had {@code outstanding} calls then. */
    void request(byte[] identity, int outstanding, long nanos) {
        if (lastCaller != null && !Arrays.equals(identity, lastCaller)) {
            otherCallerNanos = nanos;
        }
        lastCaller = identity;
        if (outstanding > 0) {
            pipelinedNanos = nanos;
        }
    }

    /**
     * Whether this thread may run the turn's lone call: then it holds a slot of the pool (give it back with
     * {@link #release()}) and has offered the loop to the standby, urgently when more than one caller called lately
     * or other calls are in flight, whose replies would wait.
     */
    boolean open() {
        long now = System.nanoTime();
        if (!idle || now - pipelinedNanos < OTHER_CALLERS_NANOS || requestsWaiting.getAsBoolean()
                || !pool.tryTakeSlot()) {
            return false;
        }
        boolean othersCalling = now - otherCallerNanos < OTHER_CALLERS_NANOS || inFlight.getAsInt() > 1;
        if (handover.offer(othersCalling)) {
            return true;
        }
        pool.releaseSlot();
        return false;
    }

    /** The lone call that {@link #open()} let through has ended: gives its slot back. */
    void release() {
        pool.releaseSlot();
    }
}
