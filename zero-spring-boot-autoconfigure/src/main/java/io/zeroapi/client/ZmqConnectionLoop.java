package io.zeroapi.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

import io.zeroapi.ZeroConnectionException;
import io.zeroapi.ZeroConnectionLostException;
import io.zeroapi.frame.RequestFrame;
import io.zeroapi.internal.zeromq.OwnerInbox;
import io.zeroapi.internal.zeromq.RouterOptions;
import io.zeroapi.internal.zeromq.SocketWaker;
import io.zeroapi.internal.zeromq.ZmqErrors;
import io.zeroapi.internal.zeromq.ZmqSockets;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;


/**
 * The I/O thread of one {@link ZmqClientTransport}: the only thread that touches its socket. Each turn it runs the
 * tasks handed to it, moves newly submitted calls to its backlog, writes the backlog to the socket, then blocks in
 * the socket's {@code recv} for the next reply or wake-up (see {@link SocketWaker}) and dispatches replies to their
 * pending calls by request id.
 * <p>
 * The socket is a ROUTER that connects to the server under a routing alias ({@code ZMQ_CONNECT_ROUTING_ID}), so
 * the server sees an ordinary Zero client and the wake-ups can arrive on the same socket: the thread never waits
 * in a poller (JeroMQ 0.6.0's poller busy-loops, which cost more than half the throughput on 2 cores).
 * <p>
 * Every new connection first sends Zero's {@code connect} handshake (as Python clients do) and holds the calls
 * until {@code "connected"} comes back (see {@link ConnectHandshake}). A connection whose handshake gets no answer
 * in time is dropped for a fresh one under a new alias: under load JeroMQ 0.6.0 can leave a new connection that never delivers its first message (its connect
 * hang), and a call written to it would be lost. Calls never sent when they expire fail with
 * {@link ZeroConnectionException}. Once a connection has answered, requests go out at once. When it breaks (the
 * server went away or closed it, or ZeroMQ closed it on a reply over the maximum size), the calls sent on it fail at
 * once with {@code ZeroConnectionException}, as their replies can no longer come, and the calls not yet sent wait
 * for a fresh connection; a handshake interval of 500 ms bounds a stuck reconnection.
 */
final class ZmqConnectionLoop implements Runnable {

    private static final Log logger = LogFactory.getLog(ZeroConnection.class);

    static final int HANDSHAKE_INTERVAL_MS = 500;

    static final int RECONNECT_INTERVAL_MS = 100;

    static final int RECONNECT_INTERVAL_MAX_MS = 1000;

    private static final long RETRY_INTERVAL_MS = 10;

    private static final long PRUNE_INTERVAL_MS = 200;

    private static final int RECEIVE_BATCH = 4096;

    private final ZMQ.Socket router;

    private final SocketWaker waker;

    private final OwnerInbox<PendingCall> submitted;

    private final OwnerInbox<Runnable> tasks;

    private final PendingCalls calls;

    private final String address;

    private final String maxReplySize;

    private final ArrayDeque<PendingCall> backlog = new ArrayDeque<>();

    private volatile boolean running = true;

    private String connectedTo;

    private byte[] alias;

    private int generation;

    private final ConnectHandshake handshake = new ConnectHandshake();

    private final ConnectionStatus status;

    /** Whether to connect (and reconnect after a loss) without waiting for a call: a member of a group. */
    private boolean keepConnected;

    /** Whether a connection was lost (logged at WARN) and no new one has answered yet. */
    private boolean lost;

    private int receiveTimeout = -1;

    private long lastPrune;

    /**
     * @param router the socket from {@link #createSocket}, not yet connected
     * @param submitted the calls handed over by callers, each already in {@code calls}
     * @param address the server's ZeroMQ address
     */
    ZmqConnectionLoop(ZMQ.Socket router, SocketWaker waker, OwnerInbox<PendingCall> submitted, PendingCalls calls,
            String address, ZeroConnectionSettings settings, ConnectionStatus status, boolean keepConnected) {
        this.status = status;
        this.keepConnected = keepConnected;
        this.router = router;
        this.waker = waker;
        this.submitted = submitted;
        this.tasks = new OwnerInbox<>(waker);
        this.calls = calls;
        this.address = address;
        this.maxReplySize = settings.describeMaxReplySize();
        router.setEventHook(event -> execute(this::connectionLost), ZMQ.EVENT_DISCONNECTED);
    }

