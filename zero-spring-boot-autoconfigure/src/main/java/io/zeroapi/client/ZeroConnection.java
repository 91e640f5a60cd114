package io.zeroapi.client;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.zeroapi.ZeroConnectionException;
import io.zeroapi.ZeroException;
import io.zeroapi.frame.RequestFrame;
import io.zeroapi.frame.ZeroFrameException;
import io.zeroapi.transport.SocketWaker;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * One connection to a Zero server, shared by every client of one name: a ZeroMQ socket owned by a single I/O
 * thread, with any number of calls in flight matched to their replies by their random 16-byte request ids.
 * <p>
 * Callers on any thread (platform or virtual) put their call in a lock-free queue and wake the I/O thread at
 * most once per batch; they get the reply through the call's {@link CompletableFuture}. Each call has its own
 * timeout: a call never sent by then fails with {@link ZeroConnectionException} (no connection came up), a
 * call sent but not answered with {@link io.zeroapi.ZeroTimeoutException}; either way the call is forgotten
 * and a late reply dropped. At most {@code maxInFlight} calls are pending; more fail at once. The server
 * address is resolved on the first call, so it may depend on something known only later (a port published
 * once a server has started). The connection follows the server when it restarts.
 * <p>
 * {@link #close()} fails pending calls with {@code ZeroConnectionException}, stops the I/O thread (which
 * closes its sockets) and waits for it; close it before the {@link ZContext}.
 */
public final class ZeroConnection implements AutoCloseable {

    /** Default maximum of calls in flight on one connection. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 100_000;

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Supplier<String> addressSupplier;

    private final int maxInFlight;

    private final AtomicInteger inFlight = new AtomicInteger();

    private final ConcurrentHashMap<RequestId, PendingCall> pending = new ConcurrentHashMap<>();

    private final Queue<PendingCall> submitted = new ConcurrentLinkedQueue<>();

    private final AtomicBoolean closed = new AtomicBoolean();

    private final SocketWaker waker;

    private final ConnectionLoop loop;

    private final Thread thread;

    private volatile String address;

    /**
     * Creates a connection with the default limit of calls in flight.
     * @param context the ZeroMQ context for the sockets
     * @param address supplies {@code tcp://host:port} or {@code host:port}, asked once on the first call
     */
    public ZeroConnection(ZContext context, Supplier<String> address) {
        this(context, address, DEFAULT_MAX_IN_FLIGHT);
    }

