package io.zeroapi.server;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.zeroapi.frame.RequestFrame;
import io.zeroapi.frame.ZeroFrameException;
import io.zeroapi.internal.zeromq.SocketWaker;
import io.zeroapi.internal.zeromq.ZmqErrors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;


/**
 * The I/O thread's loop; the only code touching the ROUTER socket. Each turn it hands the replies that arrived to
 * ZeroMQ (through the {@link ZmqReplySender}, which keeps the replies of callers that are not reading in their own
 * backlogs), answers calls past their deadline (a {@link DeadlineTicker} wakes it for them), then blocks in the
 * ROUTER's {@code recv} for the next message and takes whatever else is there (up to a batch, and at most about a
 * millisecond) without blocking, and dispatches it. Replies from other threads wake it with a message on the same
 * ROUTER (see {@link SocketWaker}), so it never waits in a poller.
 * <p>
 * With the default worker pool ({@link WorkerPool}), a worker call that comes to an idle loop while no other is on
 * the workers and nobody pipelines (a lone blocking caller's; {@link LoneCallGate} decides) is not handed to a
 * worker: the loop's thread runs it itself in one of the pool's slots, having offered the loop to a second thread,
 * which takes it over if the call blocks ({@link LoopHandover}): at once when others are calling, else within 20 ms.
 * The two threads take turns, so the handler may run on either; a quick call costs no thread hand-off at all.
 * <p>
 * On stop it keeps answering (new calls
 * get "server is shutting down") until no call is in flight and no reply waits, or the grace period has passed;
 * then every call still in flight is answered "server is shutting down", and the socket closes once those replies
 * have left (at most a second later).
 */
final class ZmqServerLoop implements Runnable {

    private static final Log logger = LogFactory.getLog(ZeroServer.class);

    private static final int BATCH = 256;

    private static final long BATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    /** How long the loop polls for the workers' replies (and new requests) before it blocks, while it awaits some. */
    static final long REPLY_POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    /** How long the last replies (e.g. "server is shutting down") may take to leave once the socket closes. */
    private static final int CLOSE_LINGER_MS = 1000;

    /** How long replies waiting for slow callers may still go out once the grace period is over. */
    private static final long CLOSE_FLUSH_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ZMQ.Socket router;

    private final RequestDispatcher dispatcher;

    private final ZmqReplyQueue replies;

    private final ReplyBodies bodies;

    private final RateLimitedLog log;

    private final Consumer<Throwable> onFailure;

    private final ZmqListenBackoff listen;

    private final ZmqReplySender sender;

    private final CompletableFuture<Void> terminated = new CompletableFuture<>();

    private final SpinPolicy replyPoll = new SpinPolicy(REPLY_POLL_NANOS);

    private final @Nullable LoopHandover handover;

    /** Whether the loop's thread runs a lone worker call itself; {@code null} (no default pool): never. */
    private final @Nullable LoneCallGate loneCalls;

    private int receiveTimeout = -1;

    private boolean closing;

    private long closeDeadline;

    private volatile boolean stopRequested;

    private volatile long stopDeadline;

    private volatile boolean waitForever;

    ZmqServerLoop(ZMQ.Socket router, RequestDispatcher dispatcher, ZmqReplyQueue replies, ReplyBodies bodies,
            RateLimitedLog log, ZeroServerSettings settings, ZmqListenBackoff listen, @Nullable WorkerPool pool,
            Consumer<Throwable> onFailure) {
        this.router = router;
        this.dispatcher = dispatcher;
        this.replies = replies;
        this.bodies = bodies;
        this.log = log;
        this.onFailure = onFailure;
        this.listen = listen;
        this.sender = new ZmqReplySender(router, dispatcher, log, settings.peerBufferBudget());
        if (pool == null) {
            this.handover = null;
            this.loneCalls = null;
        }
        else {
            this.handover = new LoopHandover(this::startStandby);
            this.loneCalls = new LoneCallGate(pool, handover, dispatcher::inFlight, this::requestsWaiting);
            dispatcher.holdLoneCalls();
        }
    }