    /**
     * Creates the socket of a connection (not yet connected to the server): replies over the maximum size close the
     * connection, and no frame size reaches an allocation unchecked ({@link FrameSizeGuard}).
     * @param owner names the connection in log lines
     */
    static ZMQ.Socket createSocket(ZContext context, ZeroConnectionSettings settings, String owner) {
        ZMQ.Socket socket = ZmqSockets.router(context, new RouterOptions(owner, settings.maxInFlight() + 1024,
                settings.maxReplySize(), HANDSHAKE_INTERVAL_MS, settings.heartbeatInterval(),
                settings.heartbeatTimeout()));
        try {
            socket.setReconnectIVL(RECONNECT_INTERVAL_MS);
            socket.setReconnectIVLMax(RECONNECT_INTERVAL_MAX_MS);
            return socket;
        }
        catch (RuntimeException ex) {
            context.destroySocket(socket);
            throw ex;
        }
    }

    /** Any thread: runs {@code task} on the I/O thread at its next turn. */
    void execute(Runnable task) {
        tasks.add(task);
    }

    /** Any thread: makes the loop return at its next turn; wake it with the waker. */
    void stop() {
        running = false;
    }

    /** Runs until stopped; anything thrown means the connection can no longer be used. */
    @Override
    public void run() {
        while (running) {
            waker.rearm();
            runTasks();
            takeSubmitted();
            if (connectedTo == null && (keepConnected || !backlog.isEmpty())) {
                connect();
            }
            if (connectedTo != null) {
                if (handshake.isPending()) {
                    probe();
                }
                if (!handshake.isPending()) {
                    flush();
                }
            }
            prune();
            if (!running) {
                break;
            }
            receive(nextTimeout());
        }
    }

    private void runTasks() {
        Runnable task;
        while (running && (task = tasks.poll()) != null) {
            task.run();
        }
    }

    private int nextTimeout() {
        if (handshake.isPending()) {
            return (int) Math.min(handshake.millisLeft(System.currentTimeMillis()), PRUNE_INTERVAL_MS);
        }
        if (!backlog.isEmpty()) {
            return (int) (connectedTo == null ? PRUNE_INTERVAL_MS : RETRY_INTERVAL_MS);
        }
        return -1;
    }

    private void takeSubmitted() {
        PendingCall call;
        while ((call = submitted.poll()) != null) {
            if (!call.isDone()) {
                backlog.add(call);
            }
        }
    }

    private void connect() {
        String target = address;
        generation++;
        byte[] next = ("zero-server-" + generation).getBytes(StandardCharsets.US_ASCII);
        try {
            router.setConnectRid(next);
            router.connect(target);
        }
        catch (RuntimeException ex) {
            for (PendingCall call : backlog) {
                call.fail(new ZeroConnectionException(call.rpc, target, "cannot connect: " + ex));
            }
            backlog.clear();
            keepConnected = false;
            return;
        }
        connectedTo = target;
        alias = next;
        status.connecting(target);
        handshake.start(System.currentTimeMillis());
    }

    /** Sends the connect handshake of a new connection, and replaces the connection when it goes unanswered. */
    private void probe() {
        if (handshake.needsSending() && send(handshake.frame())) {
            handshake.markSent();
        }
        if (handshake.isOverdue(System.currentTimeMillis())) {
            logger.debug("No answer to the connect handshake from " + connectedTo + " within "
                    + handshake.timeoutMillis() + " ms; opening a new connection");
            handshake.failed();
            disconnect();
            if (keepConnected || !backlog.isEmpty()) {
                connect();
            }
        }
    }

    private void flush() {
        while (!backlog.isEmpty()) {
            PendingCall call = backlog.peek();
            if (!call.isDone()) {
                if (!send(call.frame)) {
                    return;
                }
                call.markSent();
            }
            backlog.poll();
        }
    }

