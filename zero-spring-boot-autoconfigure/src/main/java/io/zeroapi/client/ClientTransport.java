package io.zeroapi.client;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.zeroapi.ZeroConnectionException;
import io.zeroapi.transport.SocketWaker;
import io.zeroapi.transport.ZmqContexts;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * One life of a {@link ZeroConnection}'s transport: a private ZeroMQ context, its socket, the waker and the
 * {@link ConnectionLoop} on its own daemon thread, with the calls pending on them.
 * <p>
 * When the loop throws anything (an {@link Error} included) or JeroMQ's I/O thread of the context fails, the
 * transport is failed: one ERROR line, every pending call and every call still handed to it fails at once with
 * {@link ZeroConnectionException}, and its thread closes the socket and the context (in bounded time) and ends. The
 * connection then opens a new transport for its next call.
 */
final class ClientTransport implements Runnable {

    /** How long closing the ZeroMQ context may take; JeroMQ's {@code term} never returns if its I/O thread died. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

    private static final Log logger = LogFactory.getLog(ZeroConnection.class);

    private final String name;

    private final String address;

    private final PendingCalls calls = new PendingCalls();

    private final Queue<PendingCall> submitted = new ConcurrentLinkedQueue<>();

    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private final ZContext context;

    private final ZMQ.Socket socket;

    private final SocketWaker waker;

    private final ConnectionLoop loop;

    private final Thread thread;

    private volatile boolean started;

    private volatile boolean closing;

    private ClientTransport(String name, String address, ZeroConnectionSettings settings) {
        this.name = name;
        this.address = address;
        String owner = "Zero client " + name + " of " + address;
        this.context = ZmqContexts.create(owner, this::ioThreadFailed);
        try {
            this.socket = ConnectionLoop.createSocket(context, settings, owner);
            this.waker = SocketWaker.attach(context, socket, name);
            this.loop = new ConnectionLoop(socket, waker, submitted, calls, address, settings);
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
    static ClientTransport open(String name, String address, ZeroConnectionSettings settings) {
        ClientTransport transport = new ClientTransport(name, address, settings);
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

    PendingCalls calls() {
        return calls;
    }

    /** Hands a call, already in {@link #calls()}, to the I/O thread. */
    void submit(PendingCall call) {
        submitted.offer(call);
        waker.wake();
    }

    /** Runs {@code task} on the I/O thread; a task that throws fails the transport. */
    void execute(Runnable task) {
        loop.execute(task);
    }

    /** Whether calls may still be handed over: neither failed nor closing. */
    boolean isUsable() {
        return failure.get() == null && !closing;
    }

    /** Why a call handed over now would never be answered, or {@code null} while the transport is usable. */
    ZeroConnectionException refusal(String rpc) {
        Throwable cause = failure.get();
        if (cause != null) {
            return failedException(rpc, cause);
        }
        return closing ? closedException(rpc, address) : null;
    }

    /** Whether its thread has ended, after its context was closed. */
    boolean isFinished() {
        return !thread.isAlive();
    }

    /**
     * JeroMQ's I/O thread of the context failed; called on that thread, so it only hands the failure over: the
     * transport's own thread stops and fails the transport.
     */
    void ioThreadFailed(Throwable cause) {
        if (closing || !failure.compareAndSet(null, cause) || !started) {
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
            if (failure.get() == null) {
                loop.run();
            }
        }
        catch (Throwable ex) {
            failure.compareAndSet(null, ex);
        }
        finally {
            end();
        }
    }

    private void end() {
        Throwable cause = failure.get();
        if (cause != null && !closing) {
            int failed = calls.failAll(call -> failedException(call.rpc, cause));
            logger.error(name + ": Zero client connection to " + address + " failed: " + cause + "; " + failed
                    + " pending call(s) failed, reconnecting on the next call", cause);
        }
        else {
            calls.failAll(call -> closedException(call.rpc, address));
        }
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
    void close(long deadlineNanos) {
        closing = true;
        calls.failAll(call -> closedException(call.rpc, address));
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
        calls.failAll(call -> closedException(call.rpc, address));
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

    private ZeroConnectionException failedException(String rpc, Throwable cause) {
        return new ZeroConnectionException(rpc, address, "connection failed: " + cause
                + "; reconnecting on the next call");
    }

    static ZeroConnectionException closedException(String rpc, String address) {
        return new ZeroConnectionException(rpc, address, "client closed");
    }
}