    /**
     * Creates a connection.
     * @param context the ZeroMQ context for the sockets
     * @param address supplies {@code tcp://host:port} or {@code host:port}, asked once on the first call
     * @param maxInFlight the most calls pending at once; further calls fail at once
     */
    public ZeroConnection(ZContext context, Supplier<String> address, int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be positive, got " + maxInFlight);
        }
        int number = COUNTER.incrementAndGet();
        this.addressSupplier = address;
        this.maxInFlight = maxInFlight;
        ZMQ.Socket socket = ConnectionLoop.createSocket(context, maxInFlight + 1024);
        this.waker = SocketWaker.attach(context, socket, "zero-client-" + number);
        this.loop = new ConnectionLoop(this, context, socket, waker, submitted);
        this.thread = new Thread(loop, "zero-client-" + number);
        this.thread.setDaemon(true);
        this.waker.owner(thread);
        this.thread.start();
    }

    /**
     * The server address as a ZeroMQ endpoint, resolved on first use.
     * @throws ZeroException if the address is missing or malformed
     */
    public String address() {
        String resolved = address;
        if (resolved == null) {
            synchronized (this) {
                if (address == null) {
                    address = ZeroAddress.normalize(addressSupplier.get());
                }
                resolved = address;
            }
        }
        return resolved;
    }

    String resolvedAddress() {
        return address;
    }

    /** Number of calls currently pending (sent or waiting to be sent). */
    int pendingCount() {
        return pending.size();
    }

    /**
     * Sends a call; the future gets the decoded reply or fails with a {@link ZeroException}. With {@code timed}, a
     * timer expires it after {@code timeout}; without, the caller waits on the future itself and calls
     * {@link #expire} when its timeout has passed (a blocking caller saves a timer task, and the timer thread's
     * wake-up, per call).
     * @param payload the msgpack argument, or {@code null} for none
     * @param returnType the type to decode the reply to, or {@code null} for generic decoding
     */
    CompletableFuture<Object> call(String rpc, byte[] payload, Type returnType, Duration timeout, ReplyReader reader,
            boolean timed) {
        String endpoint;
        try {
            endpoint = address();
        }
        catch (RuntimeException ex) {
            return CompletableFuture.failedFuture(ex instanceof ZeroException ? ex
                    : new ZeroException(rpc + ": cannot resolve the server address: " + ex.getMessage(), ex));
        }
        if (closed.get()) {
            return CompletableFuture.failedFuture(closedException(rpc, endpoint));
        }
        PendingCall call;
        try {
            call = register(rpc, payload, returnType, timeout, reader, endpoint, timed);
        }
        catch (ZeroFrameException ex) {
            return CompletableFuture.failedFuture(
                    new ZeroException(rpc + " at " + endpoint + ": " + ex.getMessage(), ex));
        }
        if (call == null) {
            return CompletableFuture.failedFuture(new ZeroException(
                    rpc + " at " + endpoint + ": too many calls in flight (at most " + maxInFlight + ")"));
        }
        submitted.offer(call);
        waker.wake();
        if (closed.get()) {
            call.fail(closedException(rpc, endpoint));
        }
        return call.future;
    }

    private PendingCall register(String rpc, byte[] payload, Type returnType, Duration timeout, ReplyReader reader,
            String endpoint, boolean timed) {
        RequestId id = RequestId.random();
        PendingCall call = new PendingCall(id, RequestFrame.encode(id.toBytes(), rpc, payload), rpc, endpoint,
                timeout, returnType, reader);
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            return null;
        }
        while (pending.putIfAbsent(call.id, call) != null) {
            id = RequestId.random();
            call = new PendingCall(id, RequestFrame.encode(id.toBytes(), rpc, payload), rpc, endpoint, timeout,
                    returnType, reader);
        }
        PendingCall registered = call;
        if (timed) {
            registered.setExpiry(CallTimer.schedule(() -> expire(registered), timeout));
        }
        registered.future.whenComplete((value, failure) -> {
            pending.remove(registered.id, registered);
            inFlight.decrementAndGet();
            registered.cancelExpiry();
        });
        return registered;
    }

    /** Forgets a call whose timeout has passed and fails it: never sent, no connection; sent, a timeout. */
    void expire(CompletableFuture<?> future) {
        if (future instanceof PendingCall.CallFuture callFuture) {
            expire(callFuture.call);
        }
    }

    private void expire(PendingCall call) {
        pending.remove(call.id, call);
        call.expire();
    }

    PendingCall removePending(RequestId id) {
        return pending.remove(id);
    }

    /** Called by the I/O thread when it could not go on. */
    void terminated(String reason) {
        closed.set(true);
        failPending(reason);
    }

    /**
     * Fails the pending calls with {@link ZeroConnectionException} ("client closed"), stops the I/O thread,
     * which closes its sockets, and waits for it to end. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        failPending("client closed");
        loop.stop();
        waker.wakeNow();
        if (Thread.currentThread() != thread) {
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                }
                catch (InterruptedException ex) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        waker.close();
        failPending("client closed");
    }

    private void failPending(String reason) {
        for (PendingCall call : pending.values()) {
            call.fail(new ZeroConnectionException(call.rpc + " at " + call.address + ": " + reason));
        }
    }

    private static ZeroConnectionException closedException(String rpc, String endpoint) {
        return new ZeroConnectionException(rpc + " at " + endpoint + ": client closed");
    }

    @Override
    public String toString() {
        return "ZeroConnection[" + (address != null ? address : "unresolved") + ", " + pending.size() + " pending]";
    }
}