    /** Writes one request to the server; {@code false} when its queue is full (retried later). */
    private boolean send(byte[] frame) {
        try {
            if (!router.send(alias, ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
                return false;
            }
            router.send(frame, ZMQ.DONTWAIT);
            return true;
        }
        catch (ZMQException ex) {
            if (ZmqErrors.isHostUnreachable(ex)) {
                return false;
            }
            throw ex;
        }
    }

    /**
     * A connection of the socket broke (JeroMQ's {@code DISCONNECTED} event). Replies that came before the break are
     * taken first; the calls still waiting were sent on the broken connection, so their replies can no longer come:
     * they fail at once, and the next call opens a fresh connection (the connection may be gone for good: JeroMQ does
     * not reconnect after a protocol error such as a reply over the maximum size). A connection that breaks before
     * its handshake is answered carries no call; the handshake's timeout replaces it.
     */
    private void connectionLost() {
        if (connectedTo == null) {
            return;
        }
        takeReady(Integer.MAX_VALUE);
        if (handshake.isPending()) {
            logger.debug("A connection to " + connectedTo + " broke before its handshake was answered");
            return;
        }
        status.lost(connectedTo);
        int failed = calls.failSent(call -> new ZeroConnectionLostException(call.rpc, call.address,
                "connection lost before the reply; a reply larger than max-reply-size (" + maxReplySize
                + ") closes the connection"));
        if (failed > 0) {
            lost = true;
            logger.warn("Zero client lost its connection to " + connectedTo + ": " + failed + " call(s) waiting for a "
                    + "reply failed (the server went away or closed the connection, or a reply was larger than "
                    + "max-reply-size " + maxReplySize + "); the next call opens a new connection");
        }
        else {
            logger.debug("Zero client lost its connection to " + connectedTo
                    + "; the next call opens a new connection");
        }
        disconnect();
    }

    private void disconnect() {
        try {
            router.disconnect(connectedTo);
        }
        catch (RuntimeException ex) {
            logger.debug("Ignoring a failure while disconnecting from " + connectedTo, ex);
        }
        connectedTo = null;
        handshake.cancel();
    }

    /**
     * Blocks for the first message (up to {@code timeoutMillis}; negative: no limit), then takes whatever else is
     * there, up to a batch, without blocking.
     */
    private void receive(int timeoutMillis) {
        if (timeoutMillis != receiveTimeout) {
            router.setReceiveTimeOut(timeoutMillis);
            receiveTimeout = timeoutMillis;
        }
        byte[] identity = router.recv(0);
        if (identity != null) {
            read(identity);
            takeReady(RECEIVE_BATCH - 1);
        }
    }

    /** Takes up to {@code max} messages that are already there, without blocking. */
    private void takeReady(int max) {
        byte[] identity;
        for (int i = 0; i < max && (identity = router.recv(ZMQ.DONTWAIT)) != null; i++) {
            read(identity);
        }
    }

    private void read(byte[] identity) {
        byte[] reply = router.hasReceiveMore() ? router.recv(0) : null;
        while (router.hasReceiveMore()) {
            router.recv(0);
        }
        if (reply != null && !SocketWaker.isWakeUp(identity)) {
            dispatch(reply);
        }
    }

    private void dispatch(byte[] reply) {
        if (reply.length < RequestFrame.ID_LENGTH) {
            logger.debug("Dropping a reply of " + reply.length + " bytes: shorter than a request id");
            return;
        }
        RequestId id = RequestId.of(reply);
        if (handshake.answeredBy(id)) {
            status.connected(connectedTo);
            if (lost) {
                lost = false;
                logger.info("Zero client connected to " + connectedTo + " again");
            }
            return;
        }
        PendingCall call = calls.take(id);
        if (call == null) {
            if (logger.isDebugEnabled()) {
                logger.debug("Dropping a reply from " + address + " to an unknown, timed-out or cancelled call");
            }
            return;
        }
        call.complete(reply, RequestFrame.ID_LENGTH);
    }

    private void prune() {
        if (backlog.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        if (now - lastPrune >= PRUNE_INTERVAL_MS) {
            lastPrune = now;
            backlog.removeIf(PendingCall::isDone);
        }
    }
}
