package io.zeroapi.server;

import io.zeroapi.internal.zeromq.OwnerInbox;
import io.zeroapi.internal.zeromq.SocketWaker;
import org.jspecify.annotations.Nullable;

/**
 * The ZeroMQ transport's {@link ReplyChannel}: replies wait in an {@link OwnerInbox} and wake the I/O thread in
 * the ROUTER's {@code recv} at most once per batch.
 */
final class ZmqReplyQueue implements ReplyChannel {

    private final SocketWaker waker;

    private final OwnerInbox<Reply> inbox;

    ZmqReplyQueue(SocketWaker waker) {
        this.waker = waker;
        this.inbox = new OwnerInbox<>(waker);
    }

    /** Declares the I/O thread that drains this queue. */
    void owner(Thread thread) {
        waker.owner(thread);
    }

    @Override
    public boolean isIoThread() {
        return waker.isOwnerThread();
    }

    @Override
    public void add(Reply reply) {
        inbox.add(reply);
    }

    /** Wakes the I/O thread unless a wake-up is already pending. */
    void wake() {
        waker.wake();
    }

    /** I/O thread: allows the next reply to wake it again; call before draining the queue. */
    void rearm() {
        waker.rearm();
    }

    /** I/O thread: takes the next reply, or {@code null}; call {@link #rearm()} before the first poll. */
    @Nullable Reply poll() {
        return inbox.poll();
    }

    /**
     * I/O thread: it polls for replies without blocking, so replies need not wake it; after {@code polling(false)}
     * it must check {@link #isEmpty()} before it blocks.
     */
    void polling(boolean polling) {
        inbox.polling(polling);
    }

    /** Whether no reply waits. */
    boolean isEmpty() {
        return inbox.isEmpty();
    }

    /** Closes the waker and forgets the replies left (the socket is closing). */
    void close() {
        waker.close();
        inbox.clear();
    }
}
