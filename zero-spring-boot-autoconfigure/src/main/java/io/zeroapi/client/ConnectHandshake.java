package io.zeroapi.client;

import io.zeroapi.frame.RequestFrame;
import org.jspecify.annotations.Nullable;

/**
 * Zero's {@code connect} handshake on each new connection, as Python clients send it: calls are held until
 * {@code "connected"} comes back. A handshake unanswered within its timeout (1 s, doubling up to 8 s while
 * handshakes keep failing, back to 1 s once one is answered) means the connection should be replaced. Touched by
 * the I/O thread only.
 */
final class ConnectHandshake {

    static final long TIMEOUT_MS = 1000;

    private static final long TIMEOUT_MAX_MS = 8000;

    private @Nullable RequestId id;

    private byte[] frame = new byte[0];

    private boolean sent;

    private long deadline;

    private long timeout = TIMEOUT_MS;

    /** Starts the handshake of a new connection at {@code nowMillis}. */
    void start(long nowMillis) {
        RequestId next = RequestId.random();
        id = next;
        frame = RequestFrame.connect(next.toBytes());
        sent = false;
        deadline = nowMillis + timeout;
    }

    /** Whether a handshake is waiting for its answer (calls are held). */
    boolean isPending() {
        return id != null;
    }

    /** The frame to send while {@link #needsSending()}. */
    byte[] frame() {
        return frame;
    }

    /** Whether the handshake frame has not been written yet. */
    boolean needsSending() {
        return id != null && !sent;
    }

    void markSent() {
        sent = true;
    }

    /** Whether the pending handshake's timeout has passed at {@code nowMillis}. */
    boolean isOverdue(long nowMillis) {
        return id != null && nowMillis - deadline >= 0;
    }

    /** Milliseconds until the pending handshake is overdue (at least 1). */
    long millisLeft(long nowMillis) {
        return Math.max(1, deadline - nowMillis);
    }

    /** The current timeout, in milliseconds. */
    long timeoutMillis() {
        return timeout;
    }

    /** The handshake went unanswered: the next one gets twice the time. */
    void failed() {
        timeout = Math.min(timeout * 2, TIMEOUT_MAX_MS);
        id = null;
    }

    /** Whether {@code reply} answers the pending handshake; if so, the handshake is over. */
    boolean answeredBy(RequestId reply) {
        if (id == null || !id.equals(reply)) {
            return false;
        }
        id = null;
        timeout = TIMEOUT_MS;
        return true;
    }

    /** Forgets the pending handshake (its connection is gone). */
    void cancel() {
        id = null;
    }
}
