package io.zeroapi.client;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.ZContext;

/**
 * The sockets blocking callers of one transport use themselves ({@link ZmqCallerSocket}): at most {@link #MAX_SOCKETS},
 * opened as callers need them (each answers Zero's {@code connect} handshake before it carries a call) and reused by
 * whichever caller comes next. A call goes this way only while the connection is up, from a platform thread, and
 * while a socket is free; otherwise it takes the shared connection, as asynchronous calls do. After a socket could
 * not be opened or its handshake went unanswered, no socket is opened for {@link #OPEN_BACKOFF_MILLIS}.
 * <p>
 * Closing wakes the callers still waiting (their calls have failed with the transport's pending calls), closes the
 * free sockets and waits, in bounded time, until the busy ones are closed by their callers.
 */
final class ZmqCallerSockets {

    /** The most sockets per transport: as many blocking callers are served without a hand-off. */
    static final int MAX_SOCKETS = 16;

    /** How long a handshake of a new socket may take at most (less when the call's timeout is shorter). */
    static final long HANDSHAKE_MILLIS = ConnectHandshake.TIMEOUT_MS;

    static final long OPEN_BACKOFF_MILLIS = 5000;

    private static final Log logger = LogFactory.getLog(ZeroConnection.class);

    private static final @Nullable MethodHandle IS_VIRTUAL = isVirtualHandle();

    private final ZContext context;

    private final String address;

    private final ZeroConnectionSettings settings;

    private final String name;

    private final ConnectionStatus status;

    private final ConcurrentLinkedDeque<ZmqCallerSocket> free = new ConcurrentLinkedDeque<>();

    private final Set<ZmqCallerSocket> busy = ConcurrentHashMap.newKeySet();

    private final AtomicInteger open = new AtomicInteger();

    private final AtomicInteger opened = new AtomicInteger();

    private volatile boolean closed;

    private volatile long noOpenBefore;

    /** @param status the state of the transport's own connection: calls go this way only while it is connected */
    ZmqCallerSockets(ZContext context, String address, ZeroConnectionSettings settings, String name,
            ConnectionStatus status) {
        this.context = context;
        this.address = address;
        this.settings = settings;
        this.name = name;
        this.status = status;
        this.noOpenBefore = System.nanoTime();
    }

    /**
     * Makes {@code call} (registered, not yet handed to the I/O thread) on the calling thread, waiting for its reply
     * until {@code deadline} (a {@link System#nanoTime()} value).
     * @return whether it did: the call is then complete (or pending with the caller interrupted); {@code false} if it
     * did not touch the call, which must go the shared way
     */
    boolean call(PendingCall call, long deadline) {
        if (closed || status.get().status() != ZeroConnectionState.Status.CONNECTED
                || isVirtual(Thread.currentThread())) {
            return false;
        }
        ZmqCallerSocket socket = acquire(deadline);
        if (socket == null) {
            return false;
        }
        busy.add(socket);
        ZmqCallerSocket.Outcome outcome = ZmqCallerSocket.Outcome.NOT_SENT;
        try {
            if (!closed) {
                outcome = socket.exchange(call, deadline);
            }
        }
        finally {
            busy.remove(socket);
            if (outcome == ZmqCallerSocket.Outcome.DONE && !closed) {
                free.addFirst(socket);
                if (closed && free.remove(socket)) {
                    retire(socket);
                }
            }
            else {
                retire(socket);
            }
        }
        return outcome != ZmqCallerSocket.Outcome.NOT_SENT;
    }

    /** How many sockets are open (free or in use). */
    int openCount() {
        return open.get();
    }

    private @Nullable ZmqCallerSocket acquire(long deadline) {
        ZmqCallerSocket socket;
        while ((socket = free.pollFirst()) != null) {
            if (!socket.isBroken()) {
                return socket;
            }
            retire(socket);
        }
        long now = System.nanoTime();
        if (now - noOpenBefore < 0) {
            return null;
        }
        if (open.incrementAndGet() > MAX_SOCKETS) {
            open.decrementAndGet();
            return null;
        }
        try {
            socket = new ZmqCallerSocket(context, address, settings, name + "-caller-" + opened.incrementAndGet());
        }
        catch (RuntimeException ex) {
            open.decrementAndGet();
            backOff("cannot open a socket: " + ex);
            return null;
        }
        busy.add(socket);
        long handshakeDeadline = now + Math.min(TimeUnit.MILLISECONDS.toNanos(HANDSHAKE_MILLIS), (deadline - now) / 2);
        if (closed || !socket.handshake(handshakeDeadline)) {
            busy.remove(socket);
            retire(socket);
            if (!closed && !Thread.currentThread().isInterrupted()) {
                backOff("no answer to the connect handshake in time");
            }
            return null;
        }
        return socket;
    }

    private void backOff(String why) {
        noOpenBefore = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(OPEN_BACKOFF_MILLIS);
        logger.debug(name + ": blocking callers share the connection to " + address + " for "
                + OPEN_BACKOFF_MILLIS + " ms: " + why);
    }

    private void retire(ZmqCallerSocket socket) {
        try {
            socket.close();
        }
        catch (RuntimeException ex) {
            logger.debug(name + ": ignoring a failure while closing a caller socket", ex);
        }
        finally {
            if (open.decrementAndGet() == 0 && closed) {
                synchronized (this) {
                    notifyAll();
                }
            }
        }
    }

    /**
     * Stops taking calls, closes the free sockets and wakes the callers waiting on the others, then waits for them
     * to close theirs until {@code deadlineNanos} (a {@link System#nanoTime()} value).
     */
    void close(long deadlineNanos) {
        closed = true;
        for (ZmqCallerSocket socket : busy) {
            socket.wakeToClose();
        }
        ZmqCallerSocket socket;
        while ((socket = free.pollFirst()) != null) {
            retire(socket);
        }
        boolean interrupted = false;
        synchronized (this) {
            long left;
            while (open.get() > 0 && (left = deadlineNanos - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
                catch (InterruptedException ex) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isVirtual(Thread thread) {
        if (IS_VIRTUAL == null) {
            return false;
        }
        try {
            return (boolean) IS_VIRTUAL.invokeExact(thread);
        }
        catch (Throwable ex) {
            return true;
        }
    }

    /** {@code Thread.isVirtual()} on Java 21 and later, {@code null} before. */
    private static @Nullable MethodHandle isVirtualHandle() {
        try {
            return MethodHandles.publicLookup().findVirtual(Thread.class, "isVirtual",
                    MethodType.methodType(boolean.class));
        }
        catch (NoSuchMethodException | IllegalAccessException ex) {
            return null;
        }
    }
}
