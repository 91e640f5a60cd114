package io.zeroapi.server;

import java.util.concurrent.ConcurrentLinkedQueue;

import io.zeroapi.transport.SocketWaker;

/**
 * Carries replies from workers and completing futures to the I/O thread: a lock-free queue, and a
 * {@link SocketWaker} that wakes the I/O thread in the ROUTER's {@code recv} at most once per batch. Replies
 * added by the I/O thread itself need no wake-up, as it drains the queue before it blocks again.
 */
final class ReplyQueue implements AutoCloseable {

    private final ConcurrentLinkedQueue<Reply> queue = new ConcurrentLinkedQueue<>();

    private final SocketWaker waker;

    private volatile Thread owner;

    ReplyQueue(SocketWaker waker) {
        this.waker = waker;
    }

    /** Declares the I/O thread that drains this queue. */
    void owner(Thread thread) {
        owner = thread;
        waker.owner(thread);
    }

    /** The I/O thread that drains this queue. */
    Thread owner() {
        return owner;
    }

    void add(Reply reply) {
        queue.offer(reply);
        waker.wake();
    }

    /** Wakes the I/O thread unless a wake-up is already pending. */
    void wake() {
        waker.wake();
    }

    /** I/O thread: takes the next reply, or {@code null}; call {@link #rearm()} before the first poll. */
    Reply poll() {
        return queue.poll();
    }

    /** I/O thread: allows the next reply to wake it again; call before draining the queue. */
    void rearm() {
        waker.rearm();
    }

    @Override
    public void close() {
        waker.close();
        queue.clear();
    }
}
