package io.zeroapi.client;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.zeroapi.ZeroConnectionException;
import io.zeroapi.ZeroConnectionLostException;
import io.zeroapi.frame.RequestFrame;
import io.zeroapi.internal.zeromq.SocketWaker;
import io.zeroapi.internal.zeromq.ZmqErrors;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * A socket of its own for one blocking caller at a time ({@link ZmqCallerSockets}): the calling thread writes its
 * request and waits in the socket's {@code recv} for the reply itself, so a call costs no hand-off to and from the
 * connection's I/O thread. A ROUTER connected to the server under a routing alias, with the options of the
 * connection's socket (heartbeats, reply size limit, handshake interval), and bound to an {@code inproc} waker, so
 * its connection breaking ({@code DISCONNECTED}) or the client closing wakes the waiting caller. A socket whose call
 * timed out, broke or was interrupted is not used again.
 */
final class ZmqCallerSocket {

    private static final byte[] ALIAS = "zero-server".getBytes(StandardCharsets.US_ASCII);

    /** How often a new socket tries to write its handshake until its connection is up. */
    private static final int CONNECT_POLL_MILLIS = 1;

    /** How a call on the socket went. */
    enum Outcome {
        /** Answered; the socket can serve the next call. */
        DONE,
        /** Completed (timed out, connection lost, failed or completed elsewhere); the socket must be closed. */
        RETIRED,
        /** Not written: the call is untouched and may go another way; the socket must be closed. */
        NOT_SENT,
        /** The caller was interrupted (its interrupt status is set again); the call is pending. */
        INTERRUPTED
    }

    private final ZContext context;

    private final ZMQ.Socket router;

    private final SocketWaker waker;

    private final String address;

    private final AtomicInteger losses = new AtomicInteger();

    private volatile boolean closing;

    /** The connection losses counted when the handshake was answered: a socket that lost it since is not used. */
    private int lossesAtHandshake = -1;

    private int receiveTimeout = -1;

    /**
     * Opens a socket to {@code address} (it connects in the background; {@link #handshake} waits for it).
     * @param name names the socket in log lines
     */
    ZmqCallerSocket(ZContext context, String address, ZeroConnectionSettings settings, String name) {
        this.context = context;
        this.address = address;
        this.router = ZmqConnectionLoop.createSocket(context, settings, name);
        try {
            this.waker = SocketWaker.attach(context, router, name);
        }
        catch (RuntimeException ex) {
            context.destroySocket(router);
            throw ex;
        }
        try {
            router.setEventHook(event -> {
                losses.incrementAndGet();
                waker.wake();
            }, ZMQ.EVENT_DISCONNECTED);
            router.setConnectRid(ALIAS);
            router.connect(address);
        }
        catch (RuntimeException ex) {
            close();
            throw ex;
        }
    }

