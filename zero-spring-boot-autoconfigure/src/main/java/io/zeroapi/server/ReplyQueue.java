package io.zeroapi.server;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Carries replies from workers and completing futures to the I/O thread: a lock-free queue plus a wake-up that
 * arrives as an ordinary message on the server's own ROUTER (from an {@code inproc} DEALER whose identity
 * starts with a zero byte, which no remote peer can claim). The I/O thread therefore only ever blocks in the
 * ROUTER's {@code recv}, never in a poller (JeroMQ 0.6.0's poller busy-loops and costs more than half the
 * throughput of a single caller on 2 cores). The wake-up is sent at most once per batch: the first reply after
 * the I/O thread last drained the queue sends it, the others only enqueue. Replies added by the I/O thread itself
 * need no wake-up, as it drains the queue before it blocks again.
 */
final class ReplyQueue implements AutoCloseable {

    private static final byte[] WAKE_IDENTITY = { 0, 'z', 'e', 'r', 'o', '-', 'w', 'a', 'k', 'e' };

    private static final byte[] EMPTY = new byte[0];

    private final ConcurrentLinkedQueue<Reply> queue = new ConcurrentLinkedQueue<>();

    private final AtomicBoolean wakeupPending = new AtomicBoolean();

    private final ZContext context;

    private final ZMQ.Socket waker;

    private final Object wakerLock = new Object();

    private boolean closed;

    private volatile Thread owner;

    /**
     * @param context the context of the server's ROUTER
     * @param wakeEndpoint an {@code inproc} endpoint the ROUTER is bound to
     */
    ReplyQueue(ZContext context, String wakeEndpoint) {
        this.context = context;
        this.waker = context.createSocket(SocketType.DEALER);
        this.waker.setLinger(0);
        this.waker.setIdentity(WAKE_IDENTITY);
        this.waker.connect(wakeEndpoint);
    }

    /** Declares the I/O thread that drains this queue. */
    void owner(Thread thread) {
        this.owner = thread;
    }

    /** Whether a message the ROUTER received is a wake-up rather than a request. */
    static boolean isWakeUp(byte[] identity) {
        return Arrays.equals(identity, WAKE_IDENTITY);
    }

    void add(Reply reply) {
        queue.offer(reply);
        if (Thread.currentThread() != owner) {
            wake();
        }
    }

    /** Wakes the I/O thread unless a wake-up is already pending. */
    void wake() {
        if (wakeupPending.compareAndSet(false, true)) {
            synchronized (wakerLock) {
                if (closed || !waker.send(EMPTY, ZMQ.DONTWAIT)) {
                    wakeupPending.set(false);
                }
            }
        }
    }

    /** I/O thread: takes the next reply, or {@code null}; call {@link #rearm()} before the first poll. */
    Reply poll() {
        return queue.poll();
    }

    /** I/O thread: allows the next reply to wake it again; call before draining the queue. */
    void rearm() {
        wakeupPending.set(false);
    }

    @Override
    public void close() {
        synchronized (wakerLock) {
            if (!closed) {
                closed = true;
                context.destroySocket(waker);
            }
        }
        queue.clear();
    }
}
