package io.zeroapi.client;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

import io.zeroapi.ZeroConnectionException;
import io.zeroapi.ZeroException;
import io.zeroapi.ZeroTimeoutException;

/**
 * One call in flight: its id, request frame and future. Completed exactly once, by its reply (I/O thread),
 * its expiry (timer thread, or the blocking caller that waits on it), the caller cancelling the future, or the
 * connection failing or closing.
 */
final class PendingCall {

    final RequestId id;

    final byte[] frame;

    final String rpc;

    final String address;

    final Duration timeout;

    final CallFuture future = new CallFuture(this);

    private final Type returnType;

    private final ReplyReader reader;

    private volatile boolean sent;

    private volatile boolean direct;

    private volatile ScheduledFuture<?> expiry;

    PendingCall(RequestId id, byte[] frame, String rpc, String address, Duration timeout, Type returnType,
            ReplyReader reader) {
        this.id = id;
        this.frame = frame;
        this.rpc = rpc;
        this.address = address;
        this.timeout = timeout;
        this.returnType = returnType;
        this.reader = reader;
    }

    boolean isDone() {
        return future.isDone();
    }

    /** Called by the I/O thread once the request is on the socket. */
    void markSent() {
        sent = true;
    }

    /** Called by a caller that wrote the request itself, on a socket of its own (not the I/O thread's). */
    void markSentDirectly() {
        direct = true;
        sent = true;
    }

    /** Whether the request went out on the I/O thread's socket (so that socket breaking fails it). */
    boolean isSentByIoThread() {
        return sent && !direct;
    }

    /** Whether the request is on the socket, so that only a reply (or the connection breaking) can end the wait. */
    boolean isSent() {
        return sent;
    }

    void setExpiry(ScheduledFuture<?> expiry) {
        this.expiry = expiry;
    }

    void cancelExpiry() {
        ScheduledFuture<?> task = expiry;
        if (task != null) {
            task.cancel(false);
        }
    }

    /** Called by the I/O thread with the reply frame, whose body starts at {@code bodyOffset}. */
    void complete(byte[] reply, int bodyOffset) {
        try {
            future.complete(reader.read(reply, bodyOffset, returnType, rpc, address));
        }
        catch (ZeroException ex) {
            future.completeExceptionally(ex);
        }
        catch (RuntimeException ex) {
            future.completeExceptionally(new ZeroException(rpc + " at " + address + ": cannot read reply: " + ex, ex));
        }
    }

    /** Called by the timer: a request never sent means no connection came up in time. */
    void expire() {
        String within = CallTimer.describe(timeout);
        if (sent) {
            future.completeExceptionally(
                    new ZeroTimeoutException(rpc, address, "no reply within " + within));
        }
        else {
            future.completeExceptionally(
                    new ZeroConnectionException(rpc, address, "no connection within " + within));
        }
    }

    void fail(ZeroException ex) {
        future.completeExceptionally(ex);
    }
}
