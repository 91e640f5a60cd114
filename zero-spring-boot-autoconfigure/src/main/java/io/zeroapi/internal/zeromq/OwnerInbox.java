package io.zeroapi.internal.zeromq;

import java.util.concurrent.ConcurrentLinkedQueue;

import org.jspecify.annotations.Nullable;

/**
 * Hands work from any thread to the one thread that owns a socket: a lock-free queue, and a {@link SocketWaker}
 * that wakes the owner in its socket's {@code recv} at most once per batch. Work added by the owner itself needs no
 * wake-up, as the owner drains its inboxes before it blocks again; nor does work added while the owner says it is
 * polling the inbox without blocking ({@link #polling}). Several inboxes may share one waker.
 *
 * @param <T> the type of the work handed over
 */
public final class OwnerInbox<T> {

    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();

    private final SocketWaker waker;

    private volatile boolean polling;

    public OwnerInbox(SocketWaker waker) {
        this.waker = waker;
    }

    /** Any thread: hands {@code item} to the owner and wakes it unless a wake-up is already pending. */
    public void add(T item) {
        queue.offer(item);
        if (!polling) {
            waker.wake();
        }
    }

    /**
     * Owner: whether it is polling the inbox without blocking (items added meanwhile need no wake-up). After
     * {@code polling(false)} it must look at the inbox again ({@link #isEmpty()}) before it blocks.
     */
    public void polling(boolean polling) {
        this.polling = polling;
    }

    /** Whether nothing is waiting. */
    public boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Owner: takes the next item, or {@code null}; {@link SocketWaker#rearm()} the waker before draining. */
    public @Nullable T poll() {
        return queue.poll();
    }

    /** Forgets what is waiting (when the owner has ended). */
    public void clear() {
        queue.clear();
    }
}
