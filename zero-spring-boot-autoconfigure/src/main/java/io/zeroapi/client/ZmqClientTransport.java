package io.zeroapi.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.zeroapi.ZeroConnectionException;
import io.zeroapi.frame.RequestFrame;
import io.zeroapi.internal.zeromq.OwnerInbox;
import io.zeroapi.internal.zeromq.SocketWaker;
import io.zeroapi.internal.zeromq.ZmqContexts;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * One life of a {@link ZeroConnection}'s transport: a private ZeroMQ context, its socket, the waker and the
 * {@link ZmqConnectionLoop} on its own daemon thread, with the calls pending on them.
 * <p>
 * When the loop throws anything (an {@link Error} included) or JeroMQ's I/O thread of the context fails, the
 * transport is failed: one ERROR line, every pending call and every call still handed to it fails at once with
 * {@link ZeroConnectionException}, and its thread closes the socket and the context (in bounded time) and ends. The
 * connection then opens a new transport for its next call.
 */
final class ZmqClientTransport implements ClientTransport, Runnable {

    /** Zero's ZeroMQ protocol: request frames of a 16-byte id, the 80-byte padded name and the argument. */
    static final ClientTransport.Protocol PROTOCOL = new ClientTransport.Protocol() {

        @Override
        public int requestOverhead() {
            return RequestFrame.HEADER_LENGTH;
        }

        @Override
        public byte[] encodeRequest(RequestId id, String rpc, byte @Nullable [] payload) {
            return RequestFrame.encode(id.toBytes(), rpc, payload);
        }

        @Override
        public ClientTransport open(String name, String address, ZeroConnectionSettings settings,
                ConnectionStatus status, boolean keepConnected) {
            return ZmqClientTransport.open(name, address, settings, status, keepConnected);
        }
    };

    /** How long closing the ZeroMQ context may take; JeroMQ's {@code term} never returns if its I/O thread died. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

    private static final Log logger = LogFactory.getLog(ZeroConnection.class);

    private final String name;

    private final String address;

    private final PendingCalls calls = new PendingCalls();

    private final OwnerInbox<PendingCall> submitted;

    private final TransportEnd end;

    private final ZContext context;

    private final ZMQ.Socket socket;

    private final SocketWaker waker;

    private final ZmqConnectionLoop loop;

    private final ZmqCallerSockets callerSockets;

    private final Thread thread;

    private volatile boolean started;


    private final ConnectionStatus status;

    private ZmqClientTransport(String name, String address, ZeroConnectionSettings settings,
            ConnectionStatus status, boolean keepConnected) {
        this.status = status;
        this.name = name;
        this.address = address;
        this.end = new TransportEnd(address);
        String owner = "Zero client " + name + " of " + address;
        this.context = ZmqContexts.create(owner, this::ioThreadFailed);
        try {
            this.socket = ZmqConnectionLoop.createSocket(context, settings, owner);
            this.waker = SocketWaker.attach(context, socket, name);
            this.submitted = new OwnerInbox<>(waker);
            this.loop = new ZmqConnectionLoop(socket, waker, submitted, calls, address, settings, status,
                    keepConnected);
            this.callerSockets = new ZmqCallerSockets(context, address, settings, name, status);
        }
        catch (Throwable ex) {
            ZmqContexts.close(context, CLOSE_TIMEOUT);
            throw ex;
        }
        this.thread = new Thread(this, name);
        this.thread.setDaemon(true);
        this.waker.owner(thread);
    }

    /**
     * Opens a transport to {@code address} and starts its thread.
     * @param name names the thread and the log lines, e.g. {@code zero-client-1}
     */
    static ClientTransport open(String name, String address, ZeroConnectionSettings settings,
            ConnectionStatus status, boolean keepConnected) {
        ZmqClientTransport transport = new ZmqClientTransport(name, address, settings, status, keepConnected);
        transport.started = true;
        try {
            transport.thread.start();
        }
        catch (Throwable ex) {
            transport.end();
            throw ex;
        }
        return transport;
    }

