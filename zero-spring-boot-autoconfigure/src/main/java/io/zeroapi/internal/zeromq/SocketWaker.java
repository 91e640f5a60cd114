package io.zeroapi.internal.zeromq;

import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Wakes the one thread that owns a ROUTER socket and waits in its {@code recv}, from any other thread: an atomic
 * flag and an {@code inproc} DEALER connected to the ROUTER, so the wake-up arrives as an ordinary message where
 * the owner already waits. The server's and the client's I/O threads use it instead of JeroMQ 0.6.0's poller,
 * which busy-loops. The waker's identity starts with a zero byte, which no remote peer can claim.
 * <p>
 * Wake-ups are coalesced: at most one message is on its way until the owner calls {@link #rearm()} (before it
 * drains the work handed to it), and the owner never wakes itself, as it drains that work before it waits again.
 */
public final class SocketWaker implements AutoCloseable {

    private static final byte[] IDENTITY = { 0, 'z', 'e', 'r', 'o', '-', 'w', 'a', 'k', 'e' };

    private static final byte[] EMPTY = new byte[0];

    private final AtomicBoolean pending = new AtomicBoolean();

    private final Object lock = new Object();

    private final ZContext context;

    private final ZMQ.Socket sender;

    private boolean closed;

    private volatile Thread owner;

    private SocketWaker(ZContext context, String address) {
        this.context = context;
        this.sender = context.createSocket(SocketType.DEALER);
        this.sender.setLinger(0);
        this.sender.setIdentity(IDENTITY);
        this.sender.connect(address);
    }

    /**
     * Binds {@code router} to a new {@code inproc} address and returns a waker connected to it; call it before the
     * owning thread takes the socket over.
     * @param name the start of the address's name, for diagnostics
     */
    public static SocketWaker attach(ZContext context, ZMQ.Socket router, String name) {
        String address = "inproc://" + name + "-" + UUID.randomUUID();
        router.bind(address);
        return new SocketWaker(context, address);
    }

    /** Whether a message the ROUTER received (by its identity frame) is a wake-up. */
    public static boolean isWakeUp(byte[] identity) {
        return Arrays.equals(identity, IDENTITY);
    }

    /** Declares the thread that owns the ROUTER; it never needs waking. */
    public void owner(Thread thread) {
        this.owner = thread;
    }

    /** Whether the calling thread is the owner. */
    public boolean isOwnerThread() {
        return Thread.currentThread() == owner;
    }

    /** Any thread: wakes the owner, unless it is the caller or a wake-up is already on its way. */
    public void wake() {
        if (Thread.currentThread() != owner && pending.compareAndSet(false, true)) {
            send();
        }
    }

    /** Wakes the owner unconditionally (to stop it). */
    public void wakeNow() {
        pending.set(true);
        send();
    }

    /** Owner: lets the next {@link #wake()} signal again; call it before draining the work handed over. */
    public void rearm() {
        pending.set(false);
    }

    private void send() {
        synchronized (lock) {
            if (closed || !sender.send(EMPTY, ZMQ.DONTWAIT)) {
                pending.set(false);
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (!closed) {
                closed = true;
                context.destroySocket(sender);
            }
        }
    }
}
