package io.zeroapi.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.channel.EventLoop;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The event loop's side of a {@link TcpServerTransport}: its {@link ReplyChannel} and the books of its connections.
 * Replies made on the event loop are written at once; replies from workers and completing futures wait in a
 * lock-free queue that one task per batch drains. Either way each connection written to is flushed once per batch
 * (at the end of the drain, or in one task after the current read batch), not once per reply. Answers the calls past
 * the call timeout on a tick, and on stop drains: new calls are refused until none is in flight or the grace period
 * has passed, then the calls left are answered "server is shutting down" and every connection closes once its
 * replies are written. Everything but {@link #add} and {@link #stop} runs on the event loop.
 */
final class TcpServerLoop implements ReplyChannel {

    private static final Log logger = LogFactory.getLog(ZeroServer.class);

    private static final long DRAIN_CHECK_MS = 10;

    private final EventLoop loop;

    private final long peerBufferBudget;

    private final RateLimitedLog log;

    private final Queue<Reply> inbox = new ConcurrentLinkedQueue<>();

    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    private final Map<Peers.Key, TcpServerConnection> connections = new HashMap<>();

    private final ArrayList<TcpServerConnection> dirty = new ArrayList<>();

    private final Runnable drain = this::drain;

    private final Runnable flush = this::flushDirty;

    private final CompletableFuture<Void> drained = new CompletableFuture<>();

    private RequestDispatcher dispatcher;

    private boolean flushScheduled;

    private long stopDeadline;

    private boolean waitForever;

    private ScheduledFuture<?> drainCheck;

    TcpServerLoop(EventLoop loop, long peerBufferBudget, RateLimitedLog log) {
        this.loop = loop;
        this.peerBufferBudget = peerBufferBudget;
        this.log = log;
    }

    /** Set once, before the first connection. */
    void dispatcher(RequestDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    RequestDispatcher dispatcher() {
        return dispatcher;
    }

    @Override
    public boolean isIoThread() {
        return loop.inEventLoop();
    }

    @Override
    public void add(Reply reply) {
        if (loop.inEventLoop()) {
            handle(reply);
            return;
        }
        inbox.add(reply);
        if (drainScheduled.compareAndSet(false, true)) {
            loop.execute(drain);
        }
    }

    void register(TcpServerConnection connection) {
        connections.put(connection.key(), connection);
    }

    void unregister(TcpServerConnection connection) {
        connections.remove(connection.key(), connection);
    }

    /** A reply on the event loop: its call's slot is freed, the frame written (or dropped if its caller is gone). */
    private void handle(Reply reply) {
        if (reply.counted()) {
            dispatcher.completed(reply.call());
        }
        TcpServerConnection connection = connections.get(reply.peer().key);
        if (connection != null) {
            if (connection.pendingWriteBytes() + reply.frame().length > peerBufferBudget) {
                log.warn("backlog", "Closing a connection that leaves more than " + peerBufferBudget
                        + " bytes of replies unread", null);
                connection.close();
            }
            else {
                connection.write(reply.frame());
                if (!connection.dirty) {
                    connection.dirty = true;
                    dirty.add(connection);
                    if (!flushScheduled) {
                        flushScheduled = true;
                        loop.execute(flush);
                    }
                }
            }
        }
        dispatcher.delivered(reply);
    }

    private void drain() {
        drainScheduled.set(false);
        Reply reply;
        while ((reply = inbox.poll()) != null) {
            handle(reply);
        }
        flushDirty();
    }

    /** Flushes every connection written to since the last flush. */
    void flushDirty() {
        flushScheduled = false;
        for (int i = 0; i < dirty.size(); i++) {
            TcpServerConnection connection = dirty.get(i);
            connection.dirty = false;
            connection.flush();
        }
        dirty.clear();
    }

    /** The deadline tick: answers the calls past the call timeout. */
    void expireCalls() {
        dispatcher.expireCalls(System.nanoTime(), this::handle);
        flushDirty();
    }

    /**
     * Any thread: starts draining (new calls are refused from now on, even those read before the event loop takes
     * the stop; a negative grace period waits for every call).
     * @return completed once no call is in flight, or the grace period is over and the calls left are answered
     */
    CompletableFuture<Void> stop(long gracePeriodNanos) {
        dispatcher.drain();
        loop.execute(() -> {
            long deadline = System.nanoTime() + Math.max(gracePeriodNanos, 0);
            if (drainCheck == null) {
                waitForever = gracePeriodNanos < 0;
                stopDeadline = deadline;
                drainCheck = loop.scheduleAtFixedRate(this::checkDrained, 0, DRAIN_CHECK_MS, TimeUnit.MILLISECONDS);
            }
            else if (gracePeriodNanos >= 0 && (waitForever || deadline - stopDeadline < 0)) {
                waitForever = false;
                stopDeadline = deadline;
            }
            checkDrained();
        });
        return drained;
    }

    private void checkDrained() {
        if (drained.isDone()) {
            return;
        }
        drain();
        if (dispatcher.inFlight() > 0) {
            if (waitForever || System.nanoTime() - stopDeadline < 0) {
                return;
            }
            int answered = dispatcher.answerRemaining(this::handle);
            flushDirty();
            if (answered > 0) {
                logger.warn("Zero TCP server closing: answered " + answered
                        + " calls still in flight after the grace period with \"server is shutting down\"");
            }
        }
        drainCheck.cancel(false);
        for (TcpServerConnection connection : new ArrayList<>(connections.values())) {
            connection.closeAfterWrites();
        }
        drained.complete(null);
    }

    /** Calls in flight; any thread may ask. */
    int inFlight() {
        return dispatcher.inFlight();
    }
}
