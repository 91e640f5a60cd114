package io.zeroapi.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.atomic.AtomicBoolean;

import org.zeromq.ZMQ;

/**
 * Lets the one thread that owns a ZeroMQ socket sleep until the socket may have work or another thread wakes
 * it, with a single {@code select} per wait.
 * <p>
 * It waits on the socket's own file descriptor ({@link ZMQ.Socket#getFD()}, readable when the socket has
 * commands to process) and on a wake-up pipe, in one plain NIO selector. JeroMQ's {@code ZMQ.Poller} does the
 * same job but rebuilds its key map and re-queries every socket on each pass, which on a 2-core machine turns
 * an idle wait into hundreds of {@code epoll_wait} calls per request. The owner follows the usual rule for a
 * ZeroMQ file descriptor: drain the socket ({@code recv(DONTWAIT)} until it returns {@code null}) before
 * waiting; {@link #await} then checks {@code ZMQ_EVENTS} itself so no message already queued is slept on.
 * Wake-ups are coalesced: at most one byte is written per batch, until the owner calls {@link #rearm()}.
 */
public final class SocketWaiter implements AutoCloseable {

    private final ZMQ.Socket socket;

    private final Selector selector;

    private final Pipe pipe;

    private final SelectionKey wakeKey;

    private final AtomicBoolean wakePending = new AtomicBoolean();

    private final ByteBuffer drain = ByteBuffer.allocate(64);

    private final ByteBuffer one = ByteBuffer.allocate(1);

    private final Object sinkLock = new Object();

    /**
     * @param socket the socket to wait on; used by the owning thread only
     */
    public SocketWaiter(ZMQ.Socket socket) {
        this.socket = socket;
        try {
            this.selector = Selector.open();
            this.pipe = Pipe.open();
            pipe.source().configureBlocking(false);
            pipe.sink().configureBlocking(false);
            this.wakeKey = pipe.source().register(selector, SelectionKey.OP_READ);
            socket.getFD().register(selector, SelectionKey.OP_READ);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot set up a wait on a ZeroMQ socket", ex);
        }
    }

    /**
     * Any thread: wakes the owner unless a wake-up is already pending.
     */
    public void wake() {
        if (wakePending.compareAndSet(false, true)) {
            synchronized (sinkLock) {
                try {
                    one.clear();
                    one.put((byte) 1).flip();
                    pipe.sink().write(one);
                }
                catch (IOException ex) {
                    wakePending.set(false);
                }
            }
        }
    }

    /**
     * Owner: lets the next {@link #wake()} signal again; call it before draining the cross-thread queue.
     */
    public void rearm() {
        wakePending.set(false);
    }

    /**
     * Owner: returns when the socket has input (or, with {@code forOutput}, room to send), when
     * {@link #wake()} was called, or after {@code timeoutMillis} ({@code < 0}: no limit).
     * @param timeoutMillis longest wait; negative waits without limit
     * @param forOutput also return when the socket can send
     */
    public void await(long timeoutMillis, boolean forOutput) {
        int wanted = ZMQ.Poller.POLLIN | (forOutput ? ZMQ.Poller.POLLOUT : 0);
        if ((socket.getEvents() & wanted) != 0) {
            return;
        }
        try {
            if (timeoutMillis < 0) {
                selector.select();
            }
            else if (timeoutMillis == 0) {
                selector.selectNow();
            }
            else {
                selector.select(timeoutMillis);
            }
            if (wakeKey.isReadable()) {
                int read;
                do {
                    drain.clear();
                    read = pipe.source().read(drain);
                }
                while (read == drain.capacity());
            }
            selector.selectedKeys().clear();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Waiting on a ZeroMQ socket failed", ex);
        }
    }

    @Override
    public void close() {
        try {
            selector.close();
        }
        catch (IOException ex) {
            // nothing left to release
        }
        synchronized (sinkLock) {
            try {
                pipe.sink().close();
                pipe.source().close();
            }
            catch (IOException ex) {
                // nothing left to release
            }
        }
    }
}