    @Override
    public PendingCalls calls() {
        return calls;
    }

    /** Hands a call, already in {@link #calls()}, to the I/O thread. */
    @Override
    public void submit(PendingCall call) {
        submitted.add(call);
    }

    /** On a socket of the caller's own ({@link ZmqCallerSockets}) while the connection is up and one is free. */
    @Override
    public boolean callOnCallerThread(PendingCall call, long deadlineNanos) {
        return isUsable() && callerSockets.call(call, deadlineNanos);
    }

    /** How many sockets of blocking callers are open. */
    int callerSocketCount() {
        return callerSockets.openCount();
    }

    /** Runs {@code task} on the I/O thread; a task that throws fails the transport. */
    @Override
    public void execute(Runnable task) {
        loop.execute(task);
    }

    @Override
    public boolean isUsable() {
        return end.isUsable();
    }

    @Override
    public @Nullable ZeroConnectionException refusal(String rpc) {
        return end.refusal(rpc);
    }

    /** Whether its thread has ended, after its context was closed. */
    @Override
    public boolean isFinished() {
        return !thread.isAlive();
    }

    /**
     * JeroMQ's I/O thread of the context failed; called on that thread, so it only hands the failure over: the
     * transport's own thread stops and fails the transport.
     */
    void ioThreadFailed(Throwable cause) {
        if (end.isClosing() || !end.fail(cause) || !started) {
            return;
        }
        loop.stop();
        try {
            waker.wakeNow();
        }
        catch (RuntimeException ex) {
            logger.debug(name + ": cannot wake the I/O thread of a failed connection", ex);
        }
    }

    @Override
    public void run() {
        try {
            if (end.failure() == null) {
                loop.run();
            }
        }
        catch (Throwable ex) {
            end.fail(ex);
        }
        finally {
            end();
        }
    }

    private void end() {
        Throwable cause = end.failure();
        if (cause != null && !end.isClosing()) {
            status.lost(address);
            int failed = calls.failAll(call -> end.failedException(call.rpc, cause));
            logger.error(name + ": Zero client connection to " + address + " failed: " + cause + "; " + failed
                    + " pending call(s) failed, reconnecting on the next call", cause);
        }
        else {
            calls.failAll(call -> ClientTransport.closedException(call.rpc, address));
        }
        callerSockets.close(System.nanoTime() + CLOSE_TIMEOUT.toNanos());
        try {
            context.destroySocket(socket);
            waker.close();
        }
        catch (RuntimeException ex) {
            logger.debug(name + ": ignoring a failure while closing a Zero client socket", ex);
        }
        ZmqContexts.close(context, CLOSE_TIMEOUT);
    }

    /**
     * Fails the pending calls ("client closed"), stops the thread, which closes the socket and the context, and
     * waits for it until {@code deadlineNanos} (a {@link System#nanoTime()} value).
     */
    @Override
    public void close(long deadlineNanos) {
        end.closing();
        calls.failAll(call -> ClientTransport.closedException(call.rpc, address));
        callerSockets.close(deadlineNanos);
        loop.stop();
        try {
            waker.wakeNow();
        }
        catch (RuntimeException ex) {
            logger.debug(name + ": cannot wake the I/O thread to close it", ex);
        }
        if (Thread.currentThread() != thread) {
            join(deadlineNanos);
        }
        calls.failAll(call -> ClientTransport.closedException(call.rpc, address));
    }

    private void join(long deadlineNanos) {
        boolean interrupted = false;
        long left;
        while (thread.isAlive() && (left = deadlineNanos - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.timedJoin(thread, left);
            }
            catch (InterruptedException ex) {
                interrupted = true;
            }
        }
        if (thread.isAlive()) {
            logger.warn(name + ": the I/O thread of the Zero client of " + address + " did not end in time; "
                    + "leaving it (a daemon thread) behind");
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

}
