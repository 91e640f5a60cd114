package io.zeroapi.client;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Wakes a connection's I/O thread from any caller thread, at most once per batch: an atomic flag and an
 * {@code inproc} DEALER connected to the connection's own ROUTER, so the wake-up arrives as an ordinary message
 * where the I/O thread already waits (it never waits in a poller: JeroMQ 0.6.0's busy-loops). Its identity starts
 * with a zero byte, which no remote peer can claim. The caller that raises the flag sends one empty message under
 * a lock (the only time a caller touches a socket); the I/O thread lowers the flag before it drains the submitted
 * calls.
 */
final class Signal {

    private static final byte[] IDENTITY = { 0, 'z', 'e', 'r', 'o', '-', 'w', 'a', 'k', 'e' };

    private static final byte[] EMPTY = new byte[0];

    private final AtomicBoolean raised = new AtomicBoolean();

    private final Object lock = new Object();

    private final ZContext context;

    private final ZMQ.Socket sender;

    private boolean closed;

    /**
     * @param context the context of the connection's ROUTER
     * @param endpoint the {@code inproc} endpoint the ROUTER is bound to
     */
    Signal(ZContext context, String endpoint) {
        this.context = context;
        this.sender = context.createSocket(SocketType.DEALER);
        this.sender.setLinger(0);
        this.sender.setIdentity(IDENTITY);
        this.sender.connect(endpoint);
    }

    /** Whether a message the ROUTER received is a wake-up rather than a reply. */
    static boolean isWakeUp(byte[] identity) {
        return Arrays.equals(identity, IDENTITY);
    }

    /** Wakes the I/O thread unless a wake-up is already on its way. */
    void raise() {
        if (raised.compareAndSet(false, true)) {
            send();
        }
    }

    /** Wakes the I/O thread unconditionally (used to stop it). */
    void force() {
        raised.set(true);
        send();
    }

    /** Called by the I/O thread before it drains the submitted calls: the next call wakes it again. */
    void lower() {
        raised.set(false);
    }

    private void send() {
        synchronized (lock) {
            if (!closed && !sender.send(EMPTY, ZMQ.DONTWAIT)) {
                raised.set(false);
            }
        }
    }

    /** Closes the sending side; called once the I/O thread has ended. */
    void closeSender() {
        synchronized (lock) {
            if (!closed) {
                closed = true;
                context.destroySocket(sender);
            }
        }
    }
}