    /**
     * Sends Zero's {@code connect} handshake once the connection is up (trying every millisecond) and waits for its
     * answer, both until {@code deadline} (a {@link System#nanoTime()} value): a new connection that JeroMQ leaves
     * hanging must not carry a call. A connection that breaks meanwhile (JeroMQ reconnects it) gets a new handshake.
     * @return whether the server answered
     */
    boolean handshake(long deadline) {
        try {
            while (true) {
                RequestId id = RequestId.random();
                waker.rearm();
                int lossesBefore = losses.get();
                if (!sendConnect(id, deadline)) {
                    return false;
                }
                byte[] reply;
                while ((reply = receive(deadline)) != null) {
                    if (reply.length == 0) {
                        if (closing) {
                            return false;
                        }
                        if (losses.get() != lossesBefore) {
                            break;
                        }
                    }
                    else if (reply.length >= RequestFrame.ID_LENGTH && RequestId.of(reply).equals(id)) {
                        lossesAtHandshake = lossesBefore;
                        return losses.get() == lossesBefore;
                    }
                }
                if (reply == null) {
                    return false;
                }
            }
        }
        catch (ZMQException ex) {
            if (ZmqErrors.isInterrupted(ex)) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    /** Writes the handshake {@code id} once the connection is up, trying every millisecond until the deadline. */
    private boolean sendConnect(RequestId id, long deadline) {
        byte[] frame = RequestFrame.connect(id.toBytes());
        while (!send(frame)) {
            if (closing || System.nanoTime() - deadline >= 0) {
                return false;
            }
            router.setReceiveTimeOut(CONNECT_POLL_MILLIS);
            receiveTimeout = CONNECT_POLL_MILLIS;
            if (router.recv(0) != null) {
                skipRest();
            }
        }
        return true;
    }

    /** Whether its connection broke since the handshake (JeroMQ may have reconnected it, unchecked). */
    boolean isBroken() {
        return losses.get() != lossesAtHandshake;
    }

    /** Writes {@code call}'s request and waits for its reply until {@code deadline}, completing the call. */
    Outcome exchange(PendingCall call, long deadline) {
        waker.rearm();
        if (isBroken() || !send(call.frame)) {
            return Outcome.NOT_SENT;
        }
        call.markSentDirectly();
        try {
            while (true) {
                if (call.isDone()) {
                    return Outcome.RETIRED;
                }
                byte[] reply = receive(deadline);
                if (reply == null) {
                    call.expire();
                    return Outcome.RETIRED;
                }
                if (reply.length == 0) {
                    if (isBroken()) {
                        call.fail(new ZeroConnectionLostException(call.rpc, address, "connection lost before "
                                + "the reply"));
                        return Outcome.RETIRED;
                    }
                    if (closing) {
                        call.fail(ClientTransport.closedException(call.rpc, address));
                        return Outcome.RETIRED;
                    }
                    continue;
                }
                if (reply.length >= RequestFrame.ID_LENGTH && RequestId.of(reply).equals(call.id)) {
                    call.complete(reply, RequestFrame.ID_LENGTH);
                    return Outcome.DONE;
                }
            }
        }
        catch (ZMQException ex) {
            if (ZmqErrors.isInterrupted(ex)) {
                Thread.currentThread().interrupt();
                return Outcome.INTERRUPTED;
            }
            call.fail(new ZeroConnectionException(call.rpc, address, "connection failed: " + ex));
            return Outcome.RETIRED;
        }
    }

    /**
     * The next reply frame, an empty array for a wake-up, or {@code null} once {@code deadline} has passed.
     * @throws ZMQException if the caller is interrupted ({@code EINTR}) or the context is closing
     */
    private byte[] receive(long deadline) {
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            int millis = (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(left) + 1);
            if (millis != receiveTimeout) {
                router.setReceiveTimeOut(millis);
                receiveTimeout = millis;
            }
            byte[] identity = router.recv(0);
            if (identity == null) {
                continue;
            }
            byte[] frame = router.hasReceiveMore() ? router.recv(0) : null;
            skipRest();
            if (SocketWaker.isWakeUp(identity)) {
                waker.rearm();
                return new byte[0];
            }
            if (frame != null && frame.length > 0) {
                return frame;
            }
        }
    }

    private void skipRest() {
        while (router.hasReceiveMore()) {
            router.recv(0);
        }
    }

    private boolean send(byte[] frame) {
        try {
            if (!router.send(ALIAS, ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
                return false;
            }
            return router.send(frame, ZMQ.DONTWAIT);
        }
        catch (ZMQException ex) {
            if (ZmqErrors.isHostUnreachable(ex)) {
                return false;
            }
            throw ex;
        }
    }

    /** Any thread: the client is closing; wakes the caller waiting on the socket, if any. */
    void wakeToClose() {
        closing = true;
        waker.wake();
    }

    /** Closes the socket; only the thread that uses it, or anyone once nobody can. */
    void close() {
        try {
            context.destroySocket(router);
        }
        finally {
            waker.close();
        }
    }
}
