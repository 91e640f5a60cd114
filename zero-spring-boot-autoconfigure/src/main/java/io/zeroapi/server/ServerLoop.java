package io.zeroapi.server;

import java.util.concurrent.CompletableFuture;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import zmq.ZError;

/**
 * The I/O thread's loop; the only code touching the ROUTER socket. Each turn receives everything available
 * (up to a batch) without blocking and dispatches it, sends every queued reply, and only then blocks in a poll
 * on the ROUTER and the reply queue's wake-up signal. On stop it keeps answering (new calls get "server is
 * shutting down") until no call is in flight or the grace period has passed, then closes the socket.
 */
final class ServerLoop implements Runnable {

    private static final Log logger = LogFactory.getLog(ZeroServer.class);

    private static final int BATCH = 256;

    private final ZContext context;

    private final ZMQ.Socket router;

    private final RequestDispatcher dispatcher;

    private final ReplyQueue replies;

    private final RateLimitedLog log;

    private final CompletableFuture<Void> terminated = new CompletableFuture<>();

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
        ZMQ.Poller poller = context.createPoller(2);
        try {
            poller.register(router, ZMQ.Poller.POLLIN);
            poller.register(replies.signal(), ZMQ.Poller.POLLIN);
            loop(poller);
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
            closeQuietly(poller);
            replies.close();
            terminated.complete(null);
        }
    }

    private void loop(ZMQ.Poller poller) {
        boolean draining = false;
        while (true) {
            if (stopRequested && !draining) {
                draining = true;
                dispatcher.drain();
            }
            int received = receive();
            boolean sent = send();
            if (draining && (dispatcher.inFlight() == 0 || !waitForever && System.nanoTime() - stopDeadline >= 0)) {
                if (dispatcher.inFlight() > 0) {
                    logger.warn("Zero server closing with " + dispatcher.inFlight()
                            + " calls still in flight after the grace period");
                }
                return;
            }
            if (received < BATCH && !sent) {
                poller.poll(pollTimeout(draining));
                if (poller.pollin(1)) {
                    replies.consumeSignal();
                }
            }
        }
    }

    private long pollTimeout(boolean draining) {
        if (!draining || waitForever) {
            return -1;
        }
        return Math.max(1, (stopDeadline - System.nanoTime()) / 1_000_000 + 1);
    }

    private int receive() {
        int count = 0;
        while (count < BATCH) {
            byte[] identity = router.recv(ZMQ.DONTWAIT);
            if (identity == null) {
                break;
            }
            count++;
            if (!router.hasReceiveMore()) {
                log.debug("frames", "Dropped a message of 1 frame; Zero requests have exactly 2 at the ROUTER");
                continue;
            }
            byte[] data = router.recv(0);
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
        boolean sent = false;
        Reply reply;
        while ((reply = replies.poll()) != null) {
            dispatcher.replied(reply);
            sent = true;
            try {
                if (router.send(reply.identity(), ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
                    router.send(reply.frame(), ZMQ.DONTWAIT);
                }
                else {
                    log.debug("unsent", "Dropped a reply: the caller's queue is full (EAGAIN)");
                }
            }
            catch (ZMQException ex) {
                if (ex.getErrorCode() != ZError.EHOSTUNREACH) {
                    throw ex;
                }
                log.debug("unreachable", "Dropped a reply: the caller has disconnected");
            }
        }
        return sent;
    }

    private void closeQuietly(ZMQ.Poller poller) {
        try {
            poller.close();
        }
        finally {
            if (!context.isClosed()) {
                context.destroySocket(router);
            }
        }
    }
}