    /** The first offer of the loop: starts the second thread, named after the first. */
    private void startStandby() {
        Thread standby = new Thread(() -> serve(false), Thread.currentThread().getName() + "-2");
        standby.setDaemon(false);
        standby.start();
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

    /** Calls in flight; any thread may ask. */
    int inFlight() {
        return dispatcher.inFlight();
    }

    CompletableFuture<Void> terminated() {
        return terminated;
    }

    @Override
    public void run() {
        serve(true);
    }

    /**
     * Runs the loop while this thread holds it; with a {@link LoopHandover}, waits for its turn whenever the other
     * thread has taken the loop, until the loop ends.
     */
    private void serve(boolean holding) {
        if (!holding && !handover.awaitTurn()) {
            return;
        }
        while (true) {
            replies.owner(Thread.currentThread());
            boolean ended = true;
            try {
                ended = loop();
            }
            catch (ZMQException ex) {
                if (!ZmqErrors.isTerminated(ex)) {
                    failed(ex);
                }
            }
            catch (Throwable ex) {
                failed(ex);
            }
            if (ended) {
                close();
                return;
            }
            if (!handover.awaitTurn()) {
                return;
            }
        }
    }

    private void close() {
        try {
            replies.close();
            try {
                router.setLinger(CLOSE_LINGER_MS);
                router.close();
            }
            catch (RuntimeException ex) {
                logger.debug("Ignoring a failure while closing the Zero server socket", ex);
            }
        }
        finally {
            if (handover != null) {
                handover.close();
            }
            terminated.complete(null);
        }
    }

    private void failed(Throwable ex) {
        logger.error("Zero server I/O thread failed", ex);
        if (!stopRequested) {
            onFailure.accept(ex);
        }
    }

    /** Runs the loop until it ends ({@code true}) or this thread lost it to the standby ({@code false}). */
    private boolean loop() {
        while (true) {
            checkStop();
            long now = System.nanoTime();
            takeReplies();
            sender.retry();
            expireCalls(now);
            listen.check(now);
            if (dispatcher.isDraining()) {
                if (dispatcher.inFlight() == 0 && !sender.hasBacklog()) {
                    return true;
                }
                if (!waitForever && now - stopDeadline >= 0) {
                    if (!closing) {
                        closing = true;
                        closeDeadline = now + CLOSE_FLUSH_NANOS;
                        answerRemaining();
                    }
                    if (!sender.hasBacklog() || now - closeDeadline >= 0) {
                        return true;
                    }
                }
            }
            receive(receiveTimeout(now));
            Invocation lone = dispatcher.takeLoneCall();
            if (lone != null && !runLone(lone)) {
                return false;
            }
        }
    }

    /**
     * A worker call that is the only one on the workers: runs it on this thread in one of the pool's slots, having
     * offered the loop to the standby meanwhile, when the {@link LoneCallGate} lets it; otherwise hands it to the
     * workers.
     * @return whether this thread still holds the loop
     */
    private boolean runLone(Invocation call) {
        if (!loneCalls.open()) {
            dispatcher.offload(call);
            return true;
        }
        try {
            call.run();
        }
        catch (Throwable ex) {
            logger.error("Zero function '" + call.function() + "' escaped its call's error handling", ex);
        }
        finally {
            loneCalls.release();
            Thread.interrupted();
        }
        return handover.reclaim();
    }

    /** Whether requests are waiting on the socket: then the next turn comes at once, and the call goes to a worker. */
    private boolean requestsWaiting() {
        return (router.getEvents() & ZMQ.Poller.POLLIN) != 0;
    }

    /** Starts draining once a stop was requested: from then on, new calls are refused. */
    private void checkStop() {
        if (stopRequested && !dispatcher.isDraining()) {
            dispatcher.drain();
        }
    }

    private int receiveTimeout(long now) {
        long nanos = Long.MAX_VALUE;
        if (sender.hasBacklog()) {
            nanos = sender.retryNanos();
        }
        if (dispatcher.isDraining() && !waitForever) {
            nanos = Math.min(nanos, stopDeadline - now);
        }
        nanos = Math.min(nanos, listen.nanosUntilDue(now));
        if (nanos == Long.MAX_VALUE) {
            return -1;
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, nanos / 1_000_000 + 1));
    }

