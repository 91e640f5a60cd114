package io.zeroapi.client;

import java.util.ArrayDeque;
import java.util.Queue;

import io.zeroapi.ZeroConnectionException;
import io.zeroapi.frame.RequestFrame;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The I/O thread of one {@link ZeroConnection}: the only thread that touches its DEALER. Each turn it waits
 * for a wake-up or a reply, moves newly submitted calls to its backlog, dispatches replies to their pending
 * calls by request id, and writes the backlog to the socket.
 * <p>
 * The DEALER is created on the first call and attaches its pipe only once a connection to the server has
 * completed its handshake (libzmq's {@code ZMQ_IMMEDIATE=1}; in JeroMQ 0.6.0 that is
 * {@code setDelayAttachOnConnect(true)}, because its {@code setImmediate(true)} is the default and means the
 * opposite). So a send only succeeds while the server is connected, and nothing is queued for a peer that is
 * not there.
 * Calls that cannot be sent stay in the backlog until the socket becomes writable; expired ones are skipped
 * and pruned, so a request is never delivered after its call timed out. A handshake interval of 500 ms
 * guards against JeroMQ 0.6.0's connect hang (a stuck handshake is retried instead of waiting 30 s).
 */
final class ConnectionLoop implements Runnable {

    private static final Log logger = LogFactory.getLog(ZeroConnection.class);

    static final int HANDSHAKE_INTERVAL_MS = 500;

    static final int RECONNECT_INTERVAL_MS = 100;

    static final int RECONNECT_INTERVAL_MAX_MS = 1000;

    private static final long PRUNE_INTERVAL_MS = 200;

    private static final int RECEIVE_BATCH = 4096;

    private final ZeroConnection connection;

    private final ZContext context;

    private final Signal signal;

    private final Queue<PendingCall> submitted;

    private final int highWaterMark;

    private final ArrayDeque<PendingCall> backlog = new ArrayDeque<>();

    private volatile boolean running = true;

    private ZMQ.Socket dealer;

    private ZMQ.Poller idle;

    private ZMQ.Poller reading;

    private ZMQ.Poller writing;

    private long lastPrune;

    ConnectionLoop(ZeroConnection connection, ZContext context, Signal signal, Queue<PendingCall> submitted,
            int highWaterMark) {
        this.connection = connection;
        this.context = context;
        this.signal = signal;
        this.submitted = submitted;
        this.highWaterMark = highWaterMark;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        try {
            idle = context.createPoller(1);
            idle.register(signal.receiver(), ZMQ.Poller.POLLIN);
            while (running) {
                poll();
                if (!running) {
                    break;
                }
                signal.lower();
                takeSubmitted();
                if (dealer == null && !backlog.isEmpty()) {
                    open();
                }
                if (dealer != null) {
                    receive();
                    flush();
                }
                prune();
            }
        }
        catch (RuntimeException ex) {
            if (running) {
                logger.warn("Zero client I/O thread stopped unexpectedly", ex);
                connection.terminated("connection terminated: " + ex);
            }
        }
        finally {
            closeSockets();
        }
    }

    private void poll() {
        if (dealer == null) {
            idle.poll(-1);
        }
        else if (backlog.isEmpty()) {
            reading.poll(-1);
        }
        else {
            writing.poll(PRUNE_INTERVAL_MS);
        }
    }

    private void takeSubmitted() {
        PendingCall call;
        while ((call = submitted.poll()) != null) {
            if (!call.isDone()) {
                backlog.add(call);
            }
        }
    }

    private void open() {
        String endpoint = connection.resolvedAddress();
        ZMQ.Socket socket = context.createSocket(SocketType.DEALER);
        try {
            socket.setLinger(0);
            socket.setDelayAttachOnConnect(true);
            socket.setHandshakeIvl(HANDSHAKE_INTERVAL_MS);
            socket.setReconnectIVL(RECONNECT_INTERVAL_MS);
            socket.setReconnectIVLMax(RECONNECT_INTERVAL_MAX_MS);
            socket.setSndHWM(highWaterMark);
            socket.setRcvHWM(highWaterMark);
            socket.connect(endpoint);
        }
        catch (RuntimeException ex) {
            context.destroySocket(socket);
            for (PendingCall call : backlog) {
                call.fail(new ZeroConnectionException(call.rpc + ": cannot connect to " + endpoint + ": " + ex));
            }
            backlog.clear();
            return;
        }
        dealer = socket;
        reading = context.createPoller(2);
        reading.register(signal.receiver(), ZMQ.Poller.POLLIN);
        reading.register(dealer, ZMQ.Poller.POLLIN);
        writing = context.createPoller(2);
        writing.register(signal.receiver(), ZMQ.Poller.POLLIN);
        writing.register(dealer, ZMQ.Poller.POLLIN | ZMQ.Poller.POLLOUT);
    }

    private void receive() {
        for (int i = 0; i < RECEIVE_BATCH; i++) {
            byte[] reply = dealer.recv(ZMQ.DONTWAIT);
            if (reply == null) {
                return;
            }
            dispatch(reply);
        }
    }

    private void dispatch(byte[] reply) {
        if (reply.length < RequestFrame.ID_LENGTH) {
            logger.debug("Dropping a reply of " + reply.length + " bytes: shorter than a request id");
            return;
        }
        PendingCall call = connection.removePending(RequestId.of(reply));
        if (call == null) {
            if (logger.isDebugEnabled()) {
                logger.debug("Dropping a reply from " + connection.resolvedAddress()
                        + " to an unknown, timed-out or cancelled call");
            }
            return;
        }
        call.complete(reply);
    }

    private void flush() {
        while (!backlog.isEmpty()) {
            PendingCall call = backlog.peek();
            if (!call.isDone()) {
                if (!dealer.send(call.frame, ZMQ.DONTWAIT)) {
                    return;
                }
                call.markSent();
            }
            backlog.poll();
        }
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

    private void closeSockets() {
        quietly(() -> closePoller(idle));
        quietly(() -> closePoller(reading));
        quietly(() -> closePoller(writing));
        if (dealer != null) {
            quietly(() -> context.destroySocket(dealer));
        }
        quietly(signal::closeReceiver);
    }

    private static void closePoller(ZMQ.Poller poller) {
        if (poller != null) {
            poller.close();
        }
    }

    private static void quietly(Runnable action) {
        try {
            action.run();
        }
        catch (RuntimeException ex) {
            logger.debug("Ignoring a failure while closing a Zero client socket", ex);
        }
    }
}
