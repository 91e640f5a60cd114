package io.zeroapi.client;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Wakes a connection's I/O thread from any caller thread, at most once per batch: an atomic flag and a pair
 * of {@code inproc} PAIR sockets. The caller that raises the flag sends one empty message under a lock (the
 * only time a caller touches a socket); the I/O thread lowers the flag before it drains the submitted calls.
 */
final class Signal {

    private static final byte[] EMPTY = new byte[0];

    private final AtomicBoolean raised = new AtomicBoolean();

    private final ReentrantLock lock = new ReentrantLock();

    private final ZContext context;

    private final ZMQ.Socket sender;

    private final ZMQ.Socket receiver;

    private boolean closed;

    Signal(ZContext context, String name) {
        this.context = context;
        String endpoint = "inproc://" + name;
        this.receiver = context.createSocket(SocketType.PAIR);
        this.receiver.setLinger(0);
        this.receiver.bind(endpoint);
        this.sender = context.createSocket(SocketType.PAIR);
        this.sender.setLinger(0);
        this.sender.connect(endpoint);
    }

    /** The socket the I/O thread polls; used by the I/O thread only. */
    ZMQ.Socket receiver() {
        return receiver;
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

    /** Called by the I/O thread: consumes the wake-ups and lowers the flag. */
    void lower() {
        byte[] message;
        do {
            message = receiver.recv(ZMQ.DONTWAIT);
        }
        while (message != null);
        raised.set(false);
    }

    private void send() {
        lock.lock();
        try {
            if (!closed) {
                sender.send(EMPTY, ZMQ.DONTWAIT);
            }
        }
        finally {
            lock.unlock();
        }
    }

    /** Closes the sending side; called once the I/O thread has ended. */
    void closeSender() {
        lock.lock();
        try {
            closed = true;
            context.destroySocket(sender);
        }
        finally {
            lock.unlock();
        }
    }

    /** Closes the receiving side; called by the I/O thread as it ends. */
    void closeReceiver() {
        context.destroySocket(receiver);
    }
}
