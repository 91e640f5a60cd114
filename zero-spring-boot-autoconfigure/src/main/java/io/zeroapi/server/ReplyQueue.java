package io.zeroapi.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectableChannel;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Carries replies from workers and completing futures to the I/O thread: a lock-free queue plus a wake-up
 * signal (one byte on a pipe the I/O thread polls next to the ROUTER). The signal is written at most once per
 * batch: the first reply after the I/O thread last drained the queue writes it, the others only enqueue.
 * Replies added by the I/O thread itself need no signal, as it drains the queue before it polls again.
 */
final class ReplyQueue implements AutoCloseable {

    private final ConcurrentLinkedQueue<Reply> queue = new ConcurrentLinkedQueue<>();

    private final AtomicBoolean wakeupPending = new AtomicBoolean();

    private final Pipe pipe;

    private final ByteBuffer drainBuffer = ByteBuffer.allocate(64);

    private volatile Thread owner;

    ReplyQueue() {
        try {
            this.pipe = Pipe.open();
            pipe.source().configureBlocking(false);
            pipe.sink().configureBlocking(false);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot open the Zero server's wake-up pipe", ex);
        }
    }

    /** Declares the I/O thread that drains this queue. */
    void owner(Thread thread) {
        this.owner = thread;
    }

    /** Channel the I/O thread polls for wake-ups. */
    SelectableChannel signal() {
        return pipe.source();
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
            try {
                pipe.sink().write(ByteBuffer.wrap(new byte[] { 1 }));
            }
            catch (IOException ex) {
                wakeupPending.set(false);
            }
        }
    }

    /** I/O thread: takes the next reply, or {@code null}; call {@link #rearm()} before the first poll. */
    Reply poll() {
        return queue.poll();
    }

    /** I/O thread: allows the next reply to signal again; call before draining the queue. */
    void rearm() {
        wakeupPending.set(false);
    }

    /** I/O thread: consumes signal bytes after the pipe polled readable. */
    void consumeSignal() {
        try {
            int read;
            do {
                drainBuffer.clear();
                read = pipe.source().read(drainBuffer);
            }
            while (read == drainBuffer.capacity());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        try {
            pipe.sink().close();
            pipe.source().close();
        }
        catch (IOException ex) {
            // closing a pipe only fails if already broken: nothing left to release
        }
        queue.clear();
    }
}
