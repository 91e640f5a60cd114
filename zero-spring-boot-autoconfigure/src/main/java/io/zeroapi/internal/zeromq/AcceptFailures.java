package io.zeroapi.internal.zeromq;

import java.util.concurrent.atomic.AtomicBoolean;

import org.zeromq.ZMQ;
import zmq.ZError;

/**
 * Notices when a listening socket cannot accept connections (typically out of file descriptors), so its owner can
 * stop listening for a while: JeroMQ 0.6.0 retries the failed accept on every turn of its I/O thread, a busy spin
 * at 100% CPU. A connection reset by its peer before it was accepted is not a failure. Installed with
 * {@link #install}; the hook runs on JeroMQ's I/O thread and only raises a flag and wakes the owner.
 */
public final class AcceptFailures implements zmq.ZMQ.EventConsummer {

    private final AtomicBoolean failed = new AtomicBoolean();

    private final Runnable wake;

    private AcceptFailures(Runnable wake) {
        this.wake = wake;
    }

    /**
     * Watches {@code socket}'s accept failures; call before binding.
     * @param wake wakes the socket's owner (any thread may call it)
     */
    public static AcceptFailures install(ZMQ.Socket socket, Runnable wake) {
        AcceptFailures failures = new AcceptFailures(wake);
        socket.base().setEventHook(failures, ZMQ.EVENT_ACCEPT_FAILED);
        return failures;
    }

    @Override
    public void consume(zmq.ZMQ.Event event) {
        if (event.event == ZMQ.EVENT_ACCEPT_FAILED && !(event.arg instanceof Integer code && code == ZError.EADDRNOTAVAIL)
                && failed.compareAndSet(false, true)) {
            wake.run();
        }
    }

    /** Whether an accept failed since the last call; clears the flag. */
    public boolean takeFailure() {
        return failed.getAndSet(false);
    }
}
