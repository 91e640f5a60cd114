package io.zeroapi.server;

import java.util.concurrent.TimeUnit;

import io.zeroapi.internal.zeromq.AcceptFailures;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.zeromq.ZMQ;

/**
 * Stops listening for a while when the server cannot accept connections (out of file descriptors), instead of
 * letting JeroMQ retry the accept in a busy loop: the listening address is unbound, so new connections are refused
 * while existing ones are served, and bound again after a back-off of 100 ms doubling to 5 s. Logged at WARN once
 * per episode. Used by the I/O thread only.
 */
final class ZmqListenBackoff {

    private static final Log logger = LogFactory.getLog(ZeroServer.class);

    private static final long INITIAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(5);

    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final ZMQ.Socket router;

    private final String address;

    private final AcceptFailures failures;

    private boolean listening = true;

    private long relistenAt;

    private long backoffNanos = INITIAL_NANOS;

    private long lastFailure;

    private boolean episode;

    ZmqListenBackoff(ZMQ.Socket router, String address, AcceptFailures failures) {
        this.router = router;
        this.address = address;
        this.failures = failures;
    }

    /** Unbinds after an accept failure, binds again once the back-off has passed. */
    void check(long now) {
        if (failures.takeFailure() && listening) {
            pause(now);
        }
        else if (!listening && now - relistenAt >= 0) {
            try {
                router.bind(address);
                listening = true;
            }
            catch (RuntimeException ex) {
                relistenAt = now + backoffNanos;
            }
        }
        if (episode && listening && now - lastFailure > QUIET_NANOS) {
            episode = false;
            backoffNanos = INITIAL_NANOS;
            logger.info("Zero server accepts connections on " + address + " normally again");
        }
    }

    private void pause(long now) {
        try {
            router.unbind(address);
        }
        catch (RuntimeException ex) {
            logger.debug("Could not stop listening on " + address, ex);
            return;
        }
        listening = false;
        lastFailure = now;
        relistenAt = now + backoffNanos;
        if (!episode) {
            episode = true;
            logger.warn("Zero server cannot accept connections on " + address + " (out of file descriptors? see "
                    + "'ulimit -n'); it stops listening for " + TimeUnit.NANOSECONDS.toMillis(backoffNanos)
                    + " ms at a time, up to " + TimeUnit.NANOSECONDS.toMillis(MAX_NANOS)
                    + " ms, and keeps serving the connections it has");
        }
        backoffNanos = Math.min(backoffNanos * 2, MAX_NANOS);
    }

    /** When the loop must wake to listen again, or {@code Long.MAX_VALUE} nanoseconds from now if listening. */
    long nanosUntilDue(long now) {
        return listening ? Long.MAX_VALUE : Math.max(0, relistenAt - now);
    }
}
