package io.zeroapi.server;

import java.util.ArrayList;
import java.util.concurrent.TimeUnit;

import io.zeroapi.internal.zeromq.ZmqErrors;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;


/**
 * Hands replies to the ROUTER for the I/O thread. A reply ZeroMQ refuses because its caller is not reading (the
 * caller's queue is at the high-water mark) joins that caller's backlog, retried while the loop goes on serving
 * everyone else; a backlog holds at most {@code maxBytes} (and {@value #MAX_REPLIES} replies), further replies to
 * that caller are dropped, counted and logged. Replies to a caller that disconnected are dropped. Every reply ends
 * in {@link RequestDispatcher#delivered}, sent or dropped. Used by the I/O thread only.
 */
final class ZmqReplySender {

    private static final int MAX_REPLIES = 100_000;

    /** Bytes a waiting reply costs besides its frame (the reply, its frame's header, the queue slot). */
    private static final int ENTRY_BYTES = 64;

    private static final int RETRY_MAX_MS = 4;

    private enum Sent { SENT, FULL, GONE }

    private final ZMQ.Socket router;

    private final RequestDispatcher dispatcher;

    private final RateLimitedLog log;

    private final long maxBytes;

    private final ArrayList<Peer> backlogged = new ArrayList<>();

    private int retryMs = 1;

    private long dropped;

    ZmqReplySender(ZMQ.Socket router, RequestDispatcher dispatcher, RateLimitedLog log, long maxBytes) {
        this.router = router;
        this.dispatcher = dispatcher;
        this.log = log;
        this.maxBytes = maxBytes;
    }

    /** Sends a reply now, or puts it in its caller's backlog. */
    void send(Reply reply) {
        Peer peer = reply.peer();
        if (!peer.backlog.isEmpty()) {
            enqueue(peer, reply);
            return;
        }
        if (trySend(reply) == Sent.FULL) {
            enqueue(peer, reply);
        }
        else {
            dispatcher.delivered(reply);
        }
    }

    /** Whether some caller has replies waiting. */
    boolean hasBacklog() {
        return !backlogged.isEmpty();
    }

    /** When to retry the backlogs: 1 ms after progress, doubling up to 4 ms while callers read nothing. */
    long retryNanos() {
        return TimeUnit.MILLISECONDS.toNanos(retryMs);
    }

    /** Sends what the callers with a backlog have made room for. */
    void retry() {
        if (backlogged.isEmpty()) {
            return;
        }
        boolean progress = false;
        for (int i = backlogged.size() - 1; i >= 0; i--) {
            Peer peer = backlogged.get(i);
            progress |= flush(peer);
            if (peer.backlog.isEmpty()) {
                peer.backlogged = false;
                backlogged.set(i, backlogged.get(backlogged.size() - 1));
                backlogged.remove(backlogged.size() - 1);
            }
        }
        retryMs = progress ? 1 : Math.min(retryMs * 2, RETRY_MAX_MS);
    }

    private void enqueue(Peer peer, Reply reply) {
        long bytes = reply.frame().length + ENTRY_BYTES;
        if (peer.backlog.size() >= MAX_REPLIES || peer.backlogBytes + bytes > maxBytes) {
            dropped++;
            log.warn("backlog", "Dropped a reply to a caller that is not reading its replies (" + peer.backlog.size()
                    + " replies, " + peer.backlogBytes + " bytes waiting; " + dropped + " dropped so far)", null);
            dispatcher.delivered(reply);
            return;
        }
        peer.backlog.add(reply);
        peer.backlogBytes += bytes;
        if (!peer.backlogged) {
            peer.backlogged = true;
            backlogged.add(peer);
        }
    }

    /** Sends what the peer's queue has room for; returns whether anything went out. */
    private boolean flush(Peer peer) {
        boolean progress = false;
        Reply head;
        while ((head = peer.backlog.peek()) != null) {
            Sent sent = trySend(head);
            if (sent == Sent.FULL) {
                return progress;
            }
            if (sent == Sent.GONE) {
                dropBacklog(peer);
                return true;
            }
            peer.backlog.poll();
            peer.backlogBytes -= head.frame().length + ENTRY_BYTES;
            dispatcher.delivered(head);
            progress = true;
        }
        return progress;
    }

    private void dropBacklog(Peer peer) {
        Reply[] gone = peer.backlog.toArray(new Reply[0]);
        peer.backlog.clear();
        peer.backlogBytes = 0;
        for (Reply reply : gone) {
            dispatcher.delivered(reply);
        }
    }

    /** Sends a reply: {@code FULL} if the caller's queue is full, {@code GONE} if the caller has disconnected. */
    private Sent trySend(Reply reply) {
        try {
            if (!router.send(reply.peer().identity, ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
                return Sent.FULL;
            }
            router.send(reply.frame(), ZMQ.DONTWAIT);
            return Sent.SENT;
        }
        catch (ZMQException ex) {
            if (!ZmqErrors.isHostUnreachable(ex)) {
                throw ex;
            }
            log.debug("unreachable", "Dropped a reply: the caller has disconnected");
            return Sent.GONE;
        }
    }
}
