package io.zeroapi.server;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.zeroapi.transport.SocketWaker;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import zmq.ZError;

/**
 * The I/O thread's loop; the only code touching the ROUTER socket. Each turn sends every queued reply, then
 * blocks in the ROUTER's {@code recv} for the next message and takes whatever else is there (up to a batch)
 * without blocking, and dispatches it. Replies from other threads wake it with a message on the same ROUTER
 * (see {@link io.zeroapi.transport.SocketWaker}), so it never waits in a poller. On stop it keeps answering (new calls get "server is
 * shutting down") until no call is in flight or the grace period has passed, then closes the socket.
 * <p>
 * A reply the ROUTER refuses because the caller's queue is full (the caller sends faster than it reads) is kept
 * and retried every millisecond, and no new request is read until every kept reply is sent: the backlog stays bounded and the
 * pressure goes back to the callers over TCP. A reply its caller has not made room for within
 * {@link #UNSENT_REPLY_TIMEOUT_NANOS} is dropped with a warning.
 */
final class ServerLoop implements Runnable {

    private static final Log logger = LogFactory.getLog(ZeroServer.class);

    private static final int BATCH = 256;

    private static final long UNSENT_REPLY_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static final long UNSENT_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final ZContext context;

    private final ZMQ.Socket router;

    private final RequestDispatcher dispatcher;

    private final ReplyQueue replies;

    private final RateLimitedLog log;

    private final CompletableFuture<Void> terminated = new CompletableFuture<>();

    private final ArrayDeque<Unsent> unsent = new ArrayDeque<>();

    private int receiveTimeout = -1;

    private boolean draining;

    private volatile boolean stopRequested;

    private volatile long stopDeadline;

    private volatile boolean waitForever;

    ServerLoop(ZContext context, ZMQ.Socket router, RequestDispatcher dispatcher, ReplyQueue replies,
            RateLimitedLog log) {
        this.context = context;
        this.router = router;
        this.dispatcher = dispatcher;
        this.replies = replies;
        this.log = log;
    }

    /**
     * Asks the loop to drain and close; a negative grace period waits for every call.
     * @return completed once the socket is closed
     */
    CompletableFuture<Void> stop(long gracePeriodNanos) {
        if (!stopRequested) {
            waitForever = gracePeriodNanos < 0;
            stopDeadline = System.nanoTime() + Math.max(gracePeriodNanos, 0);
            stopRequested = true;
        }
        else if (gracePeriodNanos >= 0) {
            waitForever = false;
            stopDeadline = Math.min(stopDeadline, System.nanoTime() + gracePeriodNanos);
        }
        replies.wake();
        return terminated;
    }

    CompletableFuture<Void> terminated() {
        return terminated;
    }

    @Override
    public void run() {
        replies.owner(Thread.currentThread());
        try {
            loop();
        }
        catch (ZMQException ex) {
            if (ex.getErrorCode() != ZError.ETERM) {
                logger.error("Zero server I/O thread failed", ex);
            }
        }
        catch (Throwable ex) {
            logger.error("Zero server I/O thread failed", ex);
        }
        finally {
            replies.close();
            closeRouter();
            terminated.complete(null);
        }
    }

    private void loop() {
        while (true) {
            checkStop();
            boolean sent = send();
            if (draining && (dispatcher.inFlight() == 0 || !waitForever && System.nanoTime() - stopDeadline >= 0)) {
                if (dispatcher.inFlight() > 0) {
                    logger.warn("Zero server closing with " + dispatcher.inFlight()
                            + " calls still in flight after the grace period");
                }
                return;
            }
            if (!unsent.isEmpty()) {
                if (!sent) {
                    LockSupport.parkNanos(UNSENT_RETRY_NANOS);
                }
                continue;
            }
            receive(receiveTimeout(draining));
        }
    }

    /** Starts draining once a stop was requested: from then on, new calls are refused. */
    private void checkStop() {
        if (stopRequested && !draining) {
            draining = true;
            dispatcher.drain();
        }
    }

    private int receiveTimeout(boolean draining) {
        if (!draining || waitForever) {
            return -1;
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (stopDeadline - System.nanoTime()) / 1_000_000 + 1));
    }

    /**
     * Blocks for the first message (up to {@code timeoutMillis}; negative: no limit), then takes whatever else
     * is there, up to a batch, without blocking.
     */
    private int receive(int timeoutMillis) {
        if (timeoutMillis != receiveTimeout) {
            router.setReceiveTimeOut(timeoutMillis);
            receiveTimeout = timeoutMillis;
        }
        int count = 0;
        while (count < BATCH) {
            byte[] identity = router.recv(count == 0 ? 0 : ZMQ.DONTWAIT);
            if (identity == null) {
                break;
            }
            count++;
            if (SocketWaker.isWakeUp(identity)) {
                while (router.hasReceiveMore()) {
                    router.recv(0);
                }
                continue;
            }
            if (!router.hasReceiveMore()) {
                log.debug("frames", "Dropped a message of 1 frame; Zero requests have exactly 2 at the ROUTER");
                continue;
            }
            byte[] data = router.recv(0);
            checkStop();
            if (router.hasReceiveMore()) {
                int frames = 2;
                while (router.hasReceiveMore()) {
                    router.recv(0);
                    frames++;
                }
                log.debug("frames", "Dropped a message of " + frames + " frames; Zero requests have exactly 2 "
                        + "at the ROUTER (is the client a REQ socket instead of a DEALER?)");
                continue;
            }
            dispatcher.dispatch(identity, data);
        }
        return count;
    }

    private boolean send() {
        replies.rearm();
        boolean sent = retryUnsent();
        Reply reply;
        while ((reply = replies.poll()) != null) {
            sent = true;
            if (!trySend(reply)) {
                unsent.add(new Unsent(reply, System.nanoTime()));
            }
        }
        return sent;
    }

    private boolean retryUnsent() {
        boolean progress = false;
        long now = System.nanoTime();
        for (Iterator<Unsent> it = unsent.iterator(); it.hasNext();) {
            Unsent next = it.next();
            if (trySend(next.reply())) {
                it.remove();
                progress = true;
            }
            else if (now - next.since() > UNSENT_REPLY_TIMEOUT_NANOS) {
                it.remove();
                dispatcher.replied(next.reply());
                log.warn("unsent", "Dropped a reply: the caller has not read its replies for "
                        + TimeUnit.NANOSECONDS.toSeconds(UNSENT_REPLY_TIMEOUT_NANOS) + "s", null);
            }
        }
        return progress;
    }

    /** Sends a reply, or returns {@code false} if the caller's queue is full and it must be retried. */
    private boolean trySend(Reply reply) {
        try {
            if (!router.send(reply.identity(), ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
                return false;
            }
            router.send(reply.frame(), ZMQ.DONTWAIT);
        }
        catch (ZMQException ex) {
            if (ex.getErrorCode() != ZError.EHOSTUNREACH) {
                throw ex;
            }
            log.debug("unreachable", "Dropped a reply: the caller has disconnected");
        }
        dispatcher.replied(reply);
        return true;
    }

    private record Unsent(Reply reply, long since) {
    }

    private void closeRouter() {
        if (!context.isClosed()) {
            context.destroySocket(router);
        }
    }
}