    /**
     * Blocks for the first message (up to {@code timeoutMillis}; negative: no limit), then takes whatever else
     * is there, up to a batch and about a millisecond, without blocking.
     */
    private void receive(int timeoutMillis) {
        if (timeoutMillis != receiveTimeout) {
            router.setReceiveTimeOut(timeoutMillis);
            receiveTimeout = timeoutMillis;
        }
        long start = 0;
        for (int count = 0; count < BATCH; count++) {
            byte[] identity = count == 0 ? first() : router.recv(ZMQ.DONTWAIT);
            if (identity == null) {
                return;
            }
            if (count == 0) {
                start = System.nanoTime();
            }
            else if ((count & 15) == 0 && System.nanoTime() - start > BATCH_NANOS) {
                count = BATCH;
            }
            if (SocketWaker.isWakeUp(identity)) {
                skipRest();
                continue;
            }
            if (!router.hasReceiveMore()) {
                log.debug("frames", "Dropped a message of 1 frame; Zero requests have exactly 2 at the ROUTER");
                continue;
            }
            byte[] data = router.recv(0);
            checkStop();
            if (router.hasReceiveMore()) {
                int frames = 2 + skipRest();
                log.debug("frames", "Dropped a message of " + frames + " frames; Zero requests have exactly 2 "
                        + "at the ROUTER (is the client a REQ socket instead of a DEALER?)");
                continue;
            }
            request(identity, data, start);
        }
    }

    /**
     * The first message of a turn, blocking for it (telling the {@link LoneCallGate} how long); or {@code null} if a
     * worker's reply came first. While one call on the workers awaits its reply, the loop first polls for both for a
     * moment ({@link #REPLY_POLL_NANOS}), so a quick handler's reply costs neither it nor the worker a wake-up.
     */
    private byte @Nullable [] first() {
        if (!dispatcher.awaitsOneWorkerCall() || !replyPoll.shouldPoll()) {
            if (loneCalls == null) {
                return router.recv(0);
            }
            long before = System.nanoTime();
            byte[] identity = router.recv(0);
            loneCalls.received(System.nanoTime() - before);
            return identity;
        }
        if (loneCalls != null) {
            loneCalls.polled();
        }
        replies.polling(true);
        long end = System.nanoTime() + replyPoll.nanos();
        try {
            do {
                byte[] identity = router.recv(ZMQ.DONTWAIT);
                if (identity != null) {
                    replyPoll.hit();
                    return identity;
                }
                if (!replies.isEmpty()) {
                    replyPoll.hit();
                    return null;
                }
                Thread.onSpinWait();
            }
            while (System.nanoTime() - end < 0);
        }
        finally {
            replies.polling(false);
        }
        replyPoll.miss();
        return replies.isEmpty() ? router.recv(0) : null;
    }

    private int skipRest() {
        int skipped = 0;
        while (router.hasReceiveMore()) {
            router.recv(0);
            skipped++;
        }
        return skipped;
    }

    private void takeReplies() {
        replies.rearm();
        Reply reply;
        while ((reply = replies.poll()) != null) {
            handle(reply);
        }
    }

    private void handle(Reply reply) {
        if (reply.counted()) {
            dispatcher.completed(reply.call());
        }
        sender.send(reply);
    }

    /** Answers the calls past the server's call timeout, freeing their slots. */
    private void expireCalls(long now) {
        dispatcher.expireCalls(now, this::handle);
    }

    /** The grace period is over: every call still in flight is answered "server is shutting down". */
    private void answerRemaining() {
        int answered = dispatcher.answerRemaining(this::handle);
        takeReplies();
        if (answered > 0) {
            logger.warn("Zero server closing: answered " + answered
                    + " calls still in flight after the grace period with \"server is shutting down\"");
        }
    }

    /**
     * Parses a request frame as the Python server does and hands it to the dispatcher; a frame shorter than a
     * request id is answered "function not found" (Zero echoes it as the id), one that is not a request frame
     * with Zero's generic server error.
     */
    private void request(byte[] identity, byte[] data, long receivedNanos) {
        Peer peer = dispatcher.peer(identity);
        if (loneCalls != null) {
            loneCalls.request(identity, peer.outstanding, receivedNanos);
        }
        if (data.length < RequestFrame.ID_LENGTH) {
            log.warn("short", "Frame of " + data.length + " bytes is shorter than a request id", null);
            dispatcher.answer(peer, data, bodies.notFound(""), true);
            return;
        }
        RequestFrame request;
        try {
            request = RequestFrame.parse(data);
        }
        catch (ZeroFrameException ex) {
            log.warn("frame", "Undecodable request frame: " + ex.getMessage(), null);
            dispatcher.answer(peer, Arrays.copyOf(data, RequestFrame.ID_LENGTH), bodies.generic(), true);
            return;
        }
        dispatcher.dispatch(peer, request, receivedNanos);
    }
}
